package io.daybreak.ide.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.study.Study;
import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.ide.preferences.IdePreferences;
import io.daybreak.ide.views.LoadedTable;
import io.daybreak.ide.views.RunInputs;
import io.daybreak.ide.views.ParameterForm;
import io.daybreak.ide.views.RecentFiles;
import io.daybreak.ide.views.RunPanel;

/**
 * The Parameters part: the selected method's form with its input tables, and its runs with progress and cancel.
 * It owns the allocator the input tables are read into (closed when the part goes, after the form released
 * its tables).
 */
public final class ParametersPart {
    @Inject
    private MethodRegistry registry;
    @Inject
    private JobService jobs;
    @Inject
    private IEventBroker broker;
    @Inject
    private IdePreferences preferences;
    @Inject
    private ArrowMemory memory;
    private BufferAllocator allocator;
    private ParameterForm form;
    private RunPanel runs;
    private String methodId;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        allocator = memory.newChildAllocator("ide inputs");
        form = new ParameterForm(parent, () -> allocator, recentFiles());
        runs = new RunPanel(parent, jobs);
        form.onRun(this::run);
        Composite studies = new Composite(parent, SWT.NONE);
        studies.setLayout(new GridLayout(2, true));
        Button save = new Button(studies, SWT.PUSH);
        save.setText("&Save Study...");
        save.setToolTipText("Save the method, parameters and seed as a study file (./daybreak run-study FILE runs it)");
        save.addListener(SWT.Selection, event -> saveStudy());
        Button open = new Button(studies, SWT.PUSH);
        open.setText("&Open Study...");
        open.addListener(SWT.Selection, event -> openStudy());
    }

    /** The recent input files, kept in the IDE preferences. */
    private RecentFiles recentFiles() {
        return new RecentFiles() {
            @Override
            public List<Path> list() {
                return preferences.recentInputs();
            }

            @Override
            public void add(Path file) {
                try {
                    preferences.rememberInput(file);
                } catch (IOException e) {
                    // the file is still read; only the list is not kept for the next session
                    System.err.println("daybreak: cannot save the recent input files: " + e.getMessage());
                }
            }
        };
    }

    @PreDestroy
    void dispose() {
        form.inputs().release();
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            // a run still reads an input table: its release closes the table's own allocator when it ends
            System.err.println("daybreak: input tables still in use by a run at exit: " + e.getMessage());
        }
    }

    private void saveStudy() {
        if (methodId == null) {
            return;
        }
        FileDialog dialog = new FileDialog(form.control().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.json"});
        dialog.setFileName(methodId + ".study.json");
        dialog.setFilterPath(preferences.studyDirectory().toString());
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            try {
                Path path = Path.of(file).toAbsolutePath();
                StudyFiles.write(form.study(path.getParent()), path);
            } catch (IOException | RuntimeException e) {
                error("Cannot save the study", file + ": " + e.getMessage());
            }
        }
    }

    private void openStudy() {
        FileDialog dialog = new FileDialog(form.control().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.json"});
        dialog.setFilterPath(preferences.studyDirectory().toString());
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            Path path = Path.of(file).toAbsolutePath();
            Study study = StudyFiles.read(path);
            if (study.federation() != null) {
                throw new InvalidInputException("this study runs at site nodes: open it in the Federation view");
            }
            methodId = registry.require(study.method()).id();
            form.show(registry.require(study.method()).descriptor());
            // input files are named relative to the study file, as ./daybreak run-study reads them
            form.load(study, path.getParent());
        } catch (RuntimeException e) {
            error("Cannot open the study", e.getMessage());
        }
    }

    private void error(String title, String message) {
        Dialogs.error(form.control().getShell(), title, message);
    }

    @Inject
    @Optional
    void methodSelected(@UIEventTopic(Topics.METHOD_SELECTED) String id) {
        registry.find(id).ifPresent(method -> {
            methodId = id;
            form.show(method.descriptor());
            preferences.seed().ifPresent(form::defaultSeed);
        });
    }

    private void run(Map<String, String> values) {
        Job job;
        // the run holds its own reference to each input table until it is over, whatever the form does meanwhile
        Map<String, LoadedTable> leased = form.leaseInputs();
        Map<String, Table> tables = new LinkedHashMap<>();
        leased.forEach((name, table) -> tables.put(name, table.table()));
        try {
            job = jobs.submit(new RunRequest(methodId, values, tables, form.seed()));
        } catch (RuntimeException e) {
            leased.values().forEach(LoadedTable::release);
            error("Cannot run " + methodId, e.getMessage());
            return;
        }
        job.completion().whenComplete((result, failure) -> leased.values().forEach(LoadedTable::release));
        // History can re-run it by reading the same files again
        RunInputs.record(job.id(), leased);
        follow(job);
    }

    @Inject
    @Optional
    void submittedElsewhere(@UIEventTopic(Topics.JOB_SUBMITTED) Job job) {
        follow(job);
    }

    private void follow(Job job) {
        runs.follow(job, result -> broker.post(Topics.RESULT, new ShownResult(job.methodId() + " (job " + job.id()
                + ", seed " + result.provenance().seed() + ")", result)));
    }
}
