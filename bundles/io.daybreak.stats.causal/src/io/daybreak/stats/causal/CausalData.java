package io.daybreak.stats.causal;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.glm.DesignMatrix;

/**
 * The rows a causal analysis uses: treatment (1 treated, 0 control), covariates (with an intercept column
 * first) and optionally an outcome, complete cases only. Rows with a missing value in any of these columns are
 * dropped and counted, never imputed.
 *
 * @param treated    1 for the treated rows, 0 for the controls
 * @param x          one row per patient: 1, then the covariates
 * @param outcome    the outcome per row (for a time-to-event outcome: the follow-up time), or null
 * @param event      for a time-to-event outcome, whether the row's time is an event (else censored); or null
 * @param covariates the covariate names, in the order of x's columns 1..p
 * @param dropped    rows left out for a missing value
 */
public record CausalData(int[] treated, double[][] x, double[] outcome, boolean[] event, List<String> covariates,
        int dropped) {

    /**
     * Reads the columns.
     *
     * @param treatedValue the treatment column's value that means treated; the column must hold exactly it and
     *                     one other value
     * @throws InvalidParameterException naming a column that is not binary, an arm without rows, a covariate
     *                                   that is constant
     */
    public static CausalData read(Table data, String treatment, double treatedValue, List<String> covariates,
            String outcome) {
        return read(data, treatment, treatedValue, covariates, outcome, null, 0);
    }

    /**
     * Reads the columns with a time-to-event outcome: follow-up {@code time} and {@code status}, an event where
     * status equals {@code eventValue}.
     *
     * @throws InvalidParameterException also for a negative time
     */
    public static CausalData readSurvival(Table data, String treatment, double treatedValue, List<String> covariates,
            String time, String status, double eventValue) {
        if (status.equals(time) || status.equals(treatment) || covariates.contains(status)) {
            throw new InvalidParameterException("column '" + status + "' is the status and also used as time, "
                    + "treatment or covariate");
        }
        CausalData read = read(data, treatment, treatedValue, covariates, time, status, eventValue);
        for (int i = 0; i < read.n(); i++) {
            if (read.outcome[i] < 0) {
                throw new InvalidParameterException("column '" + time + "' has the negative time " + read.outcome[i]
                        + "; follow-up times are 0 or more");
            }
        }
        return read;
    }

    private static CausalData read(Table data, String treatment, double treatedValue, List<String> covariates,
            String outcome, String status, double eventValue) {
        List<String> names = new ArrayList<>(List.of(treatment));
        for (String covariate : covariates) {
            if (covariate.equals(treatment) || covariate.equals(outcome)) {
                throw new InvalidParameterException("column '" + covariate + "' is both a covariate and the "
                        + (covariate.equals(treatment) ? "treatment" : "outcome"));
            }
            names.add(covariate);
        }
        if (outcome != null) {
            if (outcome.equals(treatment)) {
                throw new InvalidParameterException("column '" + outcome + "' is both the treatment and the outcome");
            }
            names.add(outcome);
        }
        if (status != null) {
            names.add(status);
        }
        NumericColumns rows = NumericColumns.completeCases(data, "treatment/covariates/outcome", names);
        double[] values = rows.distinct(treatment);
        boolean hasTreated = false;
        for (double value : values) {
            hasTreated |= value == treatedValue;
        }
        if (values.length != 2 || !hasTreated) {
            throw new InvalidParameterException("column '" + treatment + "' has the values " + list(values)
                    + "; a treatment must have exactly two values, one of them the treated value " + treatedValue
                    + " (parameter 'treatedValue')");
        }
        int n = rows.rows();
        int[] treated = new int[n];
        double[] column = rows.column(treatment);
        for (int i = 0; i < n; i++) {
            treated[i] = column[i] == treatedValue ? 1 : 0;
        }
        for (String covariate : covariates) {
            if (constant(rows.column(covariate))) {
                throw new InvalidParameterException("covariate '" + covariate + "' has one value in the "
                        + n + " complete rows; a constant covariate cannot be adjusted for");
            }
        }
        double[][] x = DesignMatrix.of(rows, treatment, covariates).x();
        boolean[] event = null;
        if (status != null) {
            double[] statusColumn = rows.column(status);
            event = new boolean[n];
            for (int i = 0; i < n; i++) {
                event[i] = statusColumn[i] == eventValue;
            }
        }
        return new CausalData(treated, x, outcome == null ? null : rows.column(outcome), event,
                List.copyOf(covariates), rows.dropped());
    }

    /**
     * Reads the rows with the covariates given as the right-hand side of an R formula ({@code ~ age + factor(celltype)}):
     * the design is R's (factors, contrasts, column names; see {@link ModelFrame}), complete in the formula's columns,
     * the treatment, and the outcome and status when given (null: none).
     */
    public static CausalData read(Table data, String treatment, double treatedValue, Formula covariates, String outcome,
            String status, double eventValue) {
        if (covariates.response() != null || !covariates.intercept() || !covariates.strata().isEmpty()
                || !covariates.offsets().isEmpty() || covariates.cluster() != null) {
            throw new InvalidParameterException("parameter 'covariates': a formula of covariates is one-sided with an "
                    + "intercept, e.g. ~ age + factor(celltype), without strata(), cluster() or offset()");
        }
        List<String> alsoComplete = new ArrayList<>(List.of(treatment));
        if (outcome != null) {
            alsoComplete.add(outcome);
        }
        if (status != null) {
            alsoComplete.add(status);
        }
        for (String column : alsoComplete) {
            if (covariates.columns().contains(column)) {
                throw new InvalidParameterException("column '" + column + "' is both a covariate and the treatment, "
                        + "outcome or status");
            }
        }
        io.daybreak.stats.models.formula.ModelMatrix matrix = ModelFrame.build(data, covariates,
                ModelFrame.Options.local("covariates", java.util.Map.of(), null), alsoComplete);
        int n = matrix.rows();
        double[] arm = ModelFrame.values(data, matrix, treatment);
        double[] values = java.util.Arrays.stream(arm).distinct().sorted().toArray();
        if (values.length != 2 || java.util.Arrays.binarySearch(values, treatedValue) < 0) {
            throw new InvalidParameterException("column '" + treatment + "' has the values " + list(values)
                    + "; a treatment must have exactly two values, one of them the treated value " + treatedValue
                    + " (parameter 'treatedValue')");
        }
        int[] treated = java.util.Arrays.stream(arm).mapToInt(v -> v == treatedValue ? 1 : 0).toArray();
        List<String> names = matrix.columnNames().subList(1, matrix.columns());
        for (int c = 1; c < matrix.columns(); c++) {
            if (constant(matrix.column(c))) {
                throw new InvalidParameterException("covariate '" + matrix.columnNames().get(c) + "' has one value in "
                        + "the " + n + " complete rows; a constant covariate cannot be adjusted for");
            }
        }
        double[] outcomes = outcome == null ? null : ModelFrame.values(data, matrix, outcome);
        boolean[] event = null;
        if (status != null) {
            double[] statuses = ModelFrame.values(data, matrix, status);
            event = new boolean[n];
            for (int i = 0; i < n; i++) {
                event[i] = statuses[i] == eventValue;
            }
            for (double t : outcomes) {
                if (t < 0) {
                    throw new InvalidParameterException("column '" + outcome + "' has the negative time " + t
                            + "; follow-up times are 0 or more");
                }
            }
        }
        return new CausalData(treated, matrix.x(), outcomes, event, List.copyOf(names), matrix.dropped());
    }

    public int n() {
        return treated.length;
    }

    /** Treated rows. */
    public int treatedCount() {
        int count = 0;
        for (int a : treated) {
            count += a;
        }
        return count;
    }

    /** The treatment indicator as a 64-bit column (1 treated, 0 control). */
    public long[] treatedFlags() {
        long[] flags = new long[treated.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = treated[i];
        }
        return flags;
    }

    /** The values of covariate c (0-based, without the intercept). */
    public double[] covariate(int c) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i][c + 1];
        }
        return values;
    }

    /** The same patients restricted to the rows marked kept. */
    public CausalData keep(boolean[] kept) {
        int n = 0;
        for (boolean k : kept) {
            n += k ? 1 : 0;
        }
        int[] a = new int[n];
        double[][] rows = new double[n][];
        double[] y = outcome == null ? null : new double[n];
        boolean[] e = event == null ? null : new boolean[n];
        int j = 0;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                a[j] = treated[i];
                rows[j] = x[i];
                if (y != null) {
                    y[j] = outcome[i];
                }
                if (e != null) {
                    e[j] = event[i];
                }
                j++;
            }
        }
        return new CausalData(a, rows, y, e, covariates, dropped);
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static String list(double[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(values.length, 6); i++) {
            text.append(i == 0 ? "" : ", ").append(io.daybreak.data.NumberText.text(values[i]));
        }
        return text.append(values.length > 6 ? ", ... (" + values.length + " values)" : "").toString();
    }
}
