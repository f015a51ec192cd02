package io.daybreak.ide.federation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.grpc.Coordinator;
import io.daybreak.federation.grpc.RemoteSites;
import io.daybreak.federation.grpc.TlsFiles;
import io.daybreak.federation.site.DatasetInfo;

/**
 * The IDE's connection to a study's site nodes (gRPC with mutual TLS, the researcher's certificate): what each
 * site offers (or why it does not answer), and federated analyses with their certificate, computed by the
 * {@link Coordinator} service the console's {@code fed} command uses too. Not for the UI thread: calls wait for
 * the sites.
 */
public final class FederationClient {
    private static final long DEADLINE_MILLIS = 60_000;
    private final List<RemoteSites.Endpoint> endpoints;
    private final TlsFiles tls;
    private final BufferAllocator allocator;
    private final Supplier<Coordinator> coordinator;

    /**
     * @param nodes       {@code name=host:port,...}
     * @param coordinator the {@link Coordinator} service (null while it is not available)
     * @throws IllegalArgumentException naming a malformed node entry or a missing certificate file
     */
    public FederationClient(String nodes, Path certificate, Path key, Path trust, BufferAllocator allocator,
            Supplier<Coordinator> coordinator) {
        this.endpoints = RemoteSites.Endpoint.parseList(nodes);
        this.tls = new TlsFiles(certificate, key, trust);
        this.allocator = allocator;
        this.coordinator = coordinator;
    }

    /** One site's answer: its datasets, or why it gave none. */
    public record SiteStatus(List<DatasetInfo> datasets, String problem) {
    }

    /** Asks every site for its datasets; a site that fails is reported, not thrown. */
    public Map<String, SiteStatus> status() throws IOException {
        Map<String, SiteStatus> status = new LinkedHashMap<>();
        try (RemoteSites sites = sites("")) {
            for (String site : sites.names()) {
                try (RemoteSites one = sites.only(List.of(site))) {
                    status.put(site, new SiteStatus(one.datasets().get(site), null));
                } catch (SiteFailedException e) {
                    status.put(site, new SiteStatus(List.of(), e.reason()));
                }
            }
        }
        return status;
    }

    /**
     * Runs a federated method through the {@link Coordinator} and returns the document the console prints:
     * method, summary, certificate.
     *
     * @throws SiteFailedException      naming a failing site (unless allowPartial leaves it out)
     * @throws IllegalArgumentException for a bad parameter
     * @throws IllegalStateException    while the coordinator service is not available
     */
    public Map<String, Object> run(FederatedMethod method, String dataset, Map<String, String> parameters,
            boolean allowPartial) throws IOException {
        return run(method, dataset, parameters, allowPartial, Map.of());
    }

    /** As {@link #run(FederatedMethod, String, Map, boolean)}, on the dataset versions pinned (site to digest). */
    public Map<String, Object> run(FederatedMethod method, String dataset, Map<String, String> parameters,
            boolean allowPartial, Map<String, String> pins) throws IOException {
        Coordinator service = coordinator.get();
        if (service == null) {
            throw new IllegalStateException("the federation coordinator service is not available (is bundle "
                    + "io.daybreak.federation.grpc started?)");
        }
        try (RemoteSites sites = sites(dataset)) {
            return service.run(method, sites, parameters, allocator, allowPartial, pins);
        }
    }

    private RemoteSites sites(String dataset) throws IOException {
        return new RemoteSites(endpoints, dataset, tls, DEADLINE_MILLIS, allocator);
    }
}
