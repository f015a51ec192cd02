package io.daybreak.federation.analysis;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs a site's releases with its key (ECDSA P-256, SHA-256) and presents the certificate a verifier checks the
 * signature against. Thread-safe: each signature uses its own {@link Signature}.
 */
public final class ReleaseSigner {
    static final String ALGORITHM = "SHA256withECDSA";
    private final String site;
    private final PrivateKey key;
    private final byte[] certificate;

    /**
     * @param site        the site's name (its certificate's common name)
     * @param key         the site's private key
     * @param certificate what identifies the key to verifiers: the X.509 certificate (DER) issued by the study CA,
     *                    or, in one process, the encoded public key
     */
    public ReleaseSigner(String site, PrivateKey key, byte[] certificate) {
        this.site = site;
        this.key = key;
        this.certificate = certificate.clone();
    }

    public String site() {
        return site;
    }

    public byte[] certificate() {
        return certificate.clone();
    }

    /** Signs a release whose fields are given; returns it complete. */
    public SignedRelease sign(String analysisId, String specSha256, int round, String method, String step,
            String argumentsSha256, byte[] aggregates, long auditEntries, String auditHead) {
        byte[] payload = SignedRelease.payload(site, analysisId, specSha256, round, method, step, argumentsSha256,
                Canonical.sha256(aggregates), auditEntries, auditHead);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(payload);
            return new SignedRelease(site, analysisId, specSha256, round, method, step, argumentsSha256, aggregates,
                    auditEntries, auditHead, certificate.clone(), signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the site key cannot sign (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
