package io.daybreak.methods.biomarker.penalized;

import java.util.List;
import java.util.Map;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.stats.biomarker.penalized.NewtonPath.Quadratic;
import io.daybreak.stats.biomarker.penalized.NewtonSums;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.federated.SiteChecks;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The site side of the binomial and Cox elastic nets (ADR 0035): the sums of {@link NewtonSums} at the points the
 * site's own replay of the coordinator computed (ADR 0013), after the checks of the Gram step (row set, rows per
 * feature, two-valued columns and their crossings) and, for Cox, the policy on event times and the risk-set rules
 * of the federated Cox model. Every point's sums are over all of the site's complete cases.
 *
 * <p>Steps: {@code binomial} (arguments response, features, points: k·(p + 1) numbers, intercept first) releases per
 * point ℓ, the score and the upper triangle of the information, intercept included; {@code eventTimes} (time,
 * status, eventValue, features) the distinct event times; {@code coxRisk} (those, grid, points: k·p) the feature
 * moments, the events per grid time and per point S0 at every grid time and Σ η over the events; {@code coxGram}
 * (those, hazards: k·2·g numbers, h then h2 per point) per point the weighted Gram matrix (upper), Σ w x, Σ w and
 * the score.
 */
final class NewtonSiteSums {
    /** At most this many points per request (the path's λ values times the fits cross-validation adds). */
    static final int MAX_POINTS = 20_000;

    private NewtonSiteSums() {
    }

