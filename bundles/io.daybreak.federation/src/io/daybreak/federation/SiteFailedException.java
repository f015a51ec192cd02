package io.daybreak.federation;

/** A site that failed, refused or did not answer; the message names the site and the reason, never data. */
public final class SiteFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String site;

    public SiteFailedException(String site, String reason) {
        super("site '" + site + "': " + reason);
        this.site = site;
    }

    public String site() {
        return site;
    }
}
