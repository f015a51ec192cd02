package io.daybreak.methods.design.map;

import java.util.List;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * The meta-analytic-predictive (MAP) model for a binary endpoint (Neuenschwander et al., Clin Trials 7:5-18, 2010),
 * as RBesT's {@code gMAP(cbind(r, n - r) ~ 1 | study, family = binomial, tau.dist = "HalfNormal")} states it:
 * r_h ~ Bin(n_h, p_h), θ_h = logit(p_h) ~ N(μ, τ²), μ ~ N(m, s²), τ ~ HalfNormal(scale). The MAP prior is the
 * predictive distribution of p_new = expit(θ_new), θ_new ~ N(μ, τ²), given the historical data.
 *
 * <p>Computed by deterministic nested quadrature, not MCMC (ADR 0045):
 * <ol>
 * <li>each study's θ_h is integrated out by adaptive Gauss–Hermite quadrature (24 nodes centred at the mode of the
 * log-concave integrand, scaled by its curvature);</li>
 * <li>τ runs over composite Gauss–Legendre nodes on [0, τ_max], τ_max where the Laplace-approximated marginal log
 * posterior of τ has fallen 40 below its maximum;</li>
 * <li>for each τ node, μ runs over composite Gauss–Legendre nodes on the conditional mode ± 12 conditional sd (μ | τ
 * is log-concave), where the density is also interpolated (barycentric, per panel) for CDFs.</li>
 * </ol>
 * The predictive of θ_new given τ is the conditional posterior of μ convolved with N(0, τ²): integrated over the μ
 * nodes when τ is at least the conditional sd of μ, else as E_z[C(t − τ z)] over Gauss–Hermite z nodes with C the
 * interpolated conditional CDF of μ, so that neither form meets a spike narrower than its nodes.
 */
final class MapModel {
    /** One historical study's summary. */
    record Study(String name, long patients, long responses) {
    }

    /** Priors of the hyperparameters: μ ~ N(muMean, muSd²), τ ~ HalfNormal(0, tauScale). */
    record Hyperprior(double muMean, double muSd, double tauScale) {
    }

    static final int TAU_PANELS = 24;
    static final int MU_PANELS = 6;
    private static final double MU_HALF_WIDTH = 12;
    private static final double WINDOW = 40;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final List<Study> studies;
    private final Hyperprior prior;

    final double tauMax;
    final double[] tauNodes;
    /** Gauss–Legendre weight of each τ node times the conditional mass of μ there, normalised to sum 1. */
    final double[] tauMass;
    /** Per τ node: the μ nodes, and their normalised weight within the node (GL weight times density). */
    final double[][] muNodes;
    final double[][] muMass;
    /** Per τ node: the conditional distribution of μ (interpolated density, CDF). */
    final PanelDistribution[] muGiven;
    /** Per τ node: the conditional sd of μ from the curvature at its mode. */
    final double[] muScale;

