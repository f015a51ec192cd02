package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.study.Study;
import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;

/**
 * The parameter form on the user's own data: a CSV chosen through the input picker (as the file dialog, the recent
 * list or a drop hands it over; native dialogs cannot be driven), its rows and columns shown, column parameters as
 * drop-downs of its columns, and Kaplan-Meier and Cox runs on R's lung data whose charts and tables are checked
 * against R. Every table read is closed: the test's allocator must be empty at the end.
 */
class InputPickerTest extends UiTestSupport {
    static final Path LUNG = Path.of("resources", "survival_lung.csv").toAbsolutePath();
    private BufferAllocator allocator;

    @BeforeEach
    void allocate() {
        allocator = service(ArrowMemory.class).newChildAllocator("ide input picker test");
    }

    @AfterEach
    void noTableLeaks() {
        shell.dispose();
        spin(Duration.ofMillis(50), () -> false);
        assertEquals(0, allocator.getAllocatedMemory(), "every input table read was closed");
        allocator.close();
    }

    private ParameterForm form(Composite parent, RecentFiles recent) {
        return new ParameterForm(parent, () -> allocator, recent);
    }

    /** Chooses a file and runs the event loop until its background read has ended; whether a table was read. */
    private boolean choose(InputPicker picker, Path file) {
        picker.choose(file);
        assertTrue(spin(Duration.ofSeconds(60), () -> !picker.loading()), "still reading " + file);
        return picker.loaded() != null;
    }

    @Test
    void aChosenCsvShowsItsShapeAndColumnParametersOfferItsColumns() throws Exception {
        RecentFiles recent = RecentFiles.inMemory();
        ParameterForm form = form(shell, recent);
        MethodRegistry registry = service(MethodRegistry.class);
        form.show(registry.require("stats.km").descriptor());
        show();
        assertFalse(form.runButton().isEnabled(), "no table chosen yet");
        InputPicker data = form.inputs().picker("data");
        assertTrue(data.problem().contains("needs a table"), data.problem());
        assertTrue(choose(data, LUNG), data.summaryText());
        assertTrue(data.summaryText().startsWith("survival_lung.csv: 228 rows, 10 columns (inst, time, status, age"),
                data.summaryText());
        assertTrue(form.runButton().isEnabled(), form.problem("groupBy"));
        assertEquals(List.of(LUNG), recent.list());
        // column parameters: drop-downs of the table's columns; groupBy wants a numeric one
        assertEquals(List.of("inst", "time", "status", "age", "sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal",
                "wt.loss"), form.columnChoices("groupBy"));
        assertTrue(form.columnChoices("time").contains("time"));
        assertEquals(List.of(), form.columnChoices("level"), "a real parameter is no column");
        form.set("groupBy", "gender");
        assertFalse(form.runButton().isEnabled());
        assertEquals("no column 'gender' in the table", form.problem("groupBy"));
        form.set("groupBy", "sex");
        assertTrue(form.runButton().isEnabled(), form.problem("groupBy"));
        screenshot("input-picker-km");
        // another method with an input of the same name keeps the table; its formula is no column
        LoadedTable table = data.loaded();
        form.show(registry.require("stats.cox").descriptor());
        assertSame(table, form.inputs().picker("data").loaded());
        assertEquals(List.of(), form.columnChoices("formula"));
        assertTrue(form.columnChoices("strata").contains("inst"));
        // a list of columns grows by one with each column picked; a single column is replaced
        form.pick("covariates", "age");
        form.pick("covariates", "sex");
        form.pick("covariates", "age");
        assertEquals("age,sex", form.values().get("covariates"));
        form.pick("strata", "inst");
        form.pick("strata", "ph.ecog");
        assertEquals("ph.ecog", form.values().get("strata"));
        // a design has no input: the picker goes and the table is closed
        form.show(registry.require("design.boin").descriptor());
        assertNull(form.inputs().picker("data"));
        assertTrue(table.isClosed());
    }

    private static void assertNull(Object value) {
        assertTrue(value == null, String.valueOf(value));
    }

    @Test
    void aTableWithoutARequiredColumnOrAnUnreadableFileIsShownAndBlocksTheRun() throws Exception {
        Path dir = Files.createTempDirectory("daybreak-picker");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n");
        ParameterForm form = form(shell, RecentFiles.inMemory());
        form.show(service(MethodRegistry.class).require("stats.km").descriptor());
        show();
        InputPicker data = form.inputs().picker("data");
        assertFalse(choose(data, dir.resolve("missing.csv")));
        assertTrue(data.summaryText().contains("no such file"), data.summaryText());
        assertFalse(form.runButton().isEnabled());
        // stats.km reads time and status by name: their defaults are not columns of this table
        assertTrue(choose(data, bad));
        assertFalse(form.runButton().isEnabled());
        assertEquals("no column 'time' in the table", form.problem("time"));
        // a file dropped onto the form goes to the input
        form.inputs().dropped(LUNG.toString());
        assertTrue(spin(Duration.ofSeconds(60), () -> !data.loading()));
        assertEquals(LUNG, data.loaded().file());
        assertTrue(form.runButton().isEnabled());
    }

