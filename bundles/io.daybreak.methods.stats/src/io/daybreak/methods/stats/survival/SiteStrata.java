package io.daybreak.methods.stats.survival;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/**
 * Settings group (see {@link Settings}): whether each site is a stratum, shared by the local and federated log-rank
 * test and Cox model; each says with {@code @Adjust} what a stratum means for it.
 */
record SiteStrata(
        @Setting(defaultValue = "false", doc = "with siteColumn: each site is a stratum")
        boolean stratifyBySite) {
}
