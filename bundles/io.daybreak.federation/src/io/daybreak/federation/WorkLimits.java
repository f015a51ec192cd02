package io.daybreak.federation;

/**
 * The work a site step may be asked for, checked before anything is allocated; the limits are public (a refusal may
 * name them), so they live here, beside the contract, rather than in one method bundle.
 */
public final class WorkLimits {
    /** Columns one list argument may name (a model has at most this many covariates plus the intercept). */
    public static final int MAX_COLUMNS = 200;
    /** Values of one design (rows × columns) or of one release computed from a list argument. */
    public static final long MAX_VALUES = 20_000_000;
    /** Cells of one contingency table (levels × levels). */
    public static final long MAX_CELLS = 1_000_000;

    private WorkLimits() {
    }
}
