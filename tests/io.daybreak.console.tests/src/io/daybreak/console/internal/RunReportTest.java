package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.testing.Await;

/** {@code run ... --report file.html}: a local Kaplan-Meier run's report draws its curves as a trial report does. */
class RunReportTest {
    @TempDir
    Path dir;

    private CommandSession session;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void session() {
        BundleContext context = FrameworkUtil.getBundle(RunReportTest.class).getBundleContext();
        CommandProcessor processor = Await.service(context, CommandProcessor.class);
        MethodRegistry registry = Await.service(context, MethodRegistry.class);
        Await.until(() -> registry.find("stats.km").isPresent() && registry.find("example.beta-binomial").isPresent()
                && registry.find("twin.tgi-fit").isPresent(),
                "the stats and example methods are registered");
        Await.service(context, DaybreakCommands.class);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true));
        session.put("SCOPE", "daybreak:*");
    }

    @AfterEach
    void close() {
        session.close();
    }

    /**
     * Two arms followed for up to 400 days (timeUnit=days): the axis is in months, each arm is named as R names a
     * stratum, the numbers at risk at time 0 are the arms' sizes (6 and 5), and the medians have dashed lines.
     */
    @Test
    void aKaplanMeierRunReportsItsCurvesInMonthsWithNumbersAtRiskAndMedians() throws Exception {
        Path data = dir.resolve("trial.csv");
        Files.writeString(data, "time,status,arm\n30,1,1\n60,1,1\n120,1,1\n200,0,1\n300,1,1\n400,0,1\n"
                + "45,1,2\n150,0,2\n250,1,2\n350,0,2\n380,1,2\n");
        Path report = dir.resolve("km.html");
        session.execute("run stats.km --in data=" + data + " time=time status=status groupBy=arm timeUnit=days --report "
                + report);
        assertTrue(out.toString().contains("report -> " + report), out.toString());
        String html = Files.readString(report);
        assertTrue(html.contains("<svg") && html.contains("Time (months)") && html.contains("Number at risk"), html);
        assertTrue(html.contains(">arm=1<") && html.contains(">arm=2<"), "strata named as R names them");
        assertTrue(html.contains(">6<") && html.contains(">5<"), "numbers at risk at time 0");
        assertTrue(html.contains("stroke-dasharray"), "dashed reference and median lines");
        assertTrue(html.contains("dashed: median survival"), "the note says what the dashed lines are");
    }

    /** A text group column (ADaM's TRTP, the default group of an ADTTE) is named by its values in the legend. */
    @Test
    void textGroupsAreNamedByTheirValues() throws Exception {
        Path data = dir.resolve("adtte.csv");
        Files.writeString(data, "AVAL,CNSR,TRTP\n30,0,Placebo\n60,0,Placebo\n120,1,Placebo\n200,0,Placebo\n"
                + "45,0,Drug 10 mg\n150,1,Drug 10 mg\n250,0,Drug 10 mg\n350,1,Drug 10 mg\n");
        Path report = dir.resolve("km-adtte.html");
        session.execute("run stats.km --in data=" + data + " groupBy=TRTP --report " + report);
        String html = Files.readString(report);
        assertTrue(html.contains(">TRTP=Drug 10 mg<") && html.contains(">TRTP=Placebo<"), html);
        assertFalse(html.contains(">TRTP=1<"), "not the codes the method gave the groups");
    }

    @Test
    void aReportOfAMethodWithoutCurvesHasItsResultsAndABadPathIsRefusedBeforeTheRun() throws Exception {
        Path report = dir.resolve("posterior.html");
        session.execute("run example.beta-binomial events=3 patients=10 --report " + report);
        String html = Files.readString(report);
        assertTrue(html.contains("example.beta-binomial") && html.contains("Results"), html);
        assertFalse(html.contains("Number at risk"));
        Exception e = assertThrows(Exception.class, () -> session.execute("run example.beta-binomial events=3 "
                + "patients=10 --report " + dir.resolve("r.txt")));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(e));
        assertFalse(Files.exists(dir.resolve("r.txt")));
    }

    /**
     * A local biomarker.roc run's report (its "roc" and "auc" output tables): one ROC curve per marker with its AUC
     * and DeLong interval in the legend and the Youden point. Marker a separates cases from controls perfectly (AUC
     * 1, Youden point at sensitivity 1, specificity 1).
     */
    @Test
    void aRocRunReportsItsCurvesWithAucAndYoudenPoint() throws Exception {
        MethodRegistry registry = Await.service(FrameworkUtil.getBundle(RunReportTest.class).getBundleContext(),
                MethodRegistry.class);
        Await.until(() -> registry.find("biomarker.roc").isPresent(), "biomarker.roc is registered");
        Path data = dir.resolve("markers.csv");
        Files.writeString(data, "status,a,b\n1,5,2\n1,6,1\n1,7,4\n1,8,3\n0,1,2\n0,2,5\n0,3,1\n0,4,3\n");
        Path report = dir.resolve("roc.html");
        session.execute("run biomarker.roc --in data=" + data + " statusColumn=status markers=a,b --report " + report);
        String html = Files.readString(report);
        assertTrue(html.contains("aria-label=\"ROC curve\""), html);
        assertTrue(html.contains(">a: AUC 1.000 (95% CI 1.000 to 1.000)</text>"), html);
        assertTrue(html.contains(">b: AUC 0."), "a curve for b too");
        assertTrue(html.contains("a threshold 4.5: Se 1.000, Sp 1.000"), "the Youden point of a: the cut between 4 and 5");
    }

    /** A tumour-growth fit's report has a waterfall and a spider plot of the sizes' changes from baseline. */
    @Test
    void aTumourGrowthFitReportsWaterfallAndSpiderPlots() throws Exception {
        Path data = dir.resolve("sizes.csv");
        Files.writeString(data, "id,time,size\nA,0,50\nA,40,30\nA,80,25\nB,0,40\nB,42,44\nB,84,52\nC,0,30\nC,40,29\n"
                + "C,81,31\n");
        Path report = dir.resolve("tgi.html");
        session.execute("run twin.tgi-fit --in data=" + data + " --report " + report);
        String html = Files.readString(report);
        assertTrue(html.contains("aria-label=\"waterfall plot\"") && html.contains("aria-label=\"spider plot\""), html);
        assertTrue(html.contains("A: -50%") && html.contains("B: 10%"), "best (lowest) changes -50% (A) and +10% (B)");
        assertTrue(html.contains("not a confirmed best overall response"), "the colours are explained");
    }

    /**
     * {@code run --save} keeps what {@code --report} would draw, and {@code report} puts several saved runs in one
     * file: here a tumour-growth fit (its waterfall plot) and a Kaplan-Meier analysis (its curves and numbers at risk).
     */
    @Test
    void savedRunsAreCombinedIntoOneReportWithTheirCharts() throws Exception {
        Path sizes = dir.resolve("sizes.csv");
        Files.writeString(sizes, "id,time,size\nA,0,50\nA,40,30\nA,80,25\nB,0,40\nB,42,44\nB,84,52\n");
        Path trial = dir.resolve("trial.csv");
        Files.writeString(trial, "time,status,arm\n30,1,1\n60,1,1\n120,1,1\n200,0,1\n45,1,2\n150,0,2\n250,1,2\n");
        Path tgi = dir.resolve("tgi.json");
        Path km = dir.resolve("km.json");
        session.execute("run twin.tgi-fit --in data=" + sizes + " --save " + tgi);
        session.execute("run stats.km --in data=" + trial + " time=time status=status groupBy=arm --save " + km);
        assertTrue(out.toString().contains("saved -> " + km), out.toString());
        Path report = dir.resolve("both.html");
        session.execute("report --out " + report + " --title Both " + tgi + " " + km);
        String html = Files.readString(report);
        assertTrue(html.contains("twin.tgi-fit") && html.contains("stats.km"), "both analyses are in the report");
        assertTrue(html.contains("aria-label=\"waterfall plot\"") && html.contains("A: -50%"), "the fit's waterfall plot");
        assertTrue(html.contains("Number at risk") && html.contains(">arm=1<"), "the curves with numbers at risk");

        Exception e = assertThrows(Exception.class, () -> session.execute("run stats.km --in data=" + trial
                + " time=time status=status --save " + dir.resolve("km.txt")));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(e));
        assertTrue(e.getMessage().contains("--save") && e.getMessage().contains(".json"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("km.txt")));
    }
}
