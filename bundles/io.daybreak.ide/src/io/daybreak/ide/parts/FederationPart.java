package io.daybreak.ide.parts;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.daybreak.data.ArrowMemory;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.ide.views.FederationView;

/** The Federation part: site nodes, what they offer, federated analyses with their certificate. */
public final class FederationPart {
    @Inject
    private ArrowMemory memory;
    private BufferAllocator allocator;
    private ServiceTracker<FederatedMethod, FederatedMethod> methods;

    @PostConstruct
    void create(Composite parent) {
        allocator = memory.newChildAllocator("ide federation");
        methods = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), FederatedMethod.class,
                null);
        methods.open();
        new FederationView(parent, () -> List.copyOf(methods.getTracked().values()), allocator);
    }

    @PreDestroy
    void dispose() {
        methods.close();
        allocator.close();
    }
}
