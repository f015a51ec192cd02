package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.ide.views.CatalogView;
import io.daybreak.ide.views.MethodServiceWatcher;

/** The Methods part: the catalog, kept current as method bundles come and go. */
public final class CatalogPart {
    @Inject
    private MethodRegistry registry;
    @Inject
    private IEventBroker broker;
    private MethodServiceWatcher watcher;

    @PostConstruct
    void create(Composite parent) {
        CatalogView view = new CatalogView(parent, registry);
        view.onSelect(method -> broker.post(Topics.METHOD_SELECTED, method.id()));
        watcher = new MethodServiceWatcher(FrameworkUtil.getBundle(getClass()).getBundleContext(), parent.getDisplay(),
                view::refresh);
    }

    @PreDestroy
    void dispose() {
        watcher.close();
    }
}
