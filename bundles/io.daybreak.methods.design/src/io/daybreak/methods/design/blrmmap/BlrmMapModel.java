package io.daybreak.methods.design.blrmmap;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The hierarchical BLRM of historical single-agent trials (OncoBayes2 {@code blrm_exnex}, full exchangeability, one
 * agent) and the meta-analytic-predictive prior it implies for a new trial:
 * <pre>
 *   y_ij ~ Binomial(n_ij, p_ij),  logit p_ij = log α_j + exp(log β_j) · log(d_ij / d*)
 *   θ_j = (log α_j, log β_j) ~ N2(μ, diag(τ_α², τ_β²))      (between-trial correlation fixed at 0)
 *     with probability p (EX); else θ_j ~ N2(m, diag s²) (NEX; p = 1: full exchangeability)
 *   μ_k ~ N(m_k, s_k²),  τ_k ~ LogNormal(log t_k, σ_τ²) or HalfNormal(t_k) or fixed at t_k
 * </pre>
 * The posterior of (μ, τ, θ_j) is sampled by Metropolis-within-Gibbs with both parameterisations interleaved
 * (ancillarity-sufficiency interweaving): non-centred blocks (θ_j = μ + τ·η_j; random walks on each η_j, on μ and
 * on log τ, which mix well when the data say little about θ_j) and centred blocks (θ_j fixed: μ drawn from its
 * normal full conditional, a random walk on log τ; good when the data pin θ_j down). With p &lt; 1 each trial's
 * EX/NEX indicator is drawn from its full conditional given θ_j (θ_j kept, so the likelihood does not change), and a
 * NEX trial is parameterised as θ_j = m + s·η_j; only EX trials enter μ and τ. Random-walk scales adapt
 * during burn-in only (to acceptance about 0.35), so the kept chain is a valid Markov chain.
 *
 * <p>The MAP prior of θ* is N2(μ, diag τ²) averaged over the posterior; its moments are Rao-Blackwellised:
 * E θ* = E μ, Var θ*_k = Var μ_k + E τ_k², Cov(θ*_α, θ*_β) = Cov(μ_α, μ_β). Monte Carlo SEs are batch means
 * (100 batches of the kept chain).
 */
public final class BlrmMapModel {
    /** One historical row: trial index, log(d / d*), patients, DLTs. */
    public record Row(int trial, double logDose, int patients, int dlts) {
    }

    /**
     * Hyperpriors: tauDistribution 0 fixed, 1 log-normal, 2 half-normal; {@code exchangeable} the prior probability
     * that a historical trial is exchangeable (EX) — otherwise (NEX) its θ_j ~ N(muMean, diag muSd²), independent of
     * the others (OncoBayes2's EXNEX); 1 is full exchangeability.
     */
    public record Hyperprior(double[] muMean, double[] muSd, int tauDistribution, double[] tauScale, double tauLogSd,
            double exchangeable) {
        public static final int FIXED = 0;
        public static final int LOG_NORMAL = 1;
        public static final int HALF_NORMAL = 2;

        double logPriorLogTau(int k, double logTau) {
            if (tauDistribution == LOG_NORMAL) {
                double z = (logTau - Math.log(tauScale[k])) / tauLogSd;
                return -z * z / 2;
            }
            double tau = Math.exp(logTau);
            // Half-normal density of tau times the Jacobian tau of the log scale.
            return -tau * tau / (2 * tauScale[k] * tauScale[k]) + logTau;
        }
    }

    /**
     * The sampler's result: kept draws of μ, τ and θ_j, its acceptance rates, and per trial and kept sweep 1 when the
     * trial was exchangeable, 0 when not (their mean is its posterior probability of EX; all 1 under full
     * exchangeability).
     */
    public record Draws(double[][] mu, double[][] tau, double[][][] theta, double[] acceptance, double[][] exchangeable) {
        public int size() {
            return mu[0].length;
        }
    }

    private static final int BATCHES = 100;
    private static final double TARGET_ACCEPTANCE = 0.35;

    private final int trials;
    private final Row[][] byTrial;
    private final Hyperprior hyper;

    public BlrmMapModel(int trials, List<Row> rows, Hyperprior hyper) {
        this.trials = trials;
        this.hyper = hyper;
        byTrial = new Row[trials][];
        for (int j = 0; j < trials; j++) {
            final int trial = j;
            byTrial[j] = rows.stream().filter(r -> r.trial() == trial).toArray(Row[]::new);
        }
    }

