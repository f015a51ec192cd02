package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.ide.views.ResultsView;

/** The Results part: the latest run's summary and output tables. */
public final class ResultsPart {
    private ResultsView view;

    @PostConstruct
    void create(Composite parent) {
        view = new ResultsView(parent);
    }

    @Inject
    @Optional
    void show(@UIEventTopic(Topics.RESULT) ShownResult shown) {
        view.show(shown.title(), shown.result());
    }
}
