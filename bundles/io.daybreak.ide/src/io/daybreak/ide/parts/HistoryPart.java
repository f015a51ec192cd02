package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.core.jobs.JobService;
import io.daybreak.data.ArrowMemory;
import io.daybreak.ide.views.HistoryView;

/**
 * The History part: this session's runs with their provenance; re-runs go to the Parameters part's run panel. It
 * owns the allocator re-runs read their input files into (closed when the part goes).
 */
public final class HistoryPart {
    @Inject
    private JobService jobs;
    @Inject
    private IEventBroker broker;
    @Inject
    private ArrowMemory memory;
    private BufferAllocator allocator;

    @PostConstruct
    void create(Composite parent) {
        HistoryView view = new HistoryView(parent, jobs);
        view.onSubmitted(job -> broker.post(Topics.JOB_SUBMITTED, job));
        allocator = memory.newChildAllocator("ide history re-runs");
        view.readInputsInto(() -> allocator);
    }

    @PreDestroy
    void dispose() {
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            // a re-run still reads its tables: their release closes each table's own allocator when it ends
            System.err.println("daybreak: re-run input tables still in use at exit: " + e.getMessage());
        }
    }
}