    MapModel(List<Study> studies, Hyperprior prior) {
        this.studies = List.copyOf(studies);
        this.prior = prior;
        tauMax = tauRange();
        double[][] tau = Quadrature.legendre(0, tauMax, TAU_PANELS);
        tauNodes = tau[0];
        int nt = tauNodes.length;
        muNodes = new double[nt][];
        muMass = new double[nt][];
        muGiven = new PanelDistribution[nt];
        muScale = new double[nt];
        double[] logMass = new double[nt];
        double start = prior.muMean();
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < nt; j++) {
            double[] mode = conditionalMode(tauNodes[j], start);
            start = mode[0];
            muScale[j] = mode[1];
            double lo = mode[0] - MU_HALF_WIDTH * mode[1];
            double hi = mode[0] + MU_HALF_WIDTH * mode[1];
            double[][] mu = Quadrature.legendre(lo, hi, MU_PANELS);
            muNodes[j] = mu[0];
            double[] density = new double[mu[0].length];
            double[] lp = new double[mu[0].length];
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < lp.length; i++) {
                lp[i] = logPosterior(mu[0][i], tauNodes[j]);
                top = Math.max(top, lp[i]);
            }
            double sum = 0;
            muMass[j] = new double[lp.length];
            for (int i = 0; i < lp.length; i++) {
                density[i] = Math.exp(lp[i] - top);
                muMass[j][i] = mu[1][i] * density[i];
                sum += muMass[j][i];
            }
            for (int i = 0; i < lp.length; i++) {
                muMass[j][i] /= sum;
            }
            muGiven[j] = new PanelDistribution(lo, hi, MU_PANELS, density);
            logMass[j] = Math.log(tau[1][j]) + top + Math.log(sum);
            max = Math.max(max, logMass[j]);
        }
        tauMass = new double[nt];
        double total = 0;
        for (int j = 0; j < nt; j++) {
            tauMass[j] = Math.exp(logMass[j] - max);
            total += tauMass[j];
        }
        for (int j = 0; j < nt; j++) {
            tauMass[j] /= total;
        }
    }

    List<Study> studies() {
        return studies;
    }

    /**
     * The upper end of the τ range: a scan of the Laplace approximation of the marginal log posterior of τ (at 200
     * points up to 10 prior scales), cut where it has fallen WINDOW below its maximum, plus one scan step.
     */
    private double tauRange() {
        int points = 200;
        double step = 10 * prior.tauScale() / points;
        double[] value = new double[points];
        double max = Double.NEGATIVE_INFINITY;
        double start = prior.muMean();
        for (int k = 0; k < points; k++) {
            double t = (k + 0.5) * step;
            double[] mode = conditionalMode(t, start);
            start = mode[0];
            value[k] = logPosterior(mode[0], t) + Math.log(mode[1]);
            max = Math.max(max, value[k]);
        }
        int last = 0;
        for (int k = 0; k < points; k++) {
            if (value[k] > max - WINDOW) {
                last = k;
            }
        }
        return Math.min(10 * prior.tauScale(), (last + 2) * step);
    }

    /** {mode, sd from curvature} of μ ↦ log p(μ, τ | data): Newton with numerical derivatives and step halving. */
    private double[] conditionalMode(double tau, double start) {
        double x = start;
        double h = 1e-4 * Math.max(1, prior.muSd());
        double second = -1;
        for (int it = 0; it < 100; it++) {
            double f0 = logPosterior(x, tau);
            double fp = logPosterior(x + h, tau);
            double fm = logPosterior(x - h, tau);
            double first = (fp - fm) / (2 * h);
            second = (fp - 2 * f0 + fm) / (h * h);
            if (!(second < 0)) {
                second = -1 / (prior.muSd() * prior.muSd());
            }
            double stepSize = -first / second;
            double limit = 5 * Math.max(prior.muSd(), tau);
            stepSize = Math.max(-limit, Math.min(limit, stepSize));
            // step halving: the log posterior of μ given τ is concave, so a shorter step in this direction improves it
            double next = x + stepSize;
            for (int k = 0; k < 60 && logPosterior(next, tau) < f0; k++) {
                stepSize *= 0.5;
                next = x + stepSize;
            }
            if (Math.abs(next - x) < 1e-10 * Math.max(1, Math.abs(x))) {
                x = next;
                break;
            }
            x = next;
        }
        double f0 = logPosterior(x, tau);
        double hs = 1e-3 * Math.sqrt(-1 / second);
        double curvature = (logPosterior(x + hs, tau) - 2 * f0 + logPosterior(x - hs, tau)) / (hs * hs);
        if (!(curvature < 0)) {
            curvature = second;
        }
        return new double[] {x, 1 / Math.sqrt(-curvature)};
    }

    /** log p(μ, τ | data) up to a constant. */
    double logPosterior(double mu, double tau) {
        double z = (mu - prior.muMean()) / prior.muSd();
        double t = tau / prior.tauScale();
        double lp = -0.5 * z * z - 0.5 * t * t;
        for (Study s : studies) {
            lp += logMarginal(s.patients(), s.responses(), mu, tau, null);
        }
        return lp;
    }

    /**
     * log ∫ p^r (1 − p)^(n − r) N(θ; μ, τ²) dθ (p = expit θ, binomial coefficient left out) by adaptive Gauss–Hermite
     * quadrature; with {@code moments} non-null, also E[p] and E[p²] under the conditional posterior of θ given (μ, τ)
     * and the study's data, in moments[0], moments[1].
     */
    static double logMarginal(long n, long r, double mu, double tau, double[] moments) {
        double precision = 1 / (tau * tau);
        // mode of g(θ) = rθ − n log(1 + e^θ) − (θ − μ)²/(2τ²): g' is decreasing; bracket then safeguarded Newton
        double lo = mu - 1;
        double hi = mu + 1;
        while (gradient(n, r, mu, precision, lo) < 0) {
            lo -= 2 * (hi - lo);
        }
        while (gradient(n, r, mu, precision, hi) > 0) {
            hi += 2 * (hi - lo);
        }
        double x = Math.min(hi, Math.max(lo, mu));
        for (int it = 0; it < 100; it++) {
            double g1 = gradient(n, r, mu, precision, x);
            if (g1 > 0) {
                lo = x;
            } else {
                hi = x;
            }
            double p = Quadrature.expit(x);
            double g2 = -n * p * (1 - p) - precision;
            double next = x - g1 / g2;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) < 1e-13 * Math.max(1, Math.abs(x))) {
                x = next;
                break;
            }
            x = next;
        }
        double p = Quadrature.expit(x);
        double scale = 1 / Math.sqrt(n * p * (1 - p) + precision);
        double g0 = logIntegrand(n, r, mu, precision, x);
        double sum = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < Quadrature.HERMITE_POINTS; i++) {
            double xi = Quadrature.HERMITE_X[i];
            double theta = x + Math.sqrt(2) * scale * xi;
            double term = Quadrature.HERMITE_W[i] * Math.exp(logIntegrand(n, r, mu, precision, theta) - g0 + xi * xi);
            sum += term;
            if (moments != null) {
                double q = Quadrature.expit(theta);
                m1 += term * q;
                m2 += term * q * q;
            }
        }
        if (moments != null) {
            moments[0] = m1 / sum;
            moments[1] = m2 / sum;
        }
        return g0 + Math.log(Math.sqrt(2) * scale * sum) - Math.log(tau) - LOG_SQRT_2PI;
    }

    private static double gradient(long n, long r, double mu, double precision, double theta) {
        return r - n * Quadrature.expit(theta) - (theta - mu) * precision;
    }

    private static double logIntegrand(long n, long r, double mu, double precision, double theta) {
        double d = theta - mu;
        return r * theta - n * Quadrature.log1pExp(theta) - 0.5 * d * d * precision;
    }

    /** The marginal posterior of τ. */
    PanelDistribution tauPosterior() {
        double[][] tau = Quadrature.legendre(0, tauMax, TAU_PANELS);
        double[] density = new double[tauNodes.length];
        for (int j = 0; j < density.length; j++) {
            density[j] = tauMass[j] / tau[1][j];
        }
        return new PanelDistribution(0, tauMax, TAU_PANELS, density);
    }

    /** Posterior {mean, sd} of μ. */
    double[] muSummary() {
        double e1 = 0;
        double e2 = 0;
        for (int j = 0; j < tauNodes.length; j++) {
            for (int i = 0; i < muNodes[j].length; i++) {
                double w = tauMass[j] * muMass[j][i];
                e1 += w * muNodes[j][i];
                e2 += w * muNodes[j][i] * muNodes[j][i];
            }
        }
        return new double[] {e1, Math.sqrt(Math.max(0, e2 - e1 * e1))};
    }

    /** Posterior mean and sd of p_h for each study (the meta-analytic "shrinkage" estimates): rows {mean, sd}. */
    double[][] shrinkage() {
        double[][] out = new double[studies.size()][];
        double[] moments = new double[2];
        for (int h = 0; h < studies.size(); h++) {
            Study s = studies.get(h);
            double e1 = 0;
            double e2 = 0;
            for (int j = 0; j < tauNodes.length; j++) {
                if (tauMass[j] < 1e-300) {
                    continue;
                }
                for (int i = 0; i < muNodes[j].length; i++) {
                    double w = tauMass[j] * muMass[j][i];
                    if (w < 1e-300) {
                        continue;
                    }
                    logMarginal(s.patients(), s.responses(), muNodes[j][i], tauNodes[j], moments);
                    e1 += w * moments[0];
                    e2 += w * moments[1];
                }
            }
            out[h] = new double[] {e1, Math.sqrt(Math.max(0, e2 - e1 * e1))};
        }
        return out;
    }

    /** P(θ_new ≤ t): the MAP prior's CDF on the logit scale. */
    double cdfLogit(double t) {
        double c = 0;
        for (int j = 0; j < tauNodes.length; j++) {
            if (tauMass[j] < 1e-300) {
                continue;
            }
            double tau = tauNodes[j];
            double g = 0;
            if (tau >= muScale[j]) {
                for (int i = 0; i < muNodes[j].length; i++) {
                    g += muMass[j][i] * 0.5 * Erfc.value(-(t - muNodes[j][i]) / (tau * Math.sqrt(2)));
                }
            } else {
                for (int i = 0; i < Quadrature.HERMITE_POINTS; i++) {
                    // E_z[C(t − τ z)], z ~ N(0, 1) = π^(-1/2) Σ w_i C(t − τ √2 x_i)
                    g += Quadrature.HERMITE_W[i] * muGiven[j].cdf(t - tau * Math.sqrt(2) * Quadrature.HERMITE_X[i]);
                }
                g /= Math.sqrt(Math.PI);
            }
            c += tauMass[j] * g;
        }
        return Math.min(1, Math.max(0, c));
    }

    /** The MAP prior's density of θ_new. */
    double densityLogit(double t) {
        double d = 0;
        for (int j = 0; j < tauNodes.length; j++) {
            if (tauMass[j] < 1e-300) {
                continue;
            }
            double tau = tauNodes[j];
            double g = 0;
            if (tau >= muScale[j]) {
                for (int i = 0; i < muNodes[j].length; i++) {
                    double z = (t - muNodes[j][i]) / tau;
                    g += muMass[j][i] * Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / tau;
                }
            } else {
                for (int i = 0; i < Quadrature.HERMITE_POINTS; i++) {
                    g += Quadrature.HERMITE_W[i]
                            * muGiven[j].density(t - tau * Math.sqrt(2) * Quadrature.HERMITE_X[i]);
                }
                g /= Math.sqrt(Math.PI);
            }
            d += tauMass[j] * g;
        }
        return d;
    }

    double quantileLogit(double q) {
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdfLogit(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The MAP prior of θ_new on Gauss–Legendre nodes (16 per panel) covering all but 2e-12 of its mass: {θ, weight ×
     * density}, for moments and mixture fitting. Panel edges sit at (approximately, by interpolating the CDF tabulated
     * at 401 points) the quantiles 1e-12, 1e-9, 1e-7, 1e-5, 1e-4, 0.001, 0.005, 0.01, 0.03, …, 0.99, 0.995, … 1 − 1e-12,
     * so the body, where a narrow mixture component could otherwise fall between nodes, is resolved finely.
     */
    double[][] grid() {
        double lo = quantileLogit(1e-12);
        double hi = quantileLogit(1 - 1e-12);
        int table = 401;
        double[] x = new double[table];
        double[] f = new double[table];
        for (int i = 0; i < table; i++) {
            x[i] = lo + (hi - lo) * i / (table - 1);
            f[i] = i == 0 ? 1e-12 : i == table - 1 ? 1 - 1e-12 : Math.max(f[i - 1], cdfLogit(x[i]));
        }
        List<Double> probabilities = new java.util.ArrayList<>(List.of(1e-9, 1e-7, 1e-5, 1e-4, 1e-3, 5e-3));
        for (int k = 0; k < 50; k++) {
            probabilities.add(0.01 + 0.02 * k);
        }
        probabilities.addAll(List.of(0.995, 1 - 1e-3, 1 - 1e-4, 1 - 1e-5, 1 - 1e-7, 1 - 1e-9));
        List<Double> edges = new java.util.ArrayList<>();
        edges.add(lo);
        int i = 0;
        for (double q : probabilities) {
            while (i < table - 2 && f[i + 1] < q) {
                i++;
            }
            double span = f[i + 1] - f[i];
            double t = span > 0 ? Math.min(1, Math.max(0, (q - f[i]) / span)) : 0.5;
            double edge = x[i] + t * (x[i + 1] - x[i]);
            if (edge > edges.get(edges.size() - 1) + 1e-9 * (hi - lo) && edge < hi) {
                edges.add(edge);
            }
        }
        edges.add(hi);
        int m = Quadrature.LEGENDRE_POINTS;
        int panels = edges.size() - 1;
        double[] theta = new double[panels * m];
        double[] mass = new double[panels * m];
        for (int p = 0; p < panels; p++) {
            double a = edges.get(p);
            double b = edges.get(p + 1);
            for (int j = 0; j < m; j++) {
                theta[p * m + j] = 0.5 * (a + b) + 0.5 * (b - a) * Quadrature.LEGENDRE_X[j];
                mass[p * m + j] = 0.5 * (b - a) * Quadrature.LEGENDRE_W[j] * densityLogit(theta[p * m + j]);
            }
        }
        return new double[][] {theta, mass};
    }
}
