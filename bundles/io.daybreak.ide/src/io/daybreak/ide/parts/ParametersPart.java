package io.daybreak.ide.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

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
import io.daybreak.data.InvalidInputException;
import io.daybreak.ide.preferences.IdePreferences;
import io.daybreak.ide.views.ParameterForm;
import io.daybreak.ide.views.RunPanel;

/** The Parameters part: the selected method's form, and its runs with progress and cancel. */
public final class ParametersPart {
    @Inject
    private MethodRegistry registry;
    @Inject
    private JobService jobs;
    @Inject
    private IEventBroker broker;
    @Inject
    private IdePreferences preferences;
    private ParameterForm form;
    private RunPanel runs;
    private String methodId;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        form = new ParameterForm(parent);
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
                StudyFiles.write(form.study(), Path.of(file));
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
            Study study = StudyFiles.read(Path.of(file));
            if (study.federation() != null || !study.inputs().isEmpty()) {
                throw new InvalidInputException("this study reads files or sites; run it with ./daybreak run-study " + file);
            }
            methodId = registry.require(study.method()).id();
            form.show(registry.require(study.method()).descriptor());
            form.load(study);
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
        try {
            job = jobs.submit(new RunRequest(methodId, values, Map.of(), form.seed()));
        } catch (InvalidInputException e) {
            error("Cannot run " + methodId, e.getMessage());
            return;
        }
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
