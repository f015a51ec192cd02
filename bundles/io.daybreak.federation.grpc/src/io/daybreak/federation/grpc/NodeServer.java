package io.daybreak.federation.grpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.grpc.v2.Dataset;
import io.daybreak.federation.grpc.v2.ListDatasetsReply;
import io.daybreak.federation.grpc.v2.ListDatasetsRequest;
import io.daybreak.federation.grpc.v2.SiteServiceGrpc;
import io.daybreak.federation.grpc.v2.StepReply;
import io.daybreak.federation.grpc.v2.StepRequest;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.Requester;
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
 * A site node on the network: the {@link SiteNode} behind a gRPC server that requires mutual TLS. The requester's
 * identity is the subject of its client certificate, issued by the study CA; every request runs under that identity
 * and is audited, including requests the server cannot read (unknown protocol version, malformed analysis). The node
 * signs its releases with the key of its own site certificate. Refusals map to gRPC status codes with data-free
 * descriptions; a request that fails in any way leaves the server up. Messages above {@value #MAX_MESSAGE_BYTES}
 * bytes are rejected by the transport.
 */
public final class NodeServer implements AutoCloseable {
    /** Largest message: a request carries the signed releases of every earlier round. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("daybreak-error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Requester> REQUESTER = Context.key("daybreak-requester");

    private final Server server;

    private NodeServer(Server server) {
        this.server = server;
    }

    /** Starts serving {@code node} on {@code port} (0: any free port) of every interface, with mutual TLS. */
    public static NodeServer start(SiteNode node, int port, TlsFiles tls) throws IOException {
        return start(node, null, port, tls);
    }

    /**
     * Starts serving {@code node} on {@code bindAddress} (null: every interface) and {@code port}, with mutual TLS.
     * The node's releases are signed with the key of {@code tls}, which must be the node's own site certificate.
     */
    public static NodeServer start(SiteNode node, String bindAddress, int port, TlsFiles tls) throws IOException {
        node.useIdentity(SiteCredentials.site(node.name(), tls));
        var ssl = GrpcSslContexts.forServer(tls.certificateFile(), tls.keyFile())
                .trustManager(tls.authorityFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build();
        NettyServerBuilder builder = bindAddress == null ? NettyServerBuilder.forPort(port)
                : NettyServerBuilder.forAddress(new InetSocketAddress(bindAddress, port));
        Server server = builder
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

    /** Puts the client certificate's subject and role into the call context; no certificate, no call. */
    private static final class IdentityInterceptor implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            Requester requester = null;
            try {
                Certificate[] chain = session == null ? null : session.getPeerCertificates();
                if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                    requester = new Requester(x509.getSubjectX500Principal().getName(),
                            io.daybreak.federation.analysis.StudyCaVerifier.isSiteCertificate(x509));
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
            try {
                if (!Protocol.VERSION.equals(request.getProtocolVersion())) {
                    throw node.malformed(REQUESTER.get(), versionProblem());
                }
                ListDatasetsReply.Builder builder = ListDatasetsReply.newBuilder().setSite(node.name());
                node.datasets(REQUESTER.get()).forEach(d -> builder.addDatasets(Dataset.newBuilder().setName(d.name())
                        .addAllColumns(d.columns()).addAllColumnTypes(d.types()).setRows(d.rows())
                        .setContentDigest(d.digest())));
                reply.onNext(builder.build());
                reply.onCompleted();
            } catch (NodeException e) {
                reply.onError(error(e));
            } catch (RuntimeException e) {
                reply.onError(error(new NodeException(NodeException.Code.INTERNAL, "the node failed to list datasets")));
            }
        }

        @Override
        public void runStep(StepRequest request, StreamObserver<StepReply> reply) {
            try {
                if (!Protocol.VERSION.equals(request.getProtocolVersion())) {
                    throw node.malformed(REQUESTER.get(), versionProblem());
                }
                if (!request.hasAnalysis()) {
                    throw node.malformed(REQUESTER.get(), "the request names no analysis");
                }
                SignedRelease release = node.handle(REQUESTER.get(), ProtoCodec.fromProto(request));
                reply.onNext(StepReply.newBuilder().setRelease(ProtoCodec.toProto(release)).build());
                reply.onCompleted();
            } catch (NodeException e) {
                reply.onError(error(e));
            } catch (RuntimeException e) {
                reply.onError(error(new NodeException(NodeException.Code.INTERNAL, "the node failed to serve the "
                        + "step")));
            }
        }

        private static String versionProblem() {
            return "this protocol version is not supported; this node speaks " + Protocol.VERSION;
        }

        private static Status status(NodeException.Code code) {
            return switch (code) {
            case NOT_ALLOWED -> Status.PERMISSION_DENIED;
            case UNKNOWN_DATASET -> Status.NOT_FOUND;
            case UNKNOWN_STEP -> Status.UNIMPLEMENTED;
            case BAD_REQUEST -> Status.INVALID_ARGUMENT;
            case DISCLOSURE -> Status.FAILED_PRECONDITION;
            case INTERNAL -> Status.INTERNAL;
            case DATASET_CHANGED -> Status.FAILED_PRECONDITION;
            };
        }

        private static io.grpc.StatusRuntimeException error(NodeException e) {
            Metadata trailers = new Metadata();
            trailers.put(ERROR_CODE, e.code().name());
            return status(e.code()).withDescription(e.getMessage()).asRuntimeException(trailers);
        }
    }
}
