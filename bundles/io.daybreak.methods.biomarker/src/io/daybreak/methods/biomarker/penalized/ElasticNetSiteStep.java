package io.daybreak.methods.biomarker.penalized;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.policy.DisclosureException;
import io.daybreak.stats.biomarker.penalized.GramStatistics;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * The site step of {@code biomarker.elastic-net}. Step "gram" (ADR 0031) releases the sums over the site's complete
 * cases of x, y, x·xᵀ (upper triangle), x·y and y² for the response and feature columns the analysis names — nothing
 * evaluated at a point the requester chose. Steps "binomial", "eventTimes", "coxRisk" and "coxGram" (ADR 0035,
 * {@link NewtonSiteSums}) release a binomial or Cox model's sums at the points the site's own replay of the
 * coordinator computes. Every step refuses, releasing nothing, when the row set fails the row-set rules, when
 * p + 1 &gt; maxParameterRatio · n or n − p − 1 &lt; minCellCount (sums of few rows per feature describe the rows), when
 * a two-valued column has a value in fewer than minCellCount rows, when two two-valued features cross into a 2 × 2
 * table with a non-zero cell below minCellCount, or above 2,000 features; the Cox steps also need the policy to allow
 * event times and the risk sets to pass the federated Cox model's rules.
 *
 * <p>Arguments: {@code response} (column), {@code features} (columns); for Cox {@code time}, {@code status},
 * {@code eventValue}; and {@code points}, {@code grid}, {@code hazards} where a step needs them.
 */
@Component(service = SiteStep.class)
public final class ElasticNetSiteStep implements SiteStep {
    public static final String METHOD = "biomarker.elastic-net";
    static final int MAX_FEATURES = 2000;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "gram", "binomial", "eventTimes", "coxRisk", "coxGram");
        return switch (step) {
            case "binomial" -> NewtonSiteSums.binomial(arguments, data, guard);
            case "eventTimes" -> NewtonSiteSums.eventTimes(arguments, data, guard);
            case "coxRisk" -> NewtonSiteSums.coxRisk(arguments, data, guard);
            case "coxGram" -> NewtonSiteSums.coxGram(arguments, data, guard);
            default -> gram(arguments, data, guard);
        };
    }

    private static Aggregates gram(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        String response = Arguments.string(arguments, "response");
        List<String> features = Arguments.strings(arguments, "features");
        NumericColumns columns = Arguments.columns(data, Arguments.named("response", List.of(response), "features",
                features));
        double[][] x = checkedFeatures(guard, columns, response, features);
        GramStatistics g = GramStatistics.of(x, columns.column(response));
        return Aggregates.builder().put("n", (double) columns.rows()).put("sumX", g.sumX()).put("sumY", g.sumY())
                .put("sumXX", upper(g.sumXX())).put("sumXY", g.sumXY()).put("sumYY", g.sumYY()).build();
    }

    /**
     * The checks every step of this method makes before it computes anything: the row set, at least about three rows
     * per feature and {@code minCellCount} residual degrees of freedom, two-valued columns (the response, if given,
     * and the features) with every value in at least {@code minCellCount} rows, and two-valued features crossed.
     * Returns the feature columns.
     */
    static double[][] checkedFeatures(ReleaseGuard guard, NumericColumns columns, String response,
            List<String> features) {
        int p = features.size();
        if (p == 0 || p > MAX_FEATURES) {
            throw new IllegalArgumentException("argument 'features' names " + p + " columns; this step takes 1 to "
                    + MAX_FEATURES);
        }
        guard.rows("the rows of the elastic net", columns.rowSet());
        long n = columns.rows();
        guard.counts("the rows used", new long[] {n});
        guard.parameters("the elastic net of " + p + " features", p + 1, n);
        long min = guard.policy().minCellCount();
        if (n - p - 1 < min) {
            throw new DisclosureException("parameter-ratio", "the sums of " + p + " features leave fewer than "
                    + min + " residual degrees of freedom");
        }
        if (response != null) {
            guard.binary("column '" + response + "'", columns.column(response));
        }
        double[][] x = new double[p][];
        List<Integer> twoValued = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            x[j] = columns.column(features.get(j));
            guard.binary("column '" + features.get(j) + "'", x[j]);
            if (java.util.Arrays.stream(x[j]).distinct().limit(3).count() == 2) {
                twoValued.add(j);
            }
        }
        for (int a = 0; a < twoValued.size(); a++) {
            for (int b = a + 1; b < twoValued.size(); b++) {
                guard.counts("columns '" + features.get(twoValued.get(a)) + "' and '" + features.get(twoValued.get(b))
                        + "' crossed", cross(x[twoValued.get(a)], x[twoValued.get(b)]));
            }
        }
        return x;
    }

    /** The upper triangle of a symmetric matrix, row by row. */
    static double[] upper(double[][] m) {
        int p = m.length;
        double[] upper = new double[p * (p + 1) / 2];
        int k = 0;
        for (int j = 0; j < p; j++) {
            for (int l = j; l < p; l++) {
                upper[k++] = m[j][l];
            }
        }
        return upper;
    }

    /** The symmetric matrix of an upper triangle stored row by row, starting at {@code from}. */
    static double[][] symmetric(double[] upper, int from, int p) {
        double[][] m = new double[p][p];
        int k = from;
        for (int j = 0; j < p; j++) {
            for (int l = j; l < p; l++) {
                m[j][l] = upper[k];
                m[l][j] = upper[k++];
            }
        }
        return m;
    }

    private static long[] cross(double[] a, double[] b) {
        double a0 = a[0];
        double b0 = b[0];
        long[] counts = new long[4];
        for (int i = 0; i < a.length; i++) {
            counts[(a[i] == a0 ? 0 : 2) + (b[i] == b0 ? 0 : 1)]++;
        }
        return counts;
    }

    /** A site's release read back as statistics. */
    static GramStatistics statistics(Aggregates release, int p) {
        double[] upper = release.get("sumXX");
        if (upper.length != p * (p + 1) / 2 || release.get("sumX").length != p || release.get("sumXY").length != p) {
            throw new IllegalStateException("a site released statistics of the wrong size for " + p + " features");
        }
        double[][] sxx = symmetric(upper, 0, p);
        return new GramStatistics(Math.round(release.scalar("n")), release.get("sumX"), release.scalar("sumY"), sxx,
                release.get("sumXY"), release.scalar("sumYY"));
    }
}
