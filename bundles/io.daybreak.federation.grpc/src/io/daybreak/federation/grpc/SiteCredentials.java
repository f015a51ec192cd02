package io.daybreak.federation.grpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import io.daybreak.federation.analysis.ReleaseSigner;
import io.daybreak.federation.analysis.SiteIdentity;
import io.daybreak.federation.analysis.StudyCaVerifier;

/**
 * A party's study credentials read from its PEM files: its certificate, its key and the study CA. A site signs its
 * releases with the key of its certificate and verifies the other sites' against the CA.
 */
final class SiteCredentials {
    private SiteCredentials() {
    }

    /**
     * The identity of site {@code site}: its certificate must be a site's certificate of the study CA with the site's
     * name as common name.
     *
     * @throws IOException naming the file and what is wrong
     */
    static SiteIdentity site(String site, TlsFiles tls) throws IOException {
        X509Certificate certificate = certificate(tls.certificate());
        X509Certificate authority = certificate(tls.trustedAuthority());
        if (!StudyCaVerifier.isSiteCertificate(certificate)) {
            throw new IOException(tls.certificate() + " is a researcher's certificate; a node needs its site "
                    + "certificate ('pki issue NAME --hosts ...')");
        }
        String commonName = StudyCaVerifier.commonName(certificate);
        if (!site.equals(commonName)) {
            throw new IOException("the node is site '" + site + "' but " + tls.certificate() + " is issued to '"
                    + commonName + "'");
        }
        try {
            certificate.verify(authority.getPublicKey());
            return new SiteIdentity(new ReleaseSigner(site, key(tls), certificate.getEncoded()),
                    new StudyCaVerifier(authority));
        } catch (GeneralSecurityException e) {
            throw new IOException(tls.certificate() + " is not issued by the study CA in " + tls.trustedAuthority(), e);
        }
    }

    /** The verifier a coordinator checks releases with: the study CA it trusts. */
    static StudyCaVerifier verifier(TlsFiles tls) throws IOException {
        return new StudyCaVerifier(certificate(tls.trustedAuthority()));
    }

    static X509Certificate certificate(java.nio.file.Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + " is not an X.509 certificate in PEM", e);
        }
    }

    private static PrivateKey key(TlsFiles tls) throws IOException {
        String pem = Files.readString(tls.privateKey());
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException(tls.privateKey() + " is not a PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "").strip());
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(tls.privateKey() + " is not an EC private key", e);
        }
    }
}
