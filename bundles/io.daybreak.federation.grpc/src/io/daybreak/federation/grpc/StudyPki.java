package io.daybreak.federation.grpc;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A study's small public-key infrastructure, with BouncyCastle: a study CA, and certificates it issues to site
 * nodes (server and client use, with the host names they are reached at) and to researchers (client use).
 * Keys are ECDSA P-256; certificates and PKCS#8 keys are written as PEM files, which is what the node and the
 * coordinator read. Private keys are written with owner-only permissions where the file system allows.
 */
public final class StudyPki {
    private static final String SIGNATURE = "SHA256withECDSA";

    /** A key pair with its certificate. */
    public record Credential(KeyPair keys, X509Certificate certificate) {
        /** Writes {@code name.pem} (certificate) and {@code name.key} (PKCS#8 private key) into {@code dir}. */
        public void write(Path dir, String name) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".pem"), pem(certificate));
            Path key = dir.resolve(name + ".key");
            Files.writeString(key, pkcs8(keys.getPrivate()));
            try {
                Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: leave the platform's default permissions
            }
        }
    }

    private StudyPki() {
    }

    /** A self-signed study CA valid for {@code validity}. */
    public static Credential createAuthority(String studyName, Duration validity) throws GeneralSecurityException {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + studyName + " study CA,O=Daybreak");
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new Credential(keys, sign(builder, keys.getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create the study CA: " + e.getMessage(), e);
        }
    }

    /**
     * A certificate issued by the CA. Sites get server and client use and their host names (DNS names or IP
     * addresses) as subject alternative names; researchers get client use only (no host names).
     */
    public static Credential issue(Credential authority, String commonName, List<String> hostNames, Duration validity)
            throws GeneralSecurityException {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        try {
            X509CertificateHolder issuer = new X509CertificateHolder(authority.certificate().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.getSubject(), serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)),
                    new X500Name("CN=" + commonName + ",O=Daybreak"), keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            List<KeyPurposeId> purposes = new ArrayList<>(List.of(KeyPurposeId.id_kp_clientAuth));
            if (!hostNames.isEmpty()) {
                purposes.add(KeyPurposeId.id_kp_serverAuth);
                GeneralName[] names = hostNames.stream().map(h -> h.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                        ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(authority.certificate()));
            return new Credential(keys, sign(builder, authority.keys().getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot issue a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code name.pem} and {@code name.key} (as written by {@link Credential#write}) from {@code dir}. */
    public static Credential load(Path dir, String name) throws GeneralSecurityException, IOException {
        Path certificateFile = dir.resolve(name + ".pem");
        Path keyFile = dir.resolve(name + ".key");
        if (!Files.isReadable(certificateFile) || !Files.isReadable(keyFile)) {
            throw new GeneralSecurityException("no " + name + ".pem and " + name + ".key in " + dir
                    + " (create the study CA with 'pki init' first)");
        }
        X509Certificate certificate;
        try (var in = Files.newInputStream(certificateFile)) {
            certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
        String pem = Files.readString(keyFile);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException(keyFile + " is not a PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").strip());
        PrivateKey key = java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        return new Credential(new KeyPair(certificate.getPublicKey(), key), certificate);
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    static String pem(X509Certificate certificate) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }

    static String pkcs8(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, null).generate());
        }
        return out.toString();
    }
}
