package io.daybreak.federation.analysis;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies releases against a study CA: the release's certificate must be issued by the CA, valid now, a site's
 * certificate (server authentication, which the study PKI gives sites and never researchers), and name the
 * releasing site as its common name; then the signature must verify with its key. Checked certificates are
 * remembered by their bytes, so a long analysis does not re-check the same chain every round.
 */
public final class StudyCaVerifier implements ReleaseVerifier {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private final X509Certificate authority;
    private final Map<String, PublicKey> checked = new ConcurrentHashMap<>();

    public StudyCaVerifier(X509Certificate authority) {
        this.authority = authority;
    }

    @Override
    public void verify(SignedRelease release) {
        PublicKey key = siteKey(release.site(), release.certificate());
        if (!SignatureCheck.valid(key, release.payload(), release.signature())) {
            throw new ReleaseRejectedException("the signature of site '" + release.site() + "' does not verify");
        }
    }

    private PublicKey siteKey(String site, byte[] der) {
        String cacheKey = site + "\n" + Canonical.sha256(der);
        PublicKey known = checked.get(cacheKey);
        if (known != null) {
            return known;
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            certificate.verify(authority.getPublicKey());
            certificate.checkValidity();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ReleaseRejectedException("the release of site '" + site + "' is not signed with a certificate of "
                    + "the study CA");
        }
        if (!isSiteCertificate(certificate)) {
            throw new ReleaseRejectedException("the release of site '" + site + "' is signed with a certificate that "
                    + "is not a site's");
        }
        if (!site.equals(commonName(certificate))) {
            throw new ReleaseRejectedException("the release of site '" + site + "' is signed with another site's "
                    + "certificate");
        }
        checked.put(cacheKey, certificate.getPublicKey());
        return certificate.getPublicKey();
    }

    /** The CN of a certificate's subject (RFC 2253 form, as the study PKI writes it), or null. */
    public static String commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal().getName());
    }

    /** The CN of an RFC 2253 name such as "CN=alice,O=Daybreak", or null. */
    public static String commonName(String name) {
        for (String part : name.split(",")) {
            String trimmed = part.strip();
            if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
                return trimmed.substring(3);
            }
        }
        return null;
    }

    /** Whether a certificate is a site's: it allows server authentication. */
    public static boolean isSiteCertificate(X509Certificate certificate) {
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(SERVER_AUTH);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    /** Signature checks shared by the verifiers. */
    static final class SignatureCheck {
        private SignatureCheck() {
        }

        static boolean valid(PublicKey key, byte[] payload, byte[] signature) {
            try {
                Signature verifier = Signature.getInstance(ReleaseSigner.ALGORITHM);
                verifier.initVerify(key);
                verifier.update(payload);
                return verifier.verify(signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }
}
