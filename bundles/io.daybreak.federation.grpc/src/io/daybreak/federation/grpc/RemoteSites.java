package io.daybreak.federation.grpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.arrow.memory.BufferAllocator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.util.concurrent.ListenableFuture;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.Sites;
import io.daybreak.federation.grpc.v1.ListDatasetsRequest;
import io.daybreak.federation.grpc.v1.SiteServiceGrpc;
import io.daybreak.federation.grpc.v1.StepReply;
import io.daybreak.federation.grpc.v1.StepRequest;
import io.daybreak.federation.site.DatasetInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * The coordinator's connections to remote site nodes over gRPC with mutual TLS. A step goes to all sites at
 * once, each call with a deadline; the replies are checked (the SHA-256 the node sent must match the bytes)
 * and decoded. An exact analysis fails closed: the first site that errors, refuses or times out ends the
 * call with {@link SiteFailedException} naming it.
 */
public final class RemoteSites implements Sites, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    public RemoteSites(List<Endpoint> endpoints, String dataset, TlsFiles tls, long deadlineMillis,
            BufferAllocator allocator) throws SSLException {
        this(new LinkedHashMap<>(), dataset, deadlineMillis, allocator, true);
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
            BufferAllocator allocator, boolean ownsChannels) {
        this.channels = channels;
        this.dataset = dataset;
        this.deadlineMillis = deadlineMillis;
        this.allocator = allocator;
        this.ownsChannels = ownsChannels;
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
        return new RemoteSites(subset, dataset, deadlineMillis, allocator, false);
    }

    @Override
    public List<String> names() {
        return List.copyOf(channels.keySet());
    }

    @Override
    public Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments) {
        String json;
        try {
            json = JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments cannot be sent as JSON: " + e.getOriginalMessage(), e);
        }
        StepRequest request = StepRequest.newBuilder().setProtocolVersion(Protocol.VERSION).setMethod(method)
                .setStep(step).setDataset(dataset).setArgumentsJson(json).build();
        Map<String, ListenableFuture<StepReply>> pending = new LinkedHashMap<>();
        channels.forEach((name, channel) -> pending.put(name, SiteServiceGrpc.newFutureStub(channel)
                .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS).runStep(request)));
        Map<String, Aggregates> replies = new LinkedHashMap<>();
        for (Map.Entry<String, ListenableFuture<StepReply>> entry : pending.entrySet()) {
            StepReply reply = awaitOrReconnect(entry.getKey(), entry.getValue(), request);
            byte[] bytes = reply.getAggregates().toByteArray();
            if (!Aggregates.sha256(bytes).equals(reply.getSha256())) {
                throw new SiteFailedException(entry.getKey(), "the release does not match the SHA-256 the node sent");
            }
            replies.put(entry.getKey(), Aggregates.fromBytes(bytes, allocator));
        }
        return replies;
    }

    /**
     * The site's reply. A site that was unreachable gets one more try, waiting for the connection for up to
     * {@link #RECONNECT_MILLIS}: a node restarted between two rounds (its steps keep no state) then answers as
     * before, while one that stays down fails the analysis, named. Repeating a step is safe: it releases the
     * same aggregates, and the node audits both requests.
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

    /** The datasets each site offers (name, columns, rows). */
    public Map<String, List<DatasetInfo>> datasets() {
        Map<String, List<DatasetInfo>> all = new LinkedHashMap<>();
        channels.forEach((name, channel) -> {
            try {
                List<DatasetInfo> infos = new ArrayList<>();
                SiteServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .listDatasets(ListDatasetsRequest.newBuilder().setProtocolVersion(Protocol.VERSION).build())
                        .getDatasetsList().forEach(d -> infos.add(new DatasetInfo(d.getName(),
                                d.getColumnsList(), d.getColumnTypesList(), d.getRows())));
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
