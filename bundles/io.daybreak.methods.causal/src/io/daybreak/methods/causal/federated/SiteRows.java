package io.daybreak.methods.causal.federated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.daybreak.data.Table;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.federated.SiteChecks;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * A site's rows of a federated causal analysis, read from the coordinator's (untrusted) arguments: the complete
 * cases of the treatment, the covariates and the outcome columns, so every step uses the same rows as the pooled
 * analysis would. A site may hold one arm only (a trial site, a registry of controls); the treatment column must
 * hold only {@code treatedValue} and {@code controlValue}.
 *
 * <p>Arguments: {@code treatment}, {@code treatedValue}, {@code controlValue}, {@code covariates} (list),
 * optional {@code outcome}, and for a time-to-event outcome {@code time}, {@code status}, {@code eventValue}.
 */
final class SiteRows {
    final int[] treated;
    final double[][] x;
    final double[] outcome;
    final double[] time;
    final boolean[] event;
    final List<String> covariates;
    private final String statusColumn;
    private final double[] statusValues;

    private SiteRows(int[] treated, double[][] x, double[] outcome, double[] time, boolean[] event,
            List<String> covariates, String statusColumn, double[] statusValues) {
        this.statusColumn = statusColumn;
        this.statusValues = statusValues;
        this.treated = treated;
        this.x = x;
        this.outcome = outcome;
        this.time = time;
        this.event = event;
        this.covariates = covariates;
    }

    /**
     * Reads the rows and applies the checks every step needs, in an order that keeps errors about values behind
     * the row-set rules: the row set (subset, complement, differencing), the propensity model's size, the levels of
     * the treatment column (the arm values are looked up in it: each level present needs {@code minCellCount} rows),
     * the levels of two-valued covariates and outcome, and only then that the treatment column holds nothing but
     * the treated and control values. The survival steps check the status column's levels
     * ({@link #checkStatus}).
     */
    static SiteRows read(Table data, Map<String, Object> arguments, ReleaseGuard guard) {
        if (arguments.containsKey("formula")) {
            return readFormula(data, arguments, guard);
        }
        String treatment = Arguments.string(arguments, "treatment");
        double treatedValue = Arguments.number(arguments, "treatedValue");
        double controlValue = Arguments.number(arguments, "controlValue");
        List<String> covariates = Arguments.strings(arguments, "covariates");
        String outcome = arguments.containsKey("outcome") ? Arguments.string(arguments, "outcome") : null;
        String timeColumn = arguments.containsKey("time") ? Arguments.string(arguments, "time") : null;
        String status = timeColumn == null ? null : Arguments.string(arguments, "status");
        double eventValue = timeColumn == null ? 0 : Arguments.number(arguments, "eventValue");
        List<Object> named = new ArrayList<>(List.of("treatment", treatment, "covariates", covariates));
        if (outcome != null) {
            named.addAll(List.of("outcome", outcome));
        }
        if (timeColumn != null) {
            named.addAll(List.of("time", timeColumn, "status", status));
        }
        NumericColumns rows = Arguments.columns(data, Arguments.named(named.toArray()));
        int n = rows.rows();
        guard.rows("the rows of the analysis", rows.rowSet());
        guard.parameters("the propensity model", covariates.size() + 1, n);
        SiteChecks.lookupColumn(guard, treatment, rows.column(treatment));
        List<String> binary = new ArrayList<>(covariates);
        if (outcome != null) {
            binary.add(outcome);
        }
        SiteChecks.binaryColumns(guard, rows, binary);
        double[] a = rows.column(treatment);
        int[] treated = treated(treatment, a, treatedValue, controlValue);
        double[][] x = DesignMatrix.of(rows, treatment, covariates).x();
        double[] time = timeColumn == null ? null : rows.column(timeColumn);
        boolean[] event = timeColumn == null ? null : SurvivalInput.events(rows.column(status), eventValue);
        return new SiteRows(treated, x, outcome == null ? null : rows.column(outcome), time, event,
                List.copyOf(covariates), status, status == null ? null : rows.column(status));
    }

