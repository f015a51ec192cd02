package io.daybreak.stats.models.columns;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/**
 * Settings group (see {@link Settings}): the optional column that splits one table's rows into sites, so a local
 * method runs the exact federated algorithm in this process (each site's statistics from its rows alone, combined
 * as aggregates only) and shows the same result as a run across site nodes.
 */
public record SiteSplit(
        @Setting(optional = true,
                doc = "split the rows into sites by this column and run the exact federated algorithm on them")
        String siteColumn) {

    /** Whether the rows are split into sites (a site column was given). */
    public boolean split() {
        return siteColumn != null;
    }

    /** The sites' rows: one part per distinct value of the site column, or all rows as one site. */
    public List<NumericColumns> sites(NumericColumns rows) {
        if (siteColumn == null) {
            return List.of(rows);
        }
        List<NumericColumns> sites = new ArrayList<>();
        for (double value : rows.distinct(siteColumn)) {
            sites.add(rows.subset(siteColumn, value));
        }
        return sites;
    }
}
