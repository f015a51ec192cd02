package io.daybreak.methods.stats.settings;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.federated.MetaCombination;
import io.daybreak.stats.models.columns.SiteSplit;

/**
 * Settings group (see {@link Settings}): how the regression methods (GLM, Cox; local and federated) combine sites,
 * the exact federated fit or a {@link MetaCombination} of per-site fits.
 */
public record Combine(
        @Setting(defaultValue = "exact", doc = "with siteColumn: exact (equal to the pooled fit), or meta-analysis of "
                + "per-site fits: fixed (inverse variance) or random (DerSimonian-Laird); the meta-analyses are not exact")
        @Choice({"exact", "fixed", "random"})
        String combine) {

    /** The exact federated fit, equal to the pooled one. */
    public boolean exact() {
        return combine.equals("exact");
    }

    /** A meta-analysis with random effects (DerSimonian-Laird) rather than a fixed effect. */
    public boolean random() {
        return combine.equals("random");
    }

    /**
     * A meta-analysis in one process combines the fits of the sites the site column makes: without one it has
     * nothing to combine, a combination of settings refused before any data is read.
     */
    public void requireSites(SiteSplit split) {
        if (!exact() && !split.split()) {
            throw tooFewSites();
        }
    }

    /** The error for a meta-analysis over fewer than two sites. */
    public InvalidParameterException tooFewSites() {
        return new InvalidParameterException("parameter 'combine' = " + combine + " needs 'siteColumn' with at least "
                + "two sites");
    }
}