    public int trials() {
        return trials;
    }

    /** Binomial log-likelihood of trial j at θ_j = (a, b), without the binomial coefficients. */
    double logLikelihood(int j, double a, double b) {
        double slope = Math.exp(b);
        double sum = 0;
        for (Row r : byTrial[j]) {
            double eta = a + slope * r.logDose();
            if (r.dlts() > 0) {
                sum -= r.dlts() * log1pExp(-eta);
            }
            if (r.patients() > r.dlts()) {
                sum -= (r.patients() - r.dlts()) * log1pExp(eta);
            }
        }
        return sum;
    }

    private static double log1pExp(double x) {
        return x > 35 ? x : x < -35 ? Math.exp(x) : Math.log1p(Math.exp(x));
    }

    /** Runs the sampler: burnIn adaptive sweeps, then {@code kept} sweeps recorded. */
    public Draws sample(UniformRandomProvider random, int burnIn, int kept, Runnable cancelCheck) {
        int m = trials;
        boolean fixed = hyper.tauDistribution() == Hyperprior.FIXED;
        double[] mu = hyper.muMean().clone();
        double[] logTau = {Math.log(hyper.tauScale()[0]), Math.log(hyper.tauScale()[1])};
        double[][] eta = new double[m][2];
        double[] ll = new double[m];
        for (int j = 0; j < m; j++) {
            ll[j] = logLikelihood(j, mu[0], mu[1]);
        }
        // Random-walk scales: per trial (eta), mu, log tau (non-centred), log tau_k (centred, one per k).
        double[] scaleEta = new double[m];
        Arrays.fill(scaleEta, 1.0);
        double[] scale = {0.5, 0.5, 0.5, 0.5};
        int[] accepted = new int[m + 4];
        int[] proposed = new int[m + 4];
        double[][] keptMu = new double[2][kept];
        double[][] keptTau = new double[2][kept];
        double[][][] keptTheta = new double[m][2][kept];
        double[] cand = new double[2];
        double[] candLl = new double[m];
        boolean[] ex = new boolean[m];
        Arrays.fill(ex, true);
        double[][] keptEx = new double[m][kept];
        boolean exnex = hyper.exchangeable() < 1;
        double[] nexMean = hyper.muMean();
        double[] nexSd = hyper.muSd();
        for (int it = 0; it < burnIn + kept; it++) {
            if ((it & 0xFFF) == 0) {
                cancelCheck.run();
            }
            boolean adapt = it < burnIn;
            double gain = adapt ? Math.min(0.05, 5.0 / Math.sqrt(it + 1)) : 0;
            double t0 = Math.exp(logTau[0]);
            double t1 = Math.exp(logTau[1]);
            // 0. EXNEX: each trial's indicator given its theta_j (full conditional), theta_j kept.
            if (exnex) {
                for (int j = 0; j < m; j++) {
                    double a = ex[j] ? mu[0] + t0 * eta[j][0] : nexMean[0] + nexSd[0] * eta[j][0];
                    double b = ex[j] ? mu[1] + t1 * eta[j][1] : nexMean[1] + nexSd[1] * eta[j][1];
                    double logEx = Math.log(hyper.exchangeable()) + logNormal(a, mu[0], t0) + logNormal(b, mu[1], t1);
                    double logNex = Math.log1p(-hyper.exchangeable()) + logNormal(a, nexMean[0], nexSd[0])
                            + logNormal(b, nexMean[1], nexSd[1]);
                    ex[j] = random.nextDouble() < 1 / (1 + Math.exp(logNex - logEx));
                    eta[j][0] = ex[j] ? (a - mu[0]) / t0 : (a - nexMean[0]) / nexSd[0];
                    eta[j][1] = ex[j] ? (b - mu[1]) / t1 : (b - nexMean[1]) / nexSd[1];
                }
            }
            // 1. Non-centred: each eta_j (about mu, tau if EX, about the NEX prior if not).
            for (int j = 0; j < m; j++) {
                cand[0] = eta[j][0] + scaleEta[j] * gaussian(random);
                cand[1] = eta[j][1] + scaleEta[j] * gaussian(random);
                double l = ex[j] ? logLikelihood(j, mu[0] + t0 * cand[0], mu[1] + t1 * cand[1])
                        : logLikelihood(j, nexMean[0] + nexSd[0] * cand[0], nexMean[1] + nexSd[1] * cand[1]);
                double logRatio = l - ll[j] - (cand[0] * cand[0] + cand[1] * cand[1]
                        - eta[j][0] * eta[j][0] - eta[j][1] * eta[j][1]) / 2;
                boolean ok = accept(random, logRatio);
                if (ok) {
                    eta[j][0] = cand[0];
                    eta[j][1] = cand[1];
                    ll[j] = l;
                }
                scaleEta[j] = adapt(scaleEta[j], ok, gain);
                count(accepted, proposed, j, ok);
            }
            // 2. Non-centred: mu.
            if (m > 0) {
                cand[0] = mu[0] + scale[0] * gaussian(random);
                cand[1] = mu[1] + scale[0] * gaussian(random);
                double logRatio = logPriorMu(cand) - logPriorMu(mu);
                for (int j = 0; j < m; j++) {
                    candLl[j] = ex[j] ? logLikelihood(j, cand[0] + t0 * eta[j][0], cand[1] + t1 * eta[j][1]) : ll[j];
                    logRatio += candLl[j] - ll[j];
                }
                boolean ok = accept(random, logRatio);
                if (ok) {
                    mu[0] = cand[0];
                    mu[1] = cand[1];
                    System.arraycopy(candLl, 0, ll, 0, m);
                }
                scale[0] = adapt(scale[0], ok, gain);
                count(accepted, proposed, m, ok);
            }
            if (!fixed) {
                // 3. Non-centred: log tau.
                cand[0] = logTau[0] + scale[1] * gaussian(random);
                cand[1] = logTau[1] + scale[1] * gaussian(random);
                double c0 = Math.exp(cand[0]);
                double c1 = Math.exp(cand[1]);
                double logRatio = hyper.logPriorLogTau(0, cand[0]) + hyper.logPriorLogTau(1, cand[1])
                        - hyper.logPriorLogTau(0, logTau[0]) - hyper.logPriorLogTau(1, logTau[1]);
                for (int j = 0; j < m; j++) {
                    candLl[j] = ex[j] ? logLikelihood(j, mu[0] + c0 * eta[j][0], mu[1] + c1 * eta[j][1]) : ll[j];
                    logRatio += candLl[j] - ll[j];
                }
                boolean ok = accept(random, logRatio);
                if (ok) {
                    logTau[0] = cand[0];
                    logTau[1] = cand[1];
                    System.arraycopy(candLl, 0, ll, 0, m);
                }
                scale[1] = adapt(scale[1], ok, gain);
                count(accepted, proposed, m + 1, ok);
            }
            // 4. Centred: theta_j fixed (the likelihood does not change).
            int exTrials = 0;
            for (int j = 0; j < m; j++) {
                exTrials += ex[j] ? 1 : 0;
            }
            for (int k = 0; k < 2; k++) {
                double tau = Math.exp(logTau[k]);
                double[] theta = new double[exTrials];
                double sum = 0;
                for (int j = 0, e = 0; j < m; j++) {
                    if (ex[j]) {
                        theta[e] = mu[k] + tau * eta[j][k];
                        sum += theta[e++];
                    }
                }
                double s2 = hyper.muSd()[k] * hyper.muSd()[k];
                double precision = 1 / s2 + exTrials / (tau * tau);
                double mean = (hyper.muMean()[k] / s2 + sum / (tau * tau)) / precision;
                mu[k] = mean + gaussian(random) / Math.sqrt(precision);
                if (!fixed) {
                    double candLog = logTau[k] + scale[2 + k] * gaussian(random);
                    double logRatio = hyper.logPriorLogTau(k, candLog) - hyper.logPriorLogTau(k, logTau[k])
                            + centredLogDensity(theta, mu[k], candLog) - centredLogDensity(theta, mu[k], logTau[k]);
                    boolean ok = accept(random, logRatio);
                    if (ok) {
                        logTau[k] = candLog;
                        tau = Math.exp(candLog);
                    }
                    scale[2 + k] = adapt(scale[2 + k], ok, gain);
                    count(accepted, proposed, m + 2 + k, ok);
                }
                for (int j = 0, e = 0; j < m; j++) {
                    if (ex[j]) {
                        eta[j][k] = (theta[e++] - mu[k]) / tau;
                    }
                }
            }
            if (!adapt) {
                int i = it - burnIn;
                double a = Math.exp(logTau[0]);
                double b = Math.exp(logTau[1]);
                keptMu[0][i] = mu[0];
                keptMu[1][i] = mu[1];
                keptTau[0][i] = a;
                keptTau[1][i] = b;
                for (int j = 0; j < m; j++) {
                    keptTheta[j][0][i] = ex[j] ? mu[0] + a * eta[j][0] : nexMean[0] + nexSd[0] * eta[j][0];
                    keptTheta[j][1][i] = ex[j] ? mu[1] + b * eta[j][1] : nexMean[1] + nexSd[1] * eta[j][1];
                    keptEx[j][i] = ex[j] ? 1 : 0;
                }
            } else if (it == burnIn - 1) {
                Arrays.fill(accepted, 0);
                Arrays.fill(proposed, 0);
            }
        }
        double[] rates = new double[m + 4];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = proposed[i] == 0 ? Double.NaN : (double) accepted[i] / proposed[i];
        }
        return new Draws(keptMu, keptTau, keptTheta, rates, keptEx);
    }

    private double logPriorMu(double[] m) {
        double z0 = (m[0] - hyper.muMean()[0]) / hyper.muSd()[0];
        double z1 = (m[1] - hyper.muMean()[1]) / hyper.muSd()[1];
        return -(z0 * z0 + z1 * z1) / 2;
    }

    /** log N(x; mean, sd²) up to the constant −½ log 2π. */
    private static double logNormal(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return -z * z / 2 - Math.log(sd);
    }

    private static double centredLogDensity(double[] theta, double mu, double logTau) {
        double tau = Math.exp(logTau);
        double sum = 0;
        for (double t : theta) {
            double z = (t - mu) / tau;
            sum -= z * z / 2;
        }
        return sum - theta.length * logTau;
    }


    static double gaussian(UniformRandomProvider random) {
        // Marsaglia polar method on the run's stream (commons-rng-sampling is not in the target platform).
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    private static boolean accept(UniformRandomProvider random, double logRatio) {
        return logRatio >= 0 || Math.log(random.nextDouble()) < logRatio;
    }

    private static double adapt(double scale, boolean accepted, double gain) {
        return gain == 0 ? scale : scale * Math.exp(gain * ((accepted ? 1 : 0) - TARGET_ACCEPTANCE));
    }

    private static void count(int[] accepted, int[] proposed, int i, boolean ok) {
        proposed[i]++;
        if (ok) {
            accepted[i]++;
        }
    }

    /** The Rao-Blackwellised MAP moments (mean α, sd α, mean β, sd β, correlation) of draws i in [from, to). */
    static double[] mapMoments(Draws d, int from, int to) {
        int n = to - from;
        double m0 = 0;
        double m1 = 0;
        double t0 = 0;
        double t1 = 0;
        for (int i = from; i < to; i++) {
            m0 += d.mu()[0][i];
            m1 += d.mu()[1][i];
            t0 += d.tau()[0][i] * d.tau()[0][i];
            t1 += d.tau()[1][i] * d.tau()[1][i];
        }
        m0 /= n;
        m1 /= n;
        double v0 = 0;
        double v1 = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double a = d.mu()[0][i] - m0;
            double b = d.mu()[1][i] - m1;
            v0 += a * a;
            v1 += b * b;
            c += a * b;
        }
        double s0 = Math.sqrt(v0 / (n - 1) + t0 / n);
        double s1 = Math.sqrt(v1 / (n - 1) + t1 / n);
        return new double[] {m0, s0, m1, s1, c / (n - 1) / (s0 * s1)};
    }

    /** Mean and sd of a sample. */
    static double[] meanSd(double[] x, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m += x[i];
        }
        m /= to - from;
        double v = 0;
        for (int i = from; i < to; i++) {
            v += (x[i] - m) * (x[i] - m);
        }
        return new double[] {m, Math.sqrt(v / (to - from - 1))};
    }

    /** Batch-means Monte Carlo SEs of the statistic vector {@code stat(from, to)}. */
    static double[] batchSe(int size, BiFunction<Integer, Integer, double[]> stat) {
        int batch = size / BATCHES;
        double[][] values = new double[BATCHES][];
        for (int b = 0; b < BATCHES; b++) {
            values[b] = stat.apply(b * batch, (b + 1) * batch);
        }
        double[] se = new double[values[0].length];
        for (int k = 0; k < se.length; k++) {
            double m = 0;
            for (double[] v : values) {
                m += v[k];
            }
            m /= BATCHES;
            double s = 0;
            for (double[] v : values) {
                s += (v[k] - m) * (v[k] - m);
            }
            se[k] = Math.sqrt(s / (BATCHES - 1) / BATCHES);
        }
        return se;
    }
}
