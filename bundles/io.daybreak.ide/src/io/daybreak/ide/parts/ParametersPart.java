package io.daybreak.ide.parts;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.MessageBox;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.data.InvalidInputException;
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
    private ParameterForm form;
    private RunPanel runs;
    private String methodId;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        form = new ParameterForm(parent);
        runs = new RunPanel(parent, jobs);
        form.onRun(this::run);
    }

    @Inject
    @Optional
    void methodSelected(@UIEventTopic(Topics.METHOD_SELECTED) String id) {
        registry.find(id).ifPresent(method -> {
            methodId = id;
            form.show(method.descriptor());
        });
    }

    private void run(Map<String, String> values) {
        Job job;
        try {
            job = jobs.submit(RunRequest.of(methodId, values));
        } catch (InvalidInputException e) {
            MessageBox box = new MessageBox(form.control().getShell(), SWT.ICON_ERROR | SWT.OK);
            box.setText("Cannot run " + methodId);
            box.setMessage(e.getMessage());
            box.open();
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
