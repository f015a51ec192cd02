package io.daybreak.federation.grpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.grpc.v2.SiteServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * What a researcher with a valid study certificate can do by hand: open a mutual-TLS channel to a node and send any
 * protocol message, and read back exactly what the node released or said.
 */
final class Attacker {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w])");

    private Attacker() {
    }

    /** A channel to one node. */
    static final class Connection implements AutoCloseable {
        final ManagedChannel channel;
        final SiteServiceGrpc.SiteServiceBlockingStub stub;

        Connection(ManagedChannel channel) {
            this.channel = channel;
            this.stub = SiteServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        }

        SignedRelease run(StepRequest request) {
            return ProtoCodec.fromProto(stub.runStep(ProtoCodec.toProto(request)).getRelease());
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }

    static Connection connect(int port, TlsFiles tls) throws IOException {
        var ssl = GrpcSslContexts.forClient().keyManager(tls.certificate().toFile(), tls.privateKey().toFile())
                .trustManager(tls.trustedAuthority().toFile()).build();
        return new Connection(NettyChannelBuilder.forAddress("localhost", port).sslContext(ssl).build());
    }

    /** Everything a refusal told the requester: the status code, its description and every trailer. */
    static String said(StatusRuntimeException refusal) {
        StringBuilder text = new StringBuilder(refusal.getStatus().getCode() + " " + refusal.getStatus().getDescription());
        Metadata trailers = refusal.getTrailers();
        if (trailers != null) {
            for (String key : trailers.keys()) {
                if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    text.append(' ').append(key).append('=').append(trailers.get(Metadata.Key.of(key,
                            Metadata.ASCII_STRING_MARSHALLER)));
                }
            }
        }
        return text.toString();
    }

    /** The numbers written in a text (as a refusal or an audit reason would write them). */
    static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return numbers;
    }
}
