package io.daybreak.federation.site;

import java.util.List;

/**
 * What a site says about a dataset: its name, columns with their types ({@code float64}, {@code string}, ...),
 * number of rows and the digest of its version ({@link DatasetVersions}; empty if the site gave none); never the rows.
 */
public record DatasetInfo(String name, List<String> columns, List<String> types, long rows, String digest) {
    public DatasetInfo {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        digest = digest == null ? "" : digest;
        if (columns.size() != types.size()) {
            throw new IllegalArgumentException("dataset '" + name + "': " + columns.size() + " columns but "
                    + types.size() + " types");
        }
    }

    /** A dataset whose version digest is not known. */
    public DatasetInfo(String name, List<String> columns, List<String> types, long rows) {
        this(name, columns, types, rows, "");
    }
}