    static Aggregates binomial(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        String response = Arguments.string(arguments, "response");
        List<String> features = Arguments.strings(arguments, "features");
        int p = features.size();
        double[][] points = points(arguments, p + 1);
        NumericColumns columns = Arguments.columns(data, Arguments.named("response", List.of(response), "features",
                features));
        double[] y = columns.column(response);
        for (double v : y) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("column '" + response + "' must be coded 0/1 for a binomial model");
            }
        }
        double[][] x = ElasticNetSiteStep.checkedFeatures(guard, columns, response, features);
        int q = p + 1;
        int tri = q * (q + 1) / 2;
        double[] ll = new double[points.length];
        double[] score = new double[points.length * q];
        double[] info = new double[points.length * tri];
        for (int k = 0; k < points.length; k++) {
            Quadratic sums = NewtonSums.binomial(x, y, points[k]);
            ll[k] = sums.logLikelihood();
            System.arraycopy(sums.score(), 0, score, k * q, q);
            System.arraycopy(ElasticNetSiteStep.upper(sums.information()), 0, info, k * tri, tri);
        }
        return Aggregates.builder().put("n", (double) columns.rows()).put("logLikelihood", ll).put("score", score)
                .put("information", info).build();
    }

    /** A site's Cox rows after every check but the risk sets'. */
    private record CoxRows(double[] time, boolean[] event, double[][] x, long rows) {
    }

    private static CoxRows coxRows(Map<String, Object> arguments, Table data, ReleaseGuard guard, String what) {
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        double eventValue = Arguments.number(arguments, "eventValue");
        List<String> features = Arguments.strings(arguments, "features");
        guard.eventTimes(what);
        NumericColumns columns = Arguments.columns(data, Arguments.named("time", List.of(time), "status",
                List.of(status), "features", features));
        SiteChecks.lookupColumn(guard, status, columns.column(status));
        double[][] x = ElasticNetSiteStep.checkedFeatures(guard, columns, null, features);
        double[] t = columns.column(time);
        for (double v : t) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("column '" + time + "' has a follow-up time that is not positive");
            }
        }
        return new CoxRows(t, SurvivalInput.events(columns.column(status), eventValue), x, columns.rows());
    }

    static Aggregates eventTimes(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        CoxRows rows = coxRows(arguments, data, guard, "the elastic net's event times");
        return Aggregates.builder().put("eventTimes", CoxSums.eventTimes(rows.time(), rows.event())).build();
    }

    static Aggregates coxRisk(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        CoxRows rows = coxRows(arguments, data, guard, "the elastic net's risk-set sums");
        int p = rows.x().length;
        double[] grid = CoxReleases.grid(arguments, 0);
        double[][] points = points(arguments, p);
        Arguments.limit("points", (double) points.length * grid.length);
        // the risk-set rules of the federated Cox model, on the risk sets and events at this grid
        CoxReleases.checkRiskSets(guard, "the elastic net's risk-set sums",
                CoxSums.of(rows.time(), rows.event(), new double[rows.time().length][0], new double[0], grid),
                rows.rows());
        long[] d = NewtonSums.events(rows.time(), rows.event(), grid);
        double[] events = new double[d.length];
        for (int k = 0; k < d.length; k++) {
            events[k] = d[k];
        }
        double[] sumX = new double[p];
        double[] sumXX = new double[p];
        for (int j = 0; j < p; j++) {
            for (double v : rows.x()[j]) {
                sumX[j] += v;
                sumXX[j] += v * v;
            }
        }
        double[] s0 = new double[points.length * grid.length];
        double[] eventEta = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            NewtonSums.CoxRisk risk = NewtonSums.coxRisk(rows.time(), rows.event(), rows.x(), points[k], grid);
            System.arraycopy(risk.s0(), 0, s0, k * grid.length, grid.length);
            eventEta[k] = risk.eventEta();
        }
        return Aggregates.builder().put("n", (double) rows.rows()).put("sumX", sumX).put("sumXX", sumXX)
                .put("d", events).put("s0", s0).put("eventEta", eventEta).build();
    }

    static Aggregates coxGram(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        CoxRows rows = coxRows(arguments, data, guard, "the elastic net's weighted sums");
        int p = rows.x().length;
        double[] grid = CoxReleases.grid(arguments, 0);
        double[][] points = points(arguments, p);
        int g = grid.length;
        double[] hazards = Arguments.numbers(arguments, "hazards", points.length * 2 * g);
        CoxReleases.checkRiskSets(guard, "the elastic net's weighted sums",
                CoxSums.of(rows.time(), rows.event(), new double[rows.time().length][0], new double[0], grid),
                rows.rows());
        int tri = p * (p + 1) / 2;
        double[] xwx = new double[points.length * tri];
        double[] wx = new double[points.length * p];
        double[] w = new double[points.length];
        double[] score = new double[points.length * p];
        for (int k = 0; k < points.length; k++) {
            double[] h = java.util.Arrays.copyOfRange(hazards, 2 * k * g, (2 * k + 1) * g);
            double[] h2 = java.util.Arrays.copyOfRange(hazards, (2 * k + 1) * g, (2 * k + 2) * g);
            NewtonSums.CoxGram gram = NewtonSums.coxGram(rows.time(), rows.event(), rows.x(), points[k], grid, h, h2);
            System.arraycopy(ElasticNetSiteStep.upper(gram.xwx()), 0, xwx, k * tri, tri);
            System.arraycopy(gram.wx(), 0, wx, k * p, p);
            System.arraycopy(gram.score(), 0, score, k * p, p);
            w[k] = gram.w();
        }
        return Aggregates.builder().put("xwx", xwx).put("wx", wx).put("w", w).put("score", score).build();
    }

    /** The points of argument "points", each of {@code size} numbers. */
    private static double[][] points(Map<String, Object> arguments, int size) {
        double[] flat = Arguments.numbers(arguments, "points", -1);
        if (flat.length == 0 || flat.length % size != 0 || flat.length / size > MAX_POINTS) {
            throw new IllegalArgumentException("argument 'points' must hold 1 to " + MAX_POINTS + " points of " + size
                    + " numbers each");
        }
        Arguments.limit("points", (double) flat.length / size * size * size);
        double[][] points = new double[flat.length / size][];
        for (int k = 0; k < points.length; k++) {
            points[k] = java.util.Arrays.copyOfRange(flat, k * size, (k + 1) * size);
        }
        return points;
    }
}
