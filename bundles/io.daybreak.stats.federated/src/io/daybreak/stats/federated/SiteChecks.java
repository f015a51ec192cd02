package io.daybreak.stats.federated;

import java.util.Arrays;
import java.util.List;

import io.daybreak.federation.ReleaseGuard;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * Disclosure checks that several site steps apply to the columns they compute from, in the same words
 * everywhere (a refusal names the rule, the column and the threshold, never a value or a count).
 */
public final class SiteChecks {
    private SiteChecks() {
    }

    /**
     * Every column whose sums a release carries (covariates, a response, a described column): a column with
     * exactly two distinct values over the rows used has its level counts in those sums, so each level must
     * have at least {@code minCellCount} rows.
     */
    public static void binaryColumns(ReleaseGuard guard, NumericColumns rows, List<String> columns) {
        for (String column : columns) {
            guard.binary("column '" + column + "'", rows.column(column));
        }
    }

    /**
     * A column a value is looked up in (a status column's event value, a treatment column's arm values): every
     * level present must have at least {@code minCellCount} rows, whatever is looked up, so that a value with
     * a few rows and a value with none get the same answer.
     */
    public static void lookupColumn(ReleaseGuard guard, String column, double[] values) {
        guard.counts("the levels of column '" + column + "'", levelCounts(values));
    }

    /** The number of rows at each distinct value, in ascending order of the values. */
    public static long[] levelCounts(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        long[] counts = new long[sorted.length];
        int levels = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0) {
                levels++;
            }
            counts[levels - 1]++;
        }
        return Arrays.copyOf(counts, levels);
    }
}
