package io.daybreak.federation.grpc;

import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.grpc.v1.Dataset;
import io.daybreak.federation.grpc.v1.ListDatasetsReply;
import io.daybreak.federation.grpc.v1.ListDatasetsRequest;
import io.daybreak.federation.grpc.v1.SiteServiceGrpc;
import io.daybreak.federation.grpc.v1.StepReply;
import io.daybreak.federation.grpc.v1.StepRequest;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.stub.StreamObserver;

/**
 * A site node on the network: the {@link SiteNode} behind a gRPC server that requires mutual TLS. The
 * requester's identity is the subject of its client certificate, issued by the study CA; every step runs
 * under that identity and is audited. Refusals map to gRPC status codes with data-free descriptions; a
 * request that fails in any way leaves the server up. Messages above {@value #MAX_MESSAGE_BYTES} bytes are
 * rejected by the transport.
 */
public final class NodeServer implements AutoCloseable {
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("daybreak-error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> REQUESTER = Context.key("daybreak-requester");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;

    private NodeServer(Server server) {
        this.server = server;
    }

    /** Starts serving {@code node} on {@code port} (0: any free port) with mutual TLS. */
    public static NodeServer start(SiteNode node, int port, TlsFiles tls) throws IOException {
        var ssl = GrpcSslContexts.forServer(tls.certificateFile(), tls.keyFile())
                .trustManager(tls.authorityFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build();
        Server server = NettyServerBuilder.forPort(port)
                .sslContext(ssl)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(ServerInterceptors.intercept(new Service(node), new IdentityInterceptor()))
                .build()
                .start();
        return new NodeServer(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }

    /** Puts the client certificate's subject into the call context; no certificate, no call. */
    private static final class IdentityInterceptor implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            String requester = null;
            try {
                Certificate[] chain = session == null ? null : session.getPeerCertificates();
                if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                    requester = x509.getSubjectX500Principal().getName();
                }
            } catch (SSLPeerUnverifiedException e) {
                requester = null;
            }
            if (requester == null) {
                call.close(Status.UNAUTHENTICATED.withDescription("a client certificate of the study CA is required"),
                        new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return Contexts.interceptCall(Context.current().withValue(REQUESTER, requester), call, headers, next);
        }
    }

    private static final class Service extends SiteServiceGrpc.SiteServiceImplBase {
        private final SiteNode node;

        Service(SiteNode node) {
            this.node = node;
        }

        @Override
        public void listDatasets(ListDatasetsRequest request, StreamObserver<ListDatasetsReply> reply) {
            if (!Protocol.VERSION.equals(request.getProtocolVersion())) {
                reply.onError(versionError(request.getProtocolVersion()));
                return;
            }
            ListDatasetsReply.Builder builder = ListDatasetsReply.newBuilder().setSite(node.name());
            try {
                node.datasets(REQUESTER.get()).forEach(d -> builder.addDatasets(Dataset.newBuilder().setName(d.name())
                        .addAllColumns(d.columns()).addAllColumnTypes(d.types()).setRows(d.rows())));
            } catch (NodeException e) {
                reply.onError(error(status(e.code()), e.code(), e.getMessage()));
                return;
            }
            reply.onNext(builder.build());
            reply.onCompleted();
        }

        @Override
        public void runStep(StepRequest request, StreamObserver<StepReply> reply) {
            if (!Protocol.VERSION.equals(request.getProtocolVersion())) {
                reply.onError(versionError(request.getProtocolVersion()));
                return;
            }
            Map<String, Object> arguments;
            try {
                arguments = parse(request.getArgumentsJson());
            } catch (IllegalArgumentException e) {
                reply.onError(error(Status.INVALID_ARGUMENT, NodeException.Code.BAD_REQUEST, e.getMessage()));
                return;
            }
            try {
                byte[] released = node.handle(REQUESTER.get(), request.getMethod(), request.getStep(),
                        request.getDataset(), arguments);
                reply.onNext(StepReply.newBuilder().setAggregates(com.google.protobuf.ByteString.copyFrom(released))
                        .setSha256(Aggregates.sha256(released)).setAuditHead(node.auditHead()).build());
                reply.onCompleted();
            } catch (NodeException e) {
                reply.onError(error(status(e.code()), e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                reply.onError(error(Status.INTERNAL, NodeException.Code.INTERNAL, "the node failed to serve the step"));
            }
        }

        private static Map<String, Object> parse(String json) {
            try {
                Object value = JSON.readValue(json.isEmpty() ? "{}" : json, Object.class);
                if (!(value instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("arguments must be a JSON object");
                }
                Map<String, Object> arguments = new LinkedHashMap<>();
                map.forEach((k, v) -> arguments.put(String.valueOf(k), v));
                return arguments;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("arguments are not valid JSON (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")");
            }
        }

        private static io.grpc.StatusRuntimeException versionError(String version) {
            return error(Status.FAILED_PRECONDITION, NodeException.Code.BAD_REQUEST, "protocol version '" + version
                    + "' is not supported; this node speaks " + Protocol.VERSION);
        }

        private static Status status(NodeException.Code code) {
            return switch (code) {
            case NOT_ALLOWED -> Status.PERMISSION_DENIED;
            case UNKNOWN_DATASET -> Status.NOT_FOUND;
            case UNKNOWN_STEP -> Status.UNIMPLEMENTED;
            case BAD_REQUEST -> Status.INVALID_ARGUMENT;
            case DISCLOSURE -> Status.FAILED_PRECONDITION;
            case INTERNAL -> Status.INTERNAL;
            };
        }

        private static io.grpc.StatusRuntimeException error(Status status, NodeException.Code code, String message) {
            Metadata trailers = new Metadata();
            trailers.put(ERROR_CODE, code.name());
            return status.withDescription(message).asRuntimeException(trailers);
        }
    }
}
