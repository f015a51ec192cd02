package io.daybreak.federation.analysis;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a site signs its releases and checks the releases of the other sites of an analysis. On the network a site
 * signs with the key of its study certificate and verifies against the study CA ({@link StudyCaVerifier}); sites in
 * one process (tests, the in-process federation) use an ephemeral key each and trust the keys of the nodes they
 * were introduced to ({@link #inProcess}).
 */
public record SiteIdentity(ReleaseSigner signer, ReleaseVerifier verifier) {

    /** A fresh key pair for a site in this process, trusting its own key; {@link #trust} adds other sites' keys. */
    public static SiteIdentity inProcess(String site) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            KnownKeys known = new KnownKeys();
            known.keys.put(site, keys.getPublic());
            return new SiteIdentity(new ReleaseSigner(site, keys.getPrivate(), keys.getPublic().getEncoded()), known);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys are required by every Java platform", e);
        }
    }

    /** The public key of an in-process identity, for introducing it to other sites. */
    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(signer.certificate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an in-process identity: its certificate is not a bare public key", e);
        }
    }

    /** Introduces other in-process sites: their releases verify from now on. */
    public void trust(Map<String, PublicKey> sites) {
        if (!(verifier instanceof KnownKeys known)) {
            throw new IllegalStateException("a site on the network trusts the study CA, not individual keys");
        }
        known.keys.putAll(sites);
    }

    /** Verifies against a fixed set of site keys (one process); the presented key must be the site's. */
    private static final class KnownKeys implements ReleaseVerifier {
        private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

        @Override
        public void verify(SignedRelease release) {
            PublicKey key = keys.get(release.site());
            if (key == null || !java.util.Arrays.equals(key.getEncoded(), release.certificate())) {
                throw new ReleaseRejectedException("the release of site '" + release.site() + "' is not signed with "
                        + "that site's key");
            }
            if (!StudyCaVerifier.SignatureCheck.valid(key, release.payload(), release.signature())) {
                throw new ReleaseRejectedException("the signature of site '" + release.site() + "' does not verify");
            }
        }
    }
}
