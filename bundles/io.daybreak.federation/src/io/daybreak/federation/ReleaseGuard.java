package io.daybreak.federation;

import java.util.List;

import io.daybreak.federation.policy.DisclosurePolicy;

/**
 * The disclosure checks a {@link SiteStep} applies to what it is about to release, bound to the size of the
 * site's dataset. A failed check throws {@link io.daybreak.federation.policy.DisclosureException}; the node
 * then releases nothing and logs a refusal.
 */
public final class ReleaseGuard {
    private final DisclosurePolicy policy;
    private final long datasetRows;

    public ReleaseGuard(DisclosurePolicy policy, long datasetRows) {
        this.policy = policy;
        this.datasetRows = datasetRows;
    }

    public DisclosurePolicy policy() {
        return policy;
    }

    /** Rows of the dataset the step ran on (the N that ratios and complements refer to). */
    public long datasetRows() {
        return datasetRows;
    }

    /** The statistic describes {@code rows} records of the dataset. */
    public void subset(String what, long rows) {
        policy.checkSubset(what, rows, datasetRows);
    }

    public void counts(String what, long[] counts) {
        policy.checkCounts(what, counts);
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

    public void strings(List<String> values) {
        policy.checkStrings(values);
    }
}
