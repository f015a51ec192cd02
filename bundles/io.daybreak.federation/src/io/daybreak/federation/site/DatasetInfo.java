package io.daybreak.federation.site;

import java.util.List;

/** What a site says about a dataset: its name, columns and number of rows; never the rows. */
public record DatasetInfo(String name, List<String> columns, long rows) {
}
