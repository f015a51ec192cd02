package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.ide.views.HelpView;

/** The Help part: the documentation of the method selected in the catalog. */
public final class HelpPart {
    @Inject
    private MethodRegistry registry;
    private HelpView view;

    @PostConstruct
    void create(Composite parent) {
        view = new HelpView(parent);
    }

    @Inject
    @Optional
    void methodSelected(@UIEventTopic(Topics.METHOD_SELECTED) String id) {
        if (view != null) {
            registry.find(id).ifPresent(view::show);
        }
    }
}
