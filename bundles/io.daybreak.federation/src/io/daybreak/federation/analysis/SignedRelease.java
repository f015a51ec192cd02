package io.daybreak.federation.analysis;

import java.util.Arrays;

/**
 * One site's release in one round of an analysis, signed with the site's key: what was evaluated (analysis,
 * specification digest, round, step and the digest of the arguments the site computed itself), the released bytes,
 * and the site's audit head after it logged the release. The coordinator forwards the signed releases of earlier
 * rounds to every site, which verifies them before it computes the next evaluation point from them; the last
 * signed release of each site goes into the result certificate, so the audit heads in it are the sites' own word.
 *
 * @param certificate the signer's certificate (DER), which a {@link ReleaseVerifier} checks against the study CA
 * @param signature   SHA256withECDSA over {@link #payload()}
 */
public record SignedRelease(String site, String analysisId, String specSha256, int round, String method, String step,
        String argumentsSha256, byte[] aggregates, long auditEntries, String auditHead, byte[] certificate,
        byte[] signature) {
    static final String FORMAT = "daybreak-release/2";

    /** The bytes signed: every field but the certificate and the signature, the aggregates by their SHA-256. */
    public byte[] payload() {
        return payload(site, analysisId, specSha256, round, method, step, argumentsSha256, Canonical.sha256(aggregates),
                auditEntries, auditHead);
    }

    static byte[] payload(String site, String analysisId, String specSha256, int round, String method, String step,
            String argumentsSha256, String aggregatesSha256, long auditEntries, String auditHead) {
        for (String field : new String[] {site, analysisId, specSha256, method, step, argumentsSha256, auditHead}) {
            if (field == null || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a release field is missing or holds a line break");
            }
        }
        return Canonical.utf8(String.join("\n", FORMAT, "site=" + site, "analysis=" + analysisId,
                "spec=" + specSha256, "round=" + round, "method=" + method, "step=" + step,
                "arguments=" + argumentsSha256, "aggregates=" + aggregatesSha256, "auditEntries=" + auditEntries,
                "auditHead=" + auditHead) + "\n");
    }

    /** SHA-256 of the released aggregates, as logged in the site's audit log. */
    public String aggregatesSha256() {
        return Canonical.sha256(aggregates);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRelease r && Arrays.equals(signature, r.signature) && Arrays.equals(payload(),
                r.payload());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "release of site '" + site + "', round " + round + " (" + method + "/" + step + ")";
    }
}
