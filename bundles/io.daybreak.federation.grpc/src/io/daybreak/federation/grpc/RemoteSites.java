package io.daybreak.federation.grpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;


import org.apache.arrow.memory.BufferAllocator;

import com.google.common.util.concurrent.ListenableFuture;

import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.analysis.ReleaseVerifier;
import io.daybreak.federation.analysis.SiteChannel;
import io.daybreak.federation.analysis.SiteConnections;
import io.daybreak.federation.analysis.StudyCaVerifier;
import io.daybreak.federation.grpc.v2.ListDatasetsRequest;
import io.daybreak.federation.grpc.v2.SiteServiceGrpc;
import io.daybreak.federation.grpc.v2.StepReply;
import io.daybreak.federation.grpc.v2.StepRequest;
import io.daybreak.federation.site.DatasetInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * The coordinator's connections to remote site nodes over gRPC with mutual TLS. A round goes to all sites at
 * once, each call with a deadline; the signed replies are checked by the analysis ({@link
 * io.daybreak.federation.analysis.AnalysisSites}) against the study CA. An exact analysis fails closed: the first
 * site that errors, refuses or times out ends the round with {@link SiteFailedException} naming it.
 */
public final class RemoteSites implements SiteConnections, AutoCloseable {
    /** How long a second try waits for a site that was unreachable to accept the connection. */
    static final long RECONNECT_MILLIS = 5_000;

    /** A node to connect to. */
    public record Endpoint(String name, String host, int port) {
        /**
         * Parses {@code name=host:port,name=host:port,...}.
         *
         * @throws IllegalArgumentException naming the entry that is not name=host:port or has a bad port
         */
        public static List<Endpoint> parseList(String text) {
            List<Endpoint> endpoints = new ArrayList<>();
            for (String entry : text.split(",")) {
                String[] nameAndAddress = entry.strip().split("=", 2);
                int colon = nameAndAddress.length == 2 ? nameAndAddress[1].lastIndexOf(':') : -1;
                if (colon < 1 || nameAndAddress[0].isBlank()) {
                    throw new IllegalArgumentException("entry '" + entry + "' is not name=host:port");
                }
                int port;
                try {
                    port = Integer.parseInt(nameAndAddress[1].substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("entry '" + entry + "' has no port in 1 to 65535");
                }
                endpoints.add(new Endpoint(nameAndAddress[0].strip(), nameAndAddress[1].substring(0, colon), port));
            }
            return endpoints;
        }
    }

    private final Map<String, ManagedChannel> channels;
    private final String dataset;
    private final long deadlineMillis;
    private final BufferAllocator allocator;
    private final boolean ownsChannels;
    private final StudyCaVerifier verifier;

    public RemoteSites(List<Endpoint> endpoints, String dataset, TlsFiles tls, long deadlineMillis,
            BufferAllocator allocator) throws IOException {
        this(new LinkedHashMap<>(), dataset, deadlineMillis, allocator, true, SiteCredentials.verifier(tls));
        var ssl = GrpcSslContexts.forClient().keyManager(tls.certificateFile(), tls.keyFile())
                .trustManager(tls.authorityFile()).build();
        for (Endpoint endpoint : endpoints) {
            if (channels.containsKey(endpoint.name())) {
                throw new IllegalArgumentException("site '" + endpoint.name() + "' is listed twice");
            }
            channels.put(endpoint.name(), NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
                    .sslContext(ssl).maxInboundMessageSize(NodeServer.MAX_MESSAGE_BYTES).build());
        }
    }

    private RemoteSites(Map<String, ManagedChannel> channels, String dataset, long deadlineMillis,
            BufferAllocator allocator, boolean ownsChannels, StudyCaVerifier verifier) {
        this.channels = channels;
        this.dataset = dataset;
        this.deadlineMillis = deadlineMillis;
        this.allocator = allocator;
        this.ownsChannels = ownsChannels;
        this.verifier = verifier;
    }

    /** A view of some of these sites on the same connections (closing it leaves them open). */
    @Override
    public RemoteSites only(List<String> names) {
        Map<String, ManagedChannel> subset = new LinkedHashMap<>();
        channels.forEach((name, channel) -> {
            if (names.contains(name)) {
                subset.put(name, channel);
            }
        });
        return new RemoteSites(subset, dataset, deadlineMillis, allocator, false, verifier);
    }

