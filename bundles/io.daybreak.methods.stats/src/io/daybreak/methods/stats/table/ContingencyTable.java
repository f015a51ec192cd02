package io.daybreak.methods.stats.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Counts of a one- or two-way cross-classification. Tables from different sites add cell by cell over the
 * union of their levels, so the sum of the sites' tables is the pooled table and anything computed from it
 * (margins, Pearson's χ²) equals the pooled analysis exactly. A one-way table has the single column level
 * {@value #ALL}.
 */
public final class ContingencyTable {
    static final String ALL = "n";

    private final List<String> rowLevels;
    private final List<String> columnLevels;
    private final long[][] counts;

    ContingencyTable(List<String> rowLevels, List<String> columnLevels, long[][] counts) {
        this.rowLevels = List.copyOf(rowLevels);
        this.columnLevels = List.copyOf(columnLevels);
        this.counts = counts;
    }

    /** Pearson's χ² test of independence, as R's {@code chisq.test} on the table. */
    public record Pearson(double statistic, int df, double pValue) {
    }

    /**
     * Counts the rows whose labels are among the levels; rows with a missing label, or one not listed, are not
     * counted. {@code columns} null makes a one-way table.
     */
    static ContingencyTable tabulate(String[] rows, List<String> rowLevels, String[] columns, List<String> columnLevels) {
        List<String> cLevels = columns == null ? List.of(ALL) : columnLevels;
        Map<String, Integer> rowIndex = index(rowLevels);
        Map<String, Integer> columnIndex = index(cLevels);
        long[][] counts = new long[rowLevels.size()][cLevels.size()];
        for (int i = 0; i < rows.length; i++) {
            Integer r = rows[i] == null ? null : rowIndex.get(rows[i]);
            Integer c = columns == null ? Integer.valueOf(0) : columns[i] == null ? null : columnIndex.get(columns[i]);
            if (r != null && c != null) {
                counts[r][c]++;
            }
        }
        return new ContingencyTable(rowLevels, cLevels, counts);
    }

    private static Map<String, Integer> index(List<String> levels) {
        Map<String, Integer> index = new HashMap<>();
        for (String level : levels) {
            if (index.put(level, index.size()) != null) {
                throw new IllegalArgumentException("a level is listed twice"); // no level in a message: it may be data
            }
        }
        return index;
    }

    /** The cell-by-cell sum over the union of levels, ordered by {@code rowOrder}/{@code columnOrder} when given. */
    ContingencyTable plus(ContingencyTable other, java.util.Comparator<String> rowOrder,
            java.util.Comparator<String> columnOrder) {
        List<String> rowsUnion = union(rowLevels, other.rowLevels, rowOrder);
        List<String> columnsUnion = union(columnLevels, other.columnLevels, columnOrder);
        long[][] sum = new long[rowsUnion.size()][columnsUnion.size()];
        for (ContingencyTable part : List.of(this, other)) {
            for (int r = 0; r < part.rowLevels.size(); r++) {
                int row = rowsUnion.indexOf(part.rowLevels.get(r));
                for (int c = 0; c < part.columnLevels.size(); c++) {
                    sum[row][columnsUnion.indexOf(part.columnLevels.get(c))] += part.counts[r][c];
                }
            }
        }
        return new ContingencyTable(rowsUnion, columnsUnion, sum);
    }

    private static List<String> union(List<String> a, List<String> b, java.util.Comparator<String> order) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        List<String> levels = new ArrayList<>(all);
        if (order != null) {
            levels.sort(order);
        }
        return levels;
    }

    public List<String> rowLevels() {
        return rowLevels;
    }

    public List<String> columnLevels() {
        return columnLevels;
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    /** The counts row by row (what a site releases). */
    long[] flat() {
        long[] flat = new long[rowLevels.size() * columnLevels.size()];
        for (int r = 0; r < rowLevels.size(); r++) {
            System.arraycopy(counts[r], 0, flat, r * columnLevels.size(), columnLevels.size());
        }
        return flat;
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /**
     * The table as a result summary: its levels, counts (row by row), N counted and N not counted (missing or
     * unlisted values), and for a two-way table Pearson's χ² test.
     */
    public Map<String, Object> summary(boolean yates, long excluded) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("rowLevels", new ArrayList<Object>(rowLevels));
        summary.put("columnLevels", new ArrayList<Object>(columnLevels));
        List<Object> rows = new ArrayList<>();
        for (long[] row : counts) {
            rows.add(java.util.Arrays.stream(row).boxed().collect(java.util.stream.Collectors.toList()));
        }
        summary.put("counts", rows);
        summary.put("n", total());
        summary.put("excluded", excluded);
        Pearson test = pearson(yates);
        if (test != null) {
            summary.put("chiSquared", test.statistic());
            summary.put("df", (long) test.df());
            summary.put("pValue", test.pValue());
            summary.put("continuityCorrection", yates && test.df() == 1);
        }
        return summary;
    }

    /**
     * Pearson's χ² test of independence over the levels with non-zero margins, with Yates' continuity correction
     * for a 2×2 table when {@code yates} (R's default: the correction is min(½, |O − E|) over all cells).
     * Returns null for a one-way table or when fewer than two rows or columns have counts.
     */
    public Pearson pearson(boolean yates) {
        List<Integer> rows = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        long[] rowSums = new long[rowLevels.size()];
        long[] columnSums = new long[columnLevels.size()];
        for (int r = 0; r < rowSums.length; r++) {
            for (int c = 0; c < columnSums.length; c++) {
                rowSums[r] += counts[r][c];
                columnSums[c] += counts[r][c];
            }
        }
        for (int r = 0; r < rowSums.length; r++) {
            if (rowSums[r] > 0) {
                rows.add(r);
            }
        }
        for (int c = 0; c < columnSums.length; c++) {
            if (columnSums[c] > 0) {
                columns.add(c);
            }
        }
        if (rows.size() < 2 || columns.size() < 2) {
            return null;
        }
        double n = total();
        double correction = 0;
        if (yates && rows.size() == 2 && columns.size() == 2) {
            correction = 0.5;
            for (int r : rows) {
                for (int c : columns) {
                    correction = Math.min(correction, Math.abs(counts[r][c] - rowSums[r] * (double) columnSums[c] / n));
                }
            }
        }
        double statistic = 0;
        for (int r : rows) {
            for (int c : columns) {
                double expected = rowSums[r] * (double) columnSums[c] / n;
                double deviation = Math.abs(counts[r][c] - expected) - correction;
                statistic += deviation * deviation / expected;
            }
        }
        int df = (rows.size() - 1) * (columns.size() - 1);
        return new Pearson(statistic, df, ChiSquaredDistribution.of(df).survivalProbability(statistic));
    }
}