    @Test
    void aStudyWithAnInputFileSavesItRelativeAndOpensItAgain() throws Exception {
        Path dir = Files.createTempDirectory("daybreak-study-inputs");
        Files.createDirectories(dir.resolve("data"));
        Path lung = Files.copy(LUNG, dir.resolve("data/lung.csv"));
        var descriptor = service(MethodRegistry.class).require("stats.km").descriptor();
        ParameterForm form = form(shell, RecentFiles.inMemory());
        form.show(descriptor);
        choose(form.inputs().picker("data"), lung);
        form.set("groupBy", "sex");
        Study study = form.study(dir);
        assertEquals(Map.of("data", "data/lung.csv"), study.inputs());
        StudyFiles.write(study, dir.resolve("km.study.json"));
        ParameterForm reopened = form(shell, RecentFiles.inMemory());
        reopened.show(descriptor);
        reopened.load(StudyFiles.read(dir.resolve("km.study.json")), dir);
        assertTrue(spin(Duration.ofSeconds(60), () -> !reopened.inputs().picker("data").loading()));
        assertEquals(lung, reopened.inputs().picker("data").loaded().file());
        assertEquals("sex", reopened.values().get("groupBy"));
        assertTrue(reopened.runButton().isEnabled());
    }

    /** A CSV of survival data with {@code rows} rows (time, status, sex), large enough to take a while to read. */
    private static Path largeCsv(Path dir, int rows) throws Exception {
        Path file = dir.resolve("large.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("time,status,sex\n");
            for (int i = 0; i < rows; i++) {
                out.write((1 + i % 1000) + "," + (1 + i % 2) + "," + (1 + i % 3 % 2) + "\n");
            }
        }
        return file;
    }

    @Test
    void aLargeCsvIsReadOffTheUiThreadAndRunWaitsForIt(@TempDir Path dir) throws Exception {
        Path large = largeCsv(dir, 300_000);
        ParameterForm form = form(shell, RecentFiles.inMemory());
        form.show(service(MethodRegistry.class).require("stats.km").descriptor());
        show();
        InputPicker data = form.inputs().picker("data");
        data.choose(large);
        // choose returned before the table was read: the picker says so and Run waits
        assertTrue(data.loading(), "the file was read on the UI thread");
        assertEquals("reading large.csv\u2026", data.summaryText());
        assertFalse(form.runButton().isEnabled(), "Run while the table is being read");
        assertTrue(form.overallProblem().contains("reading large.csv"), form.overallProblem());
        // the UI thread stays responsive: a runnable posted now runs while the file is still being read
        boolean[] ranWhileLoading = {false, false};
        display.asyncExec(() -> {
            ranWhileLoading[0] = true;
            ranWhileLoading[1] = data.loading();
        });
        assertTrue(spin(Duration.ofSeconds(10), () -> ranWhileLoading[0]));
        assertTrue(ranWhileLoading[1], "the UI thread was blocked until the read ended");
        assertTrue(spin(Duration.ofSeconds(120), () -> !data.loading()), "the read did not end");
        assertTrue(data.summaryText().startsWith("large.csv: 300000 rows, 3 columns"), data.summaryText());
        assertTrue(form.runButton().isEnabled(), form.overallProblem());
    }

    @Test
    void aSecondChoiceMadeWhileTheFirstIsReadWinsAndTheFirstTableIsClosed(@TempDir Path dir) throws Exception {
        Path large = largeCsv(dir, 300_000);
        ParameterForm form = form(shell, RecentFiles.inMemory());
        form.show(service(MethodRegistry.class).require("stats.km").descriptor());
        show();
        InputPicker data = form.inputs().picker("data");
        data.choose(large);
        assertTrue(data.loading());
        data.choose(LUNG);
        assertEquals("reading survival_lung.csv\u2026", data.summaryText());
        // both reads end: the small file usually first, the large one later, and it must not replace it
        assertTrue(spin(Duration.ofSeconds(120), () -> data.readsInFlight() == 0 && !data.loading()),
                "reads still running: " + data.readsInFlight());
        spin(Duration.ofMillis(100), () -> false);
        assertEquals(LUNG, data.loaded().file());
        assertTrue(data.summaryText().startsWith("survival_lung.csv: 228 rows"), data.summaryText());
        assertTrue(data.loaded().allocatedMemory() > 0);
        assertEquals(data.loaded().allocatedMemory(), allocator.getAllocatedMemory(),
                "only the shown table holds memory: the large one was closed");
        assertTrue(form.runButton().isEnabled(), form.overallProblem());
    }

