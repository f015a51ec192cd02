package io.daybreak.stats.federated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodResult;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.Coefficients;
import io.daybreak.stats.models.meta.MetaAnalysis;

/** Per-coefficient meta-analysis of per-site regression fits (selected by a method's {@code combine} setting). */
public final class MetaCombination {
    private final MetaAnalysis[] pooled;
    private final boolean random;

    private MetaCombination(MetaAnalysis[] pooled, boolean random) {
        this.pooled = pooled;
        this.random = random;
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
        Map<String, Object> summary = summary();
        MethodResult.Builder result = MethodResult.builder().output("coefficients", Coefficients.table(
                context.allocator(), terms, values(MetaAnalysis::estimate), values(MetaAnalysis::standardError), 0));
        summary.forEach(result::summary);
        return result;
    }

    /** The combination as a result summary, labelled as a meta-analysis (not exact). */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", random ? "meta-analysis of per-site fits, DerSimonian-Laird random effects (not exact)"
                : "meta-analysis of per-site fits, inverse-variance fixed effect (not exact)");
        summary.put("coefficients", list(values(MetaAnalysis::estimate)));
        summary.put("standardErrors", list(values(MetaAnalysis::standardError)));
        summary.put("tau2", list(values(MetaAnalysis::tau2)));
        summary.put("i2", list(values(MetaAnalysis::i2)));
        return summary;
    }

    /**
     * The labelled alternative across site nodes: a separate fit at each site (each from that site's own
     * releases, the same ones the exact fit uses), combined per coefficient.
     *
     * @param fit fits the model on the given sites
     */
    public static Federated acrossSites(Sites sites, Function<Sites, SiteFit> fit, boolean random) {
        if (sites.names().size() < 2) {
            throw new IllegalArgumentException("a meta-analysis (combine=fixed or random) needs at least two sites");
        }
        List<double[]> estimates = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        int rounds = 0;
        boolean converged = true;
        for (String site : sites.names()) {
            SiteFit one = fit.apply(sites.only(List.of(site)));
            estimates.add(one.coefficients());
            errors.add(one.standardErrors());
            rounds += one.rounds();
            converged &= one.converged();
        }
        return new Federated(of(estimates, errors, random).summary(), rounds, converged);
    }

    /** Whether {@code combine} asks for random effects; anything but fixed or random is named. */
    public static boolean random(String combine) {
        if (!combine.equals("fixed") && !combine.equals("random")) {
            throw new IllegalArgumentException("parameter 'combine' must be exact, fixed or random, got '" + combine + "'");
        }
        return combine.equals("random");
    }

    /** One site's fit. */
    public record SiteFit(double[] coefficients, double[] standardErrors, int rounds, boolean converged) {
    }

    /** A meta-analysis across site nodes: its summary, the rounds of all site fits, and whether all converged. */
    public record Federated(Map<String, Object> summary, int rounds, boolean converged) {
    }

    private double[] values(java.util.function.ToDoubleFunction<MetaAnalysis> value) {
        return java.util.Arrays.stream(pooled).mapToDouble(value).toArray();
    }

    private static List<Object> list(double[] values) {
        return new ArrayList<>(java.util.Arrays.stream(values).boxed().toList());
    }
}
