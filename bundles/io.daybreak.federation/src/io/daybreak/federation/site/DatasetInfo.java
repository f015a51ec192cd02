package io.daybreak.federation.site;

import java.util.List;

/**
 * What a site says about a dataset: its name, columns with their types ({@code float64}, {@code string}, ...)
 * and number of rows; never the rows.
 */
public record DatasetInfo(String name, List<String> columns, List<String> types, long rows) {
    public DatasetInfo {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        if (columns.size() != types.size()) {
            throw new IllegalArgumentException("dataset '" + name + "': " + columns.size() + " columns but "
                    + types.size() + " types");
        }
    }
}
