package io.daybreak.methods.design.map;

import java.util.List;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * design.map-prior's computation from study summaries to reported numbers, shared by the local and the federated
 * method (so the same summaries give the same numbers): the MAP model ({@link MapModel}), the beta-mixture fit
 * ({@link MixtureFit}), robustification and effective sample sizes ({@link Ess}).
 */
final class MapPrior {
    static final double[] PROBABILITIES = {0.025, 0.5, 0.975};

    /** Everything design.map-prior reports. */
    record Result(List<MapModel.Study> studies, double mapMean, double mapSd, double[] mapQuantiles, double tauMean,
            double tauSd, double[] tauQuantiles, double muMean, double muSd, double[][] shrinkage,
            List<MixtureFit.Fit> fits, MixtureFit.Fit chosen, BetaMixture robust, double essElir, double essMoment,
            double essMorita, double robustEssElir) {
    }

    private MapPrior() {
    }

    /** Checks the summaries: each n ≥ 1 and 0 ≤ r ≤ n; at least one study. */
    static void check(List<MapModel.Study> studies) {
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("no historical study");
        }
    }

    static Result compute(List<MapModel.Study> studies, MapOptions options) {
        check(studies);
        MapModel model = new MapModel(studies, options.hyperprior());
        PanelDistribution tau = model.tauPosterior();
        double[] mu = model.muSummary();
        double[][] grid = model.grid();
        int size = grid[0].length;
        double[] logP = new double[size];
        double[] log1mP = new double[size];
        double[] v = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += grid[1][i];
        }
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < size; i++) {
            double theta = grid[0][i];
            logP[i] = -Quadrature.log1pExp(-theta);
            log1mP[i] = -Quadrature.log1pExp(theta);
            v[i] = grid[1][i] / total;
            double p = Quadrature.expit(theta);
            m1 += v[i] * p;
            m2 += v[i] * p * p;
        }
        double[] mapQuantiles = new double[PROBABILITIES.length];
        double[] tauQuantiles = new double[PROBABILITIES.length];
        for (int k = 0; k < PROBABILITIES.length; k++) {
            mapQuantiles[k] = Quadrature.expit(model.quantileLogit(PROBABILITIES[k]));
            tauQuantiles[k] = tau.quantile(PROBABILITIES[k]);
        }
        List<MixtureFit.Fit> fits;
        MixtureFit.Fit chosen;
        double k = 6;
        // no component may be more concentrated than twice all the historical patients (plus 100): more information
        // than the data hold is never part of the MAP prior, and it keeps EM from collapsing onto quadrature nodes
        double cap = 100;
        for (MapModel.Study s : studies) {
            cap += 2.0 * s.patients();
        }
        if (options.components() != null) {
            chosen = MixtureFit.fit(logP, log1mP, v, options.components(), options.aicSampleSize(), k, cap);
            fits = List.of(chosen);
        } else {
            fits = MixtureFit.auto(logP, log1mP, v, options.maxComponents(), options.aicSampleSize(), k, cap);
            chosen = MixtureFit.best(fits);
        }
        BetaMixture mixture = chosen.mixture();
        BetaMixture robust = options.robustWeight() > 0
                ? mixture.robustify(options.robustWeight(), options.robustMean(), options.robustN()) : mixture;
        return new Result(studies, m1, Math.sqrt(Math.max(0, m2 - m1 * m1)), mapQuantiles, tau.mean(), tau.sd(),
                tauQuantiles, mu[0], mu[1], model.shrinkage(), fits, chosen, robust, Ess.elir(mixture),
                Ess.moment(mixture), Ess.morita(mixture), elirOrNaN(robust));
    }

    /** The elir ESS, or NaN where a component has a or b below 1 (a robust Beta(0.5, 0.5), say). */
    private static double elirOrNaN(BetaMixture mixture) {
        for (int k = 0; k < mixture.size(); k++) {
            if (mixture.a()[k] < 1 || mixture.b()[k] < 1) {
                return Double.NaN;
            }
        }
        return Ess.elir(mixture);
    }

    /** Clopper–Pearson interval of r/n at level 0.95 (R binom.test(r, n)$conf.int). */
    static double[] clopperPearson(long r, long n) {
        double lower = r == 0 ? 0 : BetaDistribution.of(r, n - r + 1.0).inverseCumulativeProbability(0.025);
        double upper = r == n ? 1 : BetaDistribution.of(r + 1.0, n - r).inverseCumulativeProbability(0.975);
        return new double[] {lower, upper};
    }
}
