package io.daybreak.federation.analysis;

/**
 * Checks that a release was signed by the site it names: the signature over {@link SignedRelease#payload()} is
 * valid for the key the release presents, and that key belongs to that site (a certificate of the study CA for a
 * site, with the site's name as common name; a researcher's certificate is not a site's).
 */
@FunctionalInterface
public interface ReleaseVerifier {
    /**
     * @throws ReleaseRejectedException saying why, without data
     */
    void verify(SignedRelease release);

    /** A signature or identity that does not check. */
    final class ReleaseRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ReleaseRejectedException(String message) {
            super(message);
        }
    }
}