    @Override
    public List<String> names() {
        return List.copyOf(channels.keySet());
    }

    @Override
    public String dataset() {
        return dataset;
    }

    @Override
    public ReleaseVerifier verifier() {
        return verifier;
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    @Override
    public Map<String, SiteChannel> channels() {
        Map<String, SiteChannel> lines = new LinkedHashMap<>();
        channels.forEach((name, channel) -> lines.put(name, new SiteChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Pending send(io.daybreak.federation.analysis.StepRequest request) {
                StepRequest message = ProtoCodec.toProto(request);
                ListenableFuture<StepReply> future = SiteServiceGrpc.newFutureStub(channel)
                        .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS).runStep(message);
                return () -> {
                    StepReply reply = awaitOrReconnect(name, future, message);
                    if (!reply.hasRelease()) {
                        throw new SiteFailedException(name, "answered without a release");
                    }
                    return ProtoCodec.fromProto(reply.getRelease());
                };
            }
        }));
        return lines;
    }

    /**
     * The site's reply. A site that was unreachable gets one more try, waiting for the connection for up to
     * {@link #RECONNECT_MILLIS}: a node restarted between two rounds (its steps keep no state) then answers as
     * before (a node keeps no analysis state: each request carries the signed releases it needs), while one that
     * stays down fails the analysis, named. Repeating a round is safe: it releases the same aggregates, and the
     * node audits both requests.
     */
    private StepReply awaitOrReconnect(String site, ListenableFuture<StepReply> future, StepRequest request) {
        try {
            return await(site, future, "no answer within " + deadlineMillis + " ms");
        } catch (UnavailableException e) {
            ManagedChannel channel = channels.get(site);
            channel.resetConnectBackoff();
            long wait = Math.min(deadlineMillis, RECONNECT_MILLIS);
            try {
                return await(site, SiteServiceGrpc.newFutureStub(channel).withWaitForReady()
                        .withDeadlineAfter(wait, TimeUnit.MILLISECONDS).runStep(request),
                        "unreachable (" + e.getMessage() + "; no connection within " + wait + " ms)");
            } catch (UnavailableException again) {
                throw new SiteFailedException(site, "unreachable (" + again.getMessage() + ")");
            }
        }
    }

    private static StepReply await(String site, ListenableFuture<StepReply> future, String timedOut) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteFailedException(site, "interrupted while waiting");
        } catch (ExecutionException e) {
            Status status = Status.fromThrowable(e.getCause());
            String reason = switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> timedOut;
            case UNAVAILABLE -> throw new UnavailableException(status.getDescription());
            default -> status.getCode() + ": " + status.getDescription();
            };
            throw new SiteFailedException(site, reason);
        }
    }

    /** The connection to a site failed (as opposed to the site answering with an error). */
    private static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String description) {
            super(description, null, false, false);
        }
    }

    @Override
    public Map<String, DatasetInfo> datasetInfo() {
        Map<String, DatasetInfo> infos = new LinkedHashMap<>();
        datasets().forEach((name, datasets) -> infos.put(name, datasets.stream().filter(d -> d.name().equals(dataset))
                .findFirst().orElseThrow(() -> new SiteFailedException(name, "offers no dataset '" + dataset + "'"))));
        return infos;
    }

    /** The datasets each site offers (name, columns, rows, version digest). */
    public Map<String, List<DatasetInfo>> datasets() {
        Map<String, List<DatasetInfo>> all = new LinkedHashMap<>();
        channels.forEach((name, channel) -> {
            try {
                List<DatasetInfo> infos = new ArrayList<>();
                SiteServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .listDatasets(ListDatasetsRequest.newBuilder().setProtocolVersion(Protocol.VERSION).build())
                        .getDatasetsList().forEach(d -> infos.add(new DatasetInfo(d.getName(),
                                d.getColumnsList(), d.getColumnTypesList(), d.getRows(), d.getContentDigest())));
                all.put(name, infos);
            } catch (StatusRuntimeException e) {
                throw new SiteFailedException(name, e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            }
        });
        return all;
    }

    @Override
    public void close() throws IOException {
        if (!ownsChannels) {
            return;
        }
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
