package io.daybreak.methods.stats.table;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/** Settings group (see {@link Settings}): the columns of a contingency table and Yates' correction, local and federated. */
record Crosstab(
        @Setting(doc = "categorical column (numbers or text)")
        String rows,
        @Setting(optional = true, doc = "a second categorical column to cross with")
        String columns,
        @Setting(defaultValue = "true", doc = "Yates' continuity correction for a 2 x 2 table (R's default)")
        boolean correct) {
}
