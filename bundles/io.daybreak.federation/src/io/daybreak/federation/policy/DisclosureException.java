package io.daybreak.federation.policy;

/** A payload that a site's disclosure policy does not allow to leave; names the rule, never the data. */
public final class DisclosureException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    public DisclosureException(String rule, String message) {
        super("disclosure policy (" + rule + "): " + message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