    @Test
    void disposingThePickerWhileAReadRunsLeaksNothing(@TempDir Path dir) throws Exception {
        Path large = largeCsv(dir, 300_000);
        ParameterForm form = form(shell, RecentFiles.inMemory());
        form.show(service(MethodRegistry.class).require("stats.km").descriptor());
        show();
        InputPicker data = form.inputs().picker("data");
        data.choose(large);
        assertTrue(data.loading());
        assertEquals(1, data.readsInFlight());
        shell.dispose();
        // the read ends after its picker is gone: its table is closed, no disposed widget is touched
        assertTrue(spin(Duration.ofSeconds(120), () -> data.readsInFlight() == 0), "the read did not end");
        assertEquals(0, allocator.getAllocatedMemory(), "the table read for a disposed picker was closed");
    }

    /** A form, its run panel and a results view; a run leases the chosen tables until it is over. */
    private final class Runner {
        final ParameterForm form;
        final RunPanel runs;
        final ResultsView results;

        Runner(String method) {
            JobService jobs = service(JobService.class);
            SashForm split = new SashForm(shell, SWT.HORIZONTAL);
            Composite left = new Composite(split, SWT.NONE);
            left.setLayout(new GridLayout(1, false));
            form = form(left, RecentFiles.inMemory());
            runs = new RunPanel(left, jobs);
            results = new ResultsView(split);
            split.setWeights(2, 3);
            form.onRun(values -> {
                Map<String, LoadedTable> leased = form.leaseInputs();
                Map<String, Table> tables = new LinkedHashMap<>();
                leased.forEach((name, table) -> tables.put(name, table.table()));
                Job job = jobs.submit(new RunRequest(method, values, tables, 1L));
                job.completion().whenComplete((r, f) -> leased.values().forEach(LoadedTable::release));
                RunInputs.record(job.id(), leased);
                runs.follow(job, result -> results.show(method, result));
            });
            form.show(service(MethodRegistry.class).require(method).descriptor());
        }

        void run() {
            assertTrue(form.runButton().isEnabled(), form.overallProblem());
            form.runButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(spin(Duration.ofSeconds(60), () -> results.rowCount() > 0), "no results: " + runs.statusText());
        }
    }

    @Test
    void kaplanMeierOfALungCsvChosenThroughThePickerDrawsRsCurves() throws Exception {
        shell.setSize(1300, 800);
        Runner km = new Runner("stats.km");
        choose(km.form.inputs().picker("data"), LUNG);
        km.form.set("groupBy", "sex");
        km.form.set("timeUnit", "days");
        show();
        km.run();
        Chart.SurvivalCurves curves = (Chart.SurvivalCurves) km.results.chart();
        assertEquals(List.of("sex=1", "sex=2"), curves.groups());
        // survfit(Surv(time, status) ~ sex, lung): 138 men, 90 women; medians 270 and 426 days
        assertEquals(138, curves.atRisk().get(0)[0]);
        assertEquals(90, curves.atRisk().get(1)[0]);
        String median = km.results.summaryValue("median");
        assertNotNull(median);
        assertTrue(median.contains("270") && median.contains("426"), median);
        // the curve table: one row per group and distinct time, as the chart draws them
        assertEquals(curves.time().get(0).length + curves.time().get(1).length, km.results.rowCount());
        screenshot("ide-km-on-csv");
    }

    @Test
    void coxOfALungCsvChosenThroughThePickerDrawsAForestPlotOfRsHazardRatios() throws Exception {
        shell.setSize(1300, 800);
        Runner cox = new Runner("stats.cox");
        choose(cox.form.inputs().picker("data"), LUNG);
        cox.form.set("formula", "Surv(time, status) ~ age + sex");
        show();
        cox.run();
        Chart.Forest forest = (Chart.Forest) cox.results.chart();
        assertEquals(List.of("age", "sex"), forest.terms());
        // coxph(Surv(time, status) ~ age + sex, lung): coef age 0.017045 (se 0.009223), sex -0.513219 (se 0.167458)
        String sex = cox.results.summaryValue("  sex");
        assertTrue(sex != null && sex.startsWith("coef -0.5132"), String.valueOf(sex));
        String age = cox.results.summaryValue("  age");
        assertTrue(age != null && age.startsWith("coef 0.01704"), String.valueOf(age));
        for (int i = 0; i < 2; i++) {
            assertTrue(forest.lower()[i] < forest.estimate()[i] && forest.estimate()[i] < forest.upper()[i]);
        }
        assertEquals(2, cox.results.rowCount(), "one coefficient row per term");
        screenshot("ide-cox-on-csv");
    }
}
