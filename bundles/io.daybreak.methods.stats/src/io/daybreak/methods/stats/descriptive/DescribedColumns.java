package io.daybreak.methods.stats.descriptive;

import java.util.List;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * Settings group (see {@link Settings}): the columns stats.describe summarises; the whole settings of the federated
 * method, whose sites hold the data.
 */
record DescribedColumns(
        @Setting(doc = "comma-separated numeric columns")
        String columns) {

    /** The columns, checked as a list of names. */
    List<String> names() {
        return NumericColumns.names("columns", columns);
    }
}
