package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.core.jobs.JobService;
import io.daybreak.ide.views.HistoryView;

/** The History part: this session's runs with their provenance; re-runs go to the Parameters part's run panel. */
public final class HistoryPart {
    @Inject
    private JobService jobs;
    @Inject
    private IEventBroker broker;

    @PostConstruct
    void create(Composite parent) {
        HistoryView view = new HistoryView(parent, jobs);
        view.onSubmitted(job -> broker.post(Topics.JOB_SUBMITTED, job));
    }
}
