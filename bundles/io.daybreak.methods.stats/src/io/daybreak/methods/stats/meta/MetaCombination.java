package io.daybreak.methods.stats.meta;

import java.util.List;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.methods.stats.data.Coefficients;

/** Per-coefficient meta-analysis of per-site regression fits, and the parameter that selects it. */
public final class MetaCombination {
    private final MetaAnalysis[] pooled;
    private final boolean random;

    private MetaCombination(MetaAnalysis[] pooled, boolean random) {
        this.pooled = pooled;
        this.random = random;
    }

    /** {@code combine}: the exact federated fit (default) or a meta-analysis of per-site fits. */
    public static ParameterSpec.Builder parameter() {
        return ParameterSpec.choice("combine", "exact", "fixed", "random").defaultValue("exact")
                .doc("with siteColumn: exact (equal to the pooled fit), or meta-analysis of per-site fits: fixed "
                        + "(inverse variance) or random (DerSimonian-Laird); the meta-analyses are not exact");
    }

    /** Combines site estimates and standard errors (one array per site, one entry per coefficient). */
    public static MetaCombination of(List<double[]> estimates, List<double[]> standardErrors, boolean random) {
        int p = estimates.get(0).length;
        int k = estimates.size();
        MetaAnalysis[] pooled = new MetaAnalysis[p];
        for (int a = 0; a < p; a++) {
            double[] b = new double[k];
            double[] se = new double[k];
            for (int s = 0; s < k; s++) {
                b[s] = estimates.get(s)[a];
                se[s] = standardErrors.get(s)[a];
            }
            pooled[a] = random ? MetaAnalysis.randomEffects(b, se) : MetaAnalysis.fixedEffect(b, se);
        }
        return new MetaCombination(pooled, random);
    }

    /** The coefficient table and summary of the combination, labelled as a meta-analysis. */
    public MethodResult.Builder result(MethodContext context, List<String> terms) {
        int p = pooled.length;
        double[] estimate = new double[p];
        double[] se = new double[p];
        double[] tau2 = new double[p];
        double[] i2 = new double[p];
        for (int a = 0; a < p; a++) {
            estimate[a] = pooled[a].estimate();
            se[a] = pooled[a].standardError();
            tau2[a] = pooled[a].tau2();
            i2[a] = pooled[a].i2();
        }
        return MethodResult.builder()
                .output("coefficients", Coefficients.table(context.allocator(), terms, estimate, se, 0))
                .summary("method", random ? "meta-analysis of per-site fits, DerSimonian-Laird random effects (not exact)"
                        : "meta-analysis of per-site fits, inverse-variance fixed effect (not exact)")
                .summary("coefficients", estimate)
                .summary("standardErrors", se)
                .summary("tau2", tau2)
                .summary("i2", i2);
    }
}
