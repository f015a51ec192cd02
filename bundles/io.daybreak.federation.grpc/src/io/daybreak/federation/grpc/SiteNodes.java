package io.daybreak.federation.grpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.daybreak.core.provenance.BundleDigests;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.site.AllowList;
import io.daybreak.federation.site.SiteNode;

/**
 * Starts site nodes whose code follows the installed bundles (DS service): every {@link SiteStep} and
 * {@link FederatedMethod} service that comes is installed on each running node with the SHA-256 of its bundle's
 * content ({@link BundleDigests}), so a pinned method is served only with the code its custodian reviewed; every one
 * that goes (bundle stopped, updated, uninstalled) is removed at once, and its method is refused until a matching one
 * comes again (ADR 0014).
 */
@Component(service = SiteNodes.class)
public final class SiteNodes {
    /** A service as bound, with the digest of the bundle its code comes from. */
    private record Bound<T>(T service, String bundleSha256) {
    }

    private final BundleDigests digests = new BundleDigests();
    /** Guards the bound services and the running nodes, so that a node starts with all of them and misses none. */
    private final Object lock = new Object();
    private final Map<ServiceReference<SiteStep>, Bound<SiteStep>> steps = new LinkedHashMap<>();
    private final Map<ServiceReference<FederatedMethod>, Bound<FederatedMethod>> methods = new LinkedHashMap<>();
    private final List<SiteNode> nodes = new ArrayList<>();

    @Reference(name = "steps", service = SiteStep.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindStep")
    void bindStep(SiteStep step, ServiceReference<SiteStep> reference) {
        Bound<SiteStep> bound = new Bound<>(step, sha256(step, reference));
        synchronized (lock) {
            steps.put(reference, bound);
            forEachNode(node -> node.install(bound.service(), bound.bundleSha256()));
        }
    }

    void unbindStep(SiteStep step, ServiceReference<SiteStep> reference) {
        synchronized (lock) {
            Bound<SiteStep> bound = steps.remove(reference);
            forEachNode(node -> node.remove(bound == null ? step : bound.service()));
        }
    }

    @Reference(name = "methods", service = FederatedMethod.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindMethod")
    void bindMethod(FederatedMethod method, ServiceReference<FederatedMethod> reference) {
        Bound<FederatedMethod> bound = new Bound<>(method, sha256(method, reference));
        synchronized (lock) {
            methods.put(reference, bound);
            forEachNode(node -> node.install(bound.service(), bound.bundleSha256()));
        }
    }

    void unbindMethod(FederatedMethod method, ServiceReference<FederatedMethod> reference) {
        synchronized (lock) {
            Bound<FederatedMethod> bound = methods.remove(reference);
            forEachNode(node -> node.remove(bound == null ? method : bound.service()));
        }
    }

    /**
     * Starts a node serving the methods of the allow-list, with the site steps and federated methods installed now
     * and, while it runs, those that come and go. It does not start unless every allow-listed method is served: its
     * site step installed and, when pinned, its step and federated method from the bundle with the pinned SHA-256 (a
     * bundle refused for its digest is recorded in the node's audit log).
     *
     * @param allowList the allow-list with its pins; its methods must be {@code config.allowedMethods()}
     * @return the running node; closing it stops it and it follows the bundles no more
     * @throws IOException naming the method that is not served, or what could not be opened
     */
    public SiteNodeRunner start(SiteNodeRunner.Config config, AllowList allowList, BufferAllocator allocator)
            throws IOException {
        if (!allowList.methods().equals(Set.copyOf(config.allowedMethods()))) {
            throw new IllegalArgumentException("the allow-list " + allowList.methods() + " is not the configuration's "
                    + config.allowedMethods());
        }
        List<String> available;
        synchronized (lock) {
            available = steps.values().stream().map(bound -> bound.service().method()).toList();
        }
        AtomicReference<SiteNode> created = new AtomicReference<>();
        try {
            return SiteNodeRunner.start(config, available, (datasets, policy, audit, ledger) -> {
                SiteNode node = new SiteNode(config.site(), datasets, allowList, policy, audit, allocator, ledger);
                // installed and registered under the lock: a service that comes or goes meanwhile is not missed
                synchronized (lock) {
                    steps.values().forEach(bound -> node.install(bound.service(), bound.bundleSha256()));
                    methods.values().forEach(bound -> node.install(bound.service(), bound.bundleSha256()));
                    nodes.add(node);
                }
                created.set(node);
                return node;
            }, () -> forget(created.get()), allocator);
        } catch (IOException | RuntimeException e) {
            forget(created.get());
            throw e;
        }
    }

    /** The nodes running now (tests). */
    List<SiteNode> nodes() {
        synchronized (lock) {
            return List.copyOf(nodes);
        }
    }

    private void forget(SiteNode node) {
        synchronized (lock) {
            nodes.remove(node);
        }
    }

    /** Called with the lock held; one node's failure does not keep the change from the others. */
    private void forEachNode(Consumer<SiteNode> change) {
        for (SiteNode node : nodes) {
            try {
                change.accept(node);
            } catch (RuntimeException e) {
                // a node that cannot record the change cannot release anything either (its audit log refuses)
            }
        }
    }

    /**
     * The SHA-256 of the bundle whose classes implement the service — the code that runs, and the bundle a result
     * certificate names (see {@link Coordinator}), so a pin copied from a certificate matches — or, for a class not
     * loaded from a bundle, of the bundle that registered it.
     */
    private String sha256(Object service, ServiceReference<?> reference) {
        Bundle bundle = FrameworkUtil.getBundle(service.getClass());
        if (bundle == null) {
            bundle = reference.getBundle();
        }
        // a service unregistered while it was being bound has no bundle: it matches no pin
        return bundle == null ? "unavailable" : digests.sha256(bundle);
    }
}
