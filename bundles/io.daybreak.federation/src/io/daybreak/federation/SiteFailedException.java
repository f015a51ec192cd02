package io.daybreak.federation;

/** A site that failed, refused or did not answer; the message names the site and the reason, never data. */
public final class SiteFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String site;
    private final String reason;

    public SiteFailedException(String site, String reason) {
        super("site '" + site + "': " + reason);
        this.site = site;
        this.reason = reason;
    }

    /** Why the site failed (without its name). */
    public String reason() {
        return reason;
    }

    public String site() {
        return site;
    }
}