    /**
     * The rows with the covariates given as a one-sided formula and the levels the sites agreed
     * ({@link FormulaReleases#matrix}: the factor rules, the row-set rules, the model's size and the cell counts of
     * every two-valued design column), then the same checks as the columns form on the treatment and outcome.
     */
    private static SiteRows readFormula(Table data, Map<String, Object> arguments, ReleaseGuard guard) {
        String treatment = Arguments.string(arguments, "treatment");
        double treatedValue = Arguments.number(arguments, "treatedValue");
        double controlValue = Arguments.number(arguments, "controlValue");
        String outcome = arguments.containsKey("outcome") ? Arguments.string(arguments, "outcome") : null;
        String timeColumn = arguments.containsKey("time") ? Arguments.string(arguments, "time") : null;
        String status = timeColumn == null ? null : Arguments.string(arguments, "status");
        double eventValue = timeColumn == null ? 0 : Arguments.number(arguments, "eventValue");
        List<String> others = new ArrayList<>(List.of(treatment));
        for (String column : new String[] {outcome, timeColumn, status}) {
            if (column != null) {
                others.add(column);
            }
        }
        ModelMatrix matrix = FormulaReleases.matrix(guard, data, arguments, null, others);
        if (matrix.y() != null || !matrix.hasIntercept()) {
            throw new IllegalArgumentException("argument 'formula' must be one-sided with an intercept");
        }
        double[] a = ModelFrame.values(data, matrix, treatment);
        SiteChecks.lookupColumn(guard, treatment, a);
        double[] outcomes = outcome == null ? null : ModelFrame.values(data, matrix, outcome);
        if (outcomes != null) {
            guard.binary("column '" + outcome + "'", outcomes);
        }
        int[] treated = treated(treatment, a, treatedValue, controlValue);
        double[] time = timeColumn == null ? null : ModelFrame.values(data, matrix, timeColumn);
        double[] statuses = status == null ? null : ModelFrame.values(data, matrix, status);
        boolean[] event = statuses == null ? null : SurvivalInput.events(statuses, eventValue);
        return new SiteRows(treated, matrix.x(), outcomes, time, event,
                List.copyOf(matrix.columnNames().subList(1, matrix.columns())), status, statuses);
    }

    /**
     * For the steps that use the event indicators: every level of the status column (the event value is looked up
     * in it) needs {@code minCellCount} rows.
     */
    void checkStatus(ReleaseGuard guard) {
        SiteChecks.lookupColumn(guard, statusColumn, statusValues);
    }

    int n() {
        return treated.length;
    }

    long[] armSizes() {
        long[] sizes = new long[2];
        for (int a : treated) {
            sizes[a]++;
        }
        return sizes;
    }

    /** The treatment as 0/1 responses of the propensity model. */
    double[] treatmentResponse() {
        double[] a = new double[treated.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = treated[i];
        }
        return a;
    }

    /**
     * The balancing weights at the coordinator's propensity coefficients: the estimand's weight times the arm's
     * pooled factor ({@code armFactors}: the pooled arm shares for stabilised ATE weights, else 1 and 1).
     */
    double[] weights(Map<String, Object> arguments) {
        double[] beta = Arguments.numbers(arguments, "propensity", x[0].length);
        Estimand estimand;
        try {
            estimand = Estimand.valueOf(Arguments.string(arguments, "estimand").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argument 'estimand' must be ATE, ATT, ATC or ATO");
        }
        double[] armFactors = Arguments.numbers(arguments, "armFactors", 2);
        double[] w = new double[n()];
        for (int i = 0; i < w.length; i++) {
            double eta = 0;
            for (int k = 0; k < beta.length; k++) {
                eta += x[i][k] * beta[k];
            }
            double score = 1 / (1 + Math.exp(-eta));
            w[i] = estimand.weight(treated[i], score) * armFactors[treated[i]];
        }
        return w;
    }

    /** The treatment as the one covariate of the marginal Cox model. */
    double[][] treatmentRows() {
        double[][] rows = new double[n()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {treated[i]};
        }
        return rows;
    }

    /** 1 for the treated, 0 for the controls; any other value of the treatment column is a bad argument. */
    private static int[] treated(String treatment, double[] a, double treatedValue, double controlValue) {
        int[] treated = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] != treatedValue && a[i] != controlValue) {
                throw new IllegalArgumentException("argument 'treatment': column '" + treatment + "' holds a value other "
                        + "than the treated and control values");
            }
            treated[i] = a[i] == treatedValue ? 1 : 0;
        }
        return treated;
    }
}
