package io.daybreak.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosureException;
import io.daybreak.federation.policy.DisclosurePolicy;

/**
 * The disclosure checks a {@link SiteStep} applies to what it is about to release, bound to one request on one
 * dataset. A failed check throws {@link DisclosureException}; the node then releases nothing and logs a
 * refusal. A site step calls {@link #rows} with the row set it computes from before it computes anything, and
 * the other checks on what it is about to release.
 *
 * <p>Differencing: {@link #rows} checks the row set against every row set of this dataset in the node's
 * {@link RowSetLedger} (all requesters together) and against the other row sets of this request, and records
 * it in the ledger at once. It records at once, not only when the release leaves, because any answer computed
 * from those rows (a release, a refusal by a later rule, an error about a value) tells the requester something
 * about them: a row set that was only refused could otherwise be probed again with one row more or less.
 *
 * <p>One guard per request; not for use from several threads.
 */
public final class ReleaseGuard {
    private final DisclosurePolicy policy;
    private final String dataset;
    private final long datasetRows;
    private final RowSetLedger ledger;
    private final List<BitSet> remembered = new ArrayList<>();

    /**
     * @param policy      the site's rules
     * @param dataset     the dataset's id in the ledger, {@link RowSetLedger#datasetId}(name, table): its name and a
     *                    digest of its row count and columns
     * @param datasetRows rows of the dataset (the N that ratios and complements refer to)
     * @param ledger      the node's ledger of earlier row sets
     */
    public ReleaseGuard(DisclosurePolicy policy, String dataset, long datasetRows, RowSetLedger ledger) {
        this.policy = policy;
        this.dataset = dataset;
        this.datasetRows = datasetRows;
        this.ledger = ledger;
    }

    public DisclosurePolicy policy() {
        return policy;
    }

    /** Rows of the dataset the step ran on (the N that ratios and complements refer to). */
    public long datasetRows() {
        return datasetRows;
    }

    /**
     * The statistic is computed from these rows of the dataset (indices 0 … N − 1). Checks the subset rule (at
     * least {@code minSubsetSize} rows, complement 0 or at least {@code minSubsetSize}) and the differencing rule
     * (0 or at least {@code minSubsetSize} rows different from every earlier row set of the dataset and of this
     * request), then records the row set.
     *
     * @throws UncheckedIOException if the ledger cannot be written (nothing may be released)
     */
    public void rows(String what, BitSet rows) {
        if (rows.length() > datasetRows) {
            throw new IllegalStateException("a row index beyond the dataset"); // a site step's bug, reported as internal
        }
        policy.checkSubset(what, rows.cardinality(), datasetRows);
        for (BitSet earlier : remembered) {
            BitSet difference = (BitSet) earlier.clone();
            difference.xor(rows);
            policy.checkDifference(what, difference.cardinality());
        }
        boolean admitted;
        try {
            admitted = ledger.admit(dataset, rows, policy.minSubsetSize());
        } catch (IOException e) {
            throw new UncheckedIOException("the row-set ledger cannot be written; nothing released", e);
        }
        if (!admitted) {
            throw policy.differencing(what);
        }
        remembered.add((BitSet) rows.clone());
    }

    /**
     * Makes the row sets of this request durable before its release leaves: they were recorded when checked
     * ({@link #rows}); this re-records any the ledger lacks (none, unless it was replaced) and forces it to disk.
     * The node calls it after the step returned and before it sends the bytes.
     *
     * @throws IOException if the ledger cannot be written: the node must then release nothing
     */
    public void commit() throws IOException {
        for (BitSet rows : remembered) {
            if (!ledger.contains(dataset, rows) && !ledger.admit(dataset, rows, policy.minSubsetSize())) {
                throw policy.differencing("the rows of this release");
            }
        }
        ledger.force();
    }

    public void counts(String what, long[] counts) {
        policy.checkCounts(what, counts);
    }

    /**
     * A column whose sums are released (a covariate, a response, a described column): if it takes exactly two
     * distinct values over the rows used, their counts follow from the released sums, so each must occur in at
     * least {@code minCellCount} rows.
     */
    public void binary(String what, double[] values) {
        double first = Double.NaN;
        double second = Double.NaN;
        long firstCount = 0;
        long secondCount = 0;
        for (double value : values) {
            if (Double.compare(value, first) == 0 || firstCount == 0) {
                first = value;
                firstCount++;
            } else if (Double.compare(value, second) == 0 || secondCount == 0) {
                second = value;
                secondCount++;
            } else {
                return; // three or more values: not a binary column
            }
        }
        if (secondCount > 0) {
            policy.checkCounts(what + " (a column of two values)", new long[] {firstCount, secondCount});
        }
    }

    public void parameters(String what, int parameters, long rows) {
        policy.checkParameters(what, parameters, rows);
    }

    /** A factor with {@code levels} levels over {@code rows} records. */
    public void factor(String what, int levels, long rows) {
        policy.checkFactor(what, levels, rows);
    }

    public void eventTimes(String what) {
        policy.checkEventTimes(what);
    }

    public void riskSets(String what, long[] sizes) {
        policy.checkRiskSets(what, sizes);
    }

    /** Nested risk sets of these sizes (each contains the next): every change must be 0 or large. */
    public void riskSetChanges(String what, long[] sizes) {
        policy.checkRiskSetChanges(what, sizes);
    }

    public void strings(List<String> values) {
        policy.checkStrings(values);
    }

    /** Level labels taken from the data, about to be released: none longer than {@code maxStringLength}. */
    public void labels(String what, List<String> labels) {
        for (String label : labels) {
            if (label.length() > policy.maxStringLength()) {
                throw new DisclosureException("string-length", what + " has a level label longer than "
                        + policy.maxStringLength() + " characters");
            }
        }
    }
}
