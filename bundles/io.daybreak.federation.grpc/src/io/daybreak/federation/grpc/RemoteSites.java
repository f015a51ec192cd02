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

    /** A node to connect to. */
    public record Endpoint(String name, String host, int port) {
    }

    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();
    private final String dataset;
    private final long deadlineMillis;
    private final BufferAllocator allocator;

    public RemoteSites(List<Endpoint> endpoints, String dataset, TlsFiles tls, long deadlineMillis,
            BufferAllocator allocator) throws SSLException {
        this.dataset = dataset;
        this.deadlineMillis = deadlineMillis;
        this.allocator = allocator;
        var ssl = GrpcSslContexts.forClient().keyManager(tls.certificateFile(), tls.keyFile())
                .trustManager(tls.authorityFile()).build();
        for (Endpoint endpoint : endpoints) {
            channels.put(endpoint.name(), NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
                    .sslContext(ssl).maxInboundMessageSize(NodeServer.MAX_MESSAGE_BYTES).build());
        }
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
            StepReply reply = await(entry.getKey(), entry.getValue());
            byte[] bytes = reply.getAggregates().toByteArray();
            if (!Aggregates.sha256(bytes).equals(reply.getSha256())) {
                throw new SiteFailedException(entry.getKey(), "the release does not match the SHA-256 the node sent");
            }
            replies.put(entry.getKey(), Aggregates.fromBytes(bytes, allocator));
        }
        return replies;
    }

    private StepReply await(String site, ListenableFuture<StepReply> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteFailedException(site, "interrupted while waiting");
        } catch (ExecutionException e) {
            Status status = Status.fromThrowable(e.getCause());
            String reason = switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> "no answer within " + deadlineMillis + " ms";
            case UNAVAILABLE -> "unreachable (" + status.getDescription() + ")";
            default -> status.getCode() + ": " + status.getDescription();
            };
            throw new SiteFailedException(site, reason);
        }
    }

    @Override
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        datasets().forEach((name, datasets) -> sizes.put(name, datasets.stream().filter(d -> d.name().equals(dataset))
                .mapToLong(DatasetInfo::rows).findFirst().orElse(0)));
        return sizes;
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
                                List.copyOf(d.getColumnsList()), d.getRows())));
                all.put(name, infos);
            } catch (StatusRuntimeException e) {
                throw new SiteFailedException(name, e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            }
        });
        return all;
    }

    @Override
    public void close() throws IOException {
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
