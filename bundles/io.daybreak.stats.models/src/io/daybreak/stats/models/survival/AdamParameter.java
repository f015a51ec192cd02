package io.daybreak.stats.models.survival;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/**
 * Settings group (see {@link Settings}): the ADaM parameter analysed. A BDS table (ADTTE) holds one row per subject
 * and parameter ({@code PARAMCD}); a table with several parameters is analysed one at a time, never pooled.
 */
public record AdamParameter(
        @Setting(optional = true, doc = "ADaM parameter code (PARAMCD value) whose rows are analysed, e.g. TTDE; "
                + "required when the table's PARAMCD column holds several")
        String param) {
}
