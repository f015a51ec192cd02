package io.daybreak.federation.site;

import io.daybreak.federation.analysis.StudyCaVerifier;

/**
 * Who asks a node for something: the subject of the client certificate the study CA issued, and whether that
 * certificate is a site's (sites do not request analyses of each other).
 *
 * @param subject         the certificate subject, e.g. "CN=alice,O=Daybreak"
 * @param siteCertificate whether the certificate is a site's (it allows server authentication)
 */
public record Requester(String subject, boolean siteCertificate) {
    /** A researcher in this process (tests, the in-process federation). */
    public static Requester researcher(String subject) {
        return new Requester(subject, false);
    }

    /** The common name, e.g. "alice", or the whole subject if it has none. */
    public String commonName() {
        String cn = StudyCaVerifier.commonName(subject);
        return cn == null ? subject : cn;
    }
}
