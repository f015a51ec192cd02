package io.daybreak.stats.models.columns;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;

/** The coefficient table of a regression: estimate, standard error, Wald statistic and p-value per term. */
public final class Coefficients {
    public static final TableSpec SPEC = TableSpec.of("coefficients", "one row per model term",
            column("term", STRING), column("estimate", FLOAT64), column("stdError", FLOAT64),
            column("statistic", FLOAT64), column("pValue", FLOAT64));

    private Coefficients() {
    }

    /**
     * How a model's coefficient table is labelled and read: R's column names, Student's t or the normal
     * distribution, and whether exp(estimate) is a ratio worth showing (hazard, odds or rate ratio).
     *
     * @param estimate   the estimate column's name ({@code coef} for coxph, {@code Estimate} for glm)
     * @param error      the standard error column's name
     * @param statistic  the Wald statistic's name ({@code z}, {@code z value}, {@code t value})
     * @param pValue     the p-value's name
     * @param ratio      the name of exp(estimate) ({@code exp(coef)}, {@code OR}, {@code RR}), or null for none
     * @param tDf        degrees of freedom of Student's t, or 0 for the normal distribution
     * @param ratioLimits whether the 95% limits are of the ratio (coxph) or of the estimate, and of the ratio too
     */
    public record Layout(String estimate, String error, String statistic, String pValue, String ratio, double tDf,
            boolean ratioLimits) {
        /** R's {@code summary.coxph}: coef, exp(coef), se(coef), [robust se], z, Pr(>|z|), lower .95, upper .95. */
        public static Layout cox() {
            return new Layout("coef", "se(coef)", "z", "Pr(>|z|)", "exp(coef)", 0, true);
        }

        /** R's {@code summary.glm}, with Wald 95% limits (t for an estimated dispersion) and the ratio if named. */
        public static Layout glm(String ratio, double tDf) {
            return new Layout("Estimate", "Std. Error", tDf > 0 ? "t value" : "z value", tDf > 0 ? "Pr(>|t|)" : "Pr(>|z|)",
                    ratio, tDf, false);
        }
    }

    /**
     * The coefficient table as summary rows (one map per term, keys in R's order), with Wald 95% limits:
     * estimate ± q × SE with q the 0.975 quantile of the normal distribution or of t with {@code tDf} df (as R's
     * {@code confint.default} and {@code confint.lm}). With {@code robust} standard errors (null for none) the
     * statistic, p-value and limits use them, as {@code summary.coxph} does, and the model-based ones are shown too.
     */
    public static List<java.util.Map<String, Object>> rows(List<String> terms, double[] estimate, double[] se,
            double[] robust, Layout layout) {
        double q = layout.tDf() > 0 ? TDistribution.of(layout.tDf()).inverseSurvivalProbability(0.025)
                : NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int a = 0; a < terms.size(); a++) {
            double error = robust == null ? se[a] : robust[a];
            double statistic = estimate[a] / error;
            double tail = layout.tDf() > 0 ? TDistribution.of(layout.tDf()).survivalProbability(Math.abs(statistic))
                    : NormalDistribution.of(0, 1).survivalProbability(Math.abs(statistic));
            double lower = estimate[a] - q * error;
            double upper = estimate[a] + q * error;
            boolean intercept = terms.get(a).equals("(Intercept)");
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("term", terms.get(a));
            row.put(layout.estimate(), estimate[a]);
            if (layout.ratio() != null && layout.ratioLimits()) {
                row.put(layout.ratio(), Math.exp(estimate[a]));
            }
            row.put(layout.error(), se[a]);
            if (robust != null) {
                row.put("robust se", robust[a]);
            }
            row.put(layout.statistic(), statistic);
            row.put(layout.pValue(), 2 * tail);
            if (layout.ratioLimits()) {
                row.put("lower .95", Math.exp(lower));
                row.put("upper .95", Math.exp(upper));
            } else {
                row.put("lower .95", lower);
                row.put("upper .95", upper);
                if (layout.ratio() != null) {
                    // exp of the intercept is a baseline odds or rate, not a ratio
                    row.put(layout.ratio(), intercept ? Double.NaN : Math.exp(estimate[a]));
                    row.put(layout.ratio() + " lower .95", intercept ? Double.NaN : Math.exp(lower));
                    row.put(layout.ratio() + " upper .95", intercept ? Double.NaN : Math.exp(upper));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The table; p-values from the normal distribution, or from Student's t with {@code tDf} degrees of
     * freedom when tDf &gt; 0 (a GLM with estimated dispersion, as R's {@code summary.glm}).
     */
    public static Table table(BufferAllocator allocator, List<String> terms, double[] estimate, double[] se, double tDf) {
        int k = terms.size();
        double[] statistic = new double[k];
        double[] p = new double[k];
        for (int a = 0; a < k; a++) {
            statistic[a] = estimate[a] / se[a];
            double tail = tDf > 0 ? TDistribution.of(tDf).survivalProbability(Math.abs(statistic[a]))
                    : NormalDistribution.of(0, 1).survivalProbability(Math.abs(statistic[a]));
            p[a] = 2 * tail;
        }
        return Table.builder(allocator).add("term", io.daybreak.data.ColumnType.STRING, List.copyOf(terms))
                .addFloat64("estimate", estimate).addFloat64("stdError", se).addFloat64("statistic", statistic)
                .addFloat64("pValue", p).build();
    }
}
