package io.daybreak.federation.grpc;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.grpc.v2.Round;

/** Between the protocol's messages and the federation's records; nothing is interpreted here. */
final class ProtoCodec {
    private ProtoCodec() {
    }

    static io.daybreak.federation.grpc.v2.StepRequest toProto(io.daybreak.federation.analysis.StepRequest request) {
        var builder = io.daybreak.federation.grpc.v2.StepRequest.newBuilder().setProtocolVersion(Protocol.VERSION)
                .setAnalysis(toProto(request.spec())).setRound(request.round())
                .setExpectedArgumentsSha256(request.expectedArgumentsSha256());
        for (List<SignedRelease> round : request.transcript()) {
            Round.Builder releases = Round.newBuilder();
            round.forEach(release -> releases.addReleases(toProto(release)));
            builder.addTranscript(releases);
        }
        return builder.build();
    }

    static io.daybreak.federation.analysis.StepRequest fromProto(io.daybreak.federation.grpc.v2.StepRequest request) {
        List<List<SignedRelease>> transcript = new ArrayList<>();
        for (Round round : request.getTranscriptList()) {
            transcript.add(round.getReleasesList().stream().map(ProtoCodec::fromProto).toList());
        }
        return new io.daybreak.federation.analysis.StepRequest(fromProto(request.getAnalysis()), request.getRound(),
                transcript, request.getExpectedArgumentsSha256());
    }

    static io.daybreak.federation.grpc.v2.AnalysisSpec toProto(AnalysisSpec spec) {
        return io.daybreak.federation.grpc.v2.AnalysisSpec.newBuilder().setId(spec.id()).setMethod(spec.method())
                .setDataset(spec.dataset()).putAllParameters(spec.parameters()).addAllSites(spec.sites())
                .putAllDatasetDigests(spec.datasetDigests()).build();
    }

    static AnalysisSpec fromProto(io.daybreak.federation.grpc.v2.AnalysisSpec spec) {
        return new AnalysisSpec(spec.getId(), spec.getMethod(), spec.getDataset(), spec.getParametersMap(),
                spec.getSitesList(), spec.getDatasetDigestsMap());
    }

    static io.daybreak.federation.grpc.v2.SignedRelease toProto(SignedRelease release) {
        return io.daybreak.federation.grpc.v2.SignedRelease.newBuilder().setSite(release.site())
                .setAnalysisId(release.analysisId()).setSpecSha256(release.specSha256()).setRound(release.round())
                .setMethod(release.method()).setStep(release.step()).setArgumentsSha256(release.argumentsSha256())
                .setAggregates(ByteString.copyFrom(release.aggregates())).setAuditEntries(release.auditEntries())
                .setAuditHead(release.auditHead()).setCertificate(ByteString.copyFrom(release.certificate()))
                .setSignature(ByteString.copyFrom(release.signature())).build();
    }

    static SignedRelease fromProto(io.daybreak.federation.grpc.v2.SignedRelease release) {
        return new SignedRelease(release.getSite(), release.getAnalysisId(), release.getSpecSha256(),
                release.getRound(), release.getMethod(), release.getStep(), release.getArgumentsSha256(),
                release.getAggregates().toByteArray(), release.getAuditEntries(), release.getAuditHead(),
                release.getCertificate().toByteArray(), release.getSignature().toByteArray());
    }
}
