package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.ReleaseSigner;
import io.daybreak.federation.analysis.ReleaseVerifier;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.SiteChannel;
import io.daybreak.federation.analysis.SiteConnections;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.DatasetInfo;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;

/**
 * A malicious (or broken) site: it holds its own key, so it can sign anything. Whatever it sends — bytes that are
 * not the release format, a value that is not finite, a matrix whose shape does not match its values or the other
 * sites', a release for another round, one signed with another site's key — the coordinator refuses it before
 * using it and fails the analysis closed naming that site, never another.
 */
class MaliciousSiteTest extends FederatedTestSupport {
    private static final Map<String, String> GLM = Map.of("response", "wt.loss", "covariates", "age");

    /** The connections, with site1's answers passed through {@code tamper} (which may re-sign with any key). */
    private static SiteConnections tampered(LocalSites sites, Function<SignedRelease, SignedRelease> tamper) {
        return new SiteConnections() {
            @Override
            public List<String> names() {
                return sites.names();
            }

            @Override
            public String dataset() {
                return sites.dataset();
            }

            @Override
            public Map<String, DatasetInfo> datasetInfo() {
                return sites.datasetInfo();
            }

            @Override
            public SiteConnections only(List<String> names) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, SiteChannel> channels() {
                Map<String, SiteChannel> channels = new LinkedHashMap<>(sites.channels());
                SiteChannel honest = channels.get("site1");
                channels.put("site1", new SiteChannel() {
                    @Override
                    public String name() {
                        return "site1";
                    }

                    @Override
                    public Pending send(io.daybreak.federation.analysis.StepRequest request) {
                        SignedRelease release = honest.send(request).await();
                        return () -> tamper.apply(release);
                    }
                });
                return channels;
            }

            @Override
            public ReleaseVerifier verifier() {
                return sites.verifier();
            }

            @Override
            public BufferAllocator allocator() {
                return sites.allocator();
            }
        };
    }

    /** The same release with other bytes, signed by {@code signer} (site1's own key unless stated). */
    private static SignedRelease resigned(ReleaseSigner signer, SignedRelease release, byte[] bytes, int round) {
        return signer.sign(release.analysisId(), release.specSha256(), round, release.method(), release.step(),
                release.argumentsSha256(), bytes, release.auditEntries(), release.auditHead());
    }

    private SiteFailedException fails(LocalSites sites, Function<SignedRelease, SignedRelease> tamper) {
        SiteConnections connections = tampered(sites, tamper);
        GlmFederatedMethod method = new GlmFederatedMethod();
        return assertThrows(SiteFailedException.class, () -> method.run(connections.open(AnalysisSpec.open(method.id(),
                "lung", GLM, connections.names())), GLM, allocator));
    }

    @Test
    void everyMalformedReleaseFailsTheAnalysisClosedNamingItsSender() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, DisclosurePolicy.DATASHIELD_DEFAULTS);
        ReleaseSigner own = sites.identities().get("site1").signer();
        ReleaseSigner other = sites.identities().get("site2").signer();
        Map<String, Function<SignedRelease, SignedRelease>> attacks = new LinkedHashMap<>();
        attacks.put("not the release format", r -> resigned(own, r, "garbage".getBytes(StandardCharsets.UTF_8),
                r.round()));
        attacks.put("not finite", r -> resigned(own, r, Aggregates.builder().putMatrix("xtwx", new double[][] {{1, 0},
            {0, 1}}).put("xtwz", Double.NaN, 1).put("deviance", 1).put("n", 10).build().toBytes(allocator), r.round()));
        attacks.put("does not match its values", r -> resigned(own, r, Aggregates.builder().put("xtwx.shape", 3, 3)
                .put("xtwx", 1, 0, 0, 1).put("xtwz", 1, 1).put("deviance", 1).put("n", 10).build().toBytes(allocator),
                r.round()));
        attacks.put("of another shape than the other sites", r -> resigned(own, r, Aggregates.builder()
                .putMatrix("xtwx", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}).put("xtwz", 1, 1, 1)
                .put("deviance", 1).put("n", 10).build().toBytes(allocator), r.round()));
        attacks.put("another analysis, round or step", r -> resigned(own, r, r.aggregates(), r.round() + 1));
        attacks.put("does not verify", r -> new SignedRelease(r.site(), r.analysisId(), r.specSha256(), r.round(),
                r.method(), r.step(), r.argumentsSha256(), r.aggregates(), r.auditEntries(), r.auditHead(),
                r.certificate(), resigned(other, r, r.aggregates(), r.round()).signature()));
        attacks.put("released no aggregate", r -> resigned(own, r, Aggregates.builder().put("n", 10).build()
                .toBytes(allocator), r.round()));
        for (Map.Entry<String, Function<SignedRelease, SignedRelease>> attack : attacks.entrySet()) {
            SiteFailedException e = fails(sites, attack.getValue());
            assertEquals("site1", e.site(), attack.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(attack.getKey()), attack.getKey() + ": " + e.getMessage());
        }
    }
}
