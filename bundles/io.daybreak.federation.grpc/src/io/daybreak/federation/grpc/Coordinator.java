package io.daybreak.federation.grpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Parameters;
import io.daybreak.core.provenance.BundleDigests;
import io.daybreak.core.provenance.BundleWiringTrail;
import io.daybreak.core.provenance.WiredBundle;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.ResultCertificate;
import io.daybreak.federation.analysis.SiteConnections;

/**
 * Runs federated analyses for the console and the IDE and certifies their results (DS service), so that both
 * compute the same document: the method, its summary and a certificate naming the method's bundle, its version
 * and the SHA-256 of its content ({@link BundleDigests}), the dataset, and the sites with how many rows each.
 */
@Component(service = Coordinator.class)
public final class Coordinator {
    private final BundleDigests digests = new BundleDigests();

    /**
     * The document the console prints and the IDE shows: method, summary, certificate (bundle, version, SHA-256 of
     * the method's bundle).
     *
     * @param sites        the connections to the site nodes, for the dataset analysed ({@link RemoteSites})
     * @param allowPartial leave out sites that fail (the certificate names them) instead of failing
     * @throws io.daybreak.federation.SiteFailedException naming a failing site (unless allowPartial leaves it out)
     * @throws IllegalArgumentException                   for a bad parameter
     */
    public Map<String, Object> run(FederatedMethod method, SiteConnections sites, Map<String, String> parameters,
            BufferAllocator allocator, boolean allowPartial) {
        return run(method, sites, parameters, allocator, allowPartial, Map.of());
    }

    /**
     * As {@link #run(FederatedMethod, SiteConnections, Map, BufferAllocator, boolean)}, on the dataset versions the
     * study pins (site to content digest, as {@code fed-datasets} shows them).
     *
     * @throws FederatedRun.DatasetChangedException naming every pinned site that serves another version (the analysis
     *                                              is not opened)
     */
    public Map<String, Object> run(FederatedMethod method, SiteConnections sites, Map<String, String> parameters,
            BufferAllocator allocator, boolean allowPartial, Map<String, String> pins) {
        FederatedRun.Result result = FederatedRun.run(method, sites, parameters, allocator, allowPartial, pins);
        Bundle bundle = FrameworkUtil.getBundle(method.getClass());
        if (bundle == null) {
            throw new IllegalStateException("federated method " + method.id() + " is not provided by an OSGi bundle; "
                    + "its result cannot be certified");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", method.id());
        // the values the analysis ran with, defaults filled in: a saved result says how it was fitted
        document.put("parameters", Parameters.bind(method.descriptor(), parameters).asMap());
        document.put("summary", result.outcome().summary());
        List<Map<String, Object>> libraries = BundleWiringTrail.of(bundle, digests).stream().map(WiredBundle::document)
                .toList();
        document.put("certificate", ResultCertificate.of(method, bundle.getSymbolicName(),
                bundle.getVersion().toString(), digests.sha256(bundle), libraries, sites.dataset(), result));
        return document;
    }
}
