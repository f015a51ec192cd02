package io.daybreak.stats.signal.ae;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.special.Gamma;

/**
 * The Berry &amp; Berry (2004) three-level hierarchical mixture model for adverse events grouped by body system,
 * sampled as R's {@code c212.BB} (1.0.1, {@code sim_type = "SLICE"}, {@code theta_algorithm = "MH"}) samples it:
 * one Gibbs sweep updates μ<sub>γ0</sub>, μ<sub>θ0</sub>, τ²<sub>γ0</sub>, τ²<sub>θ0</sub> (conjugate), α<sub>π</sub>,
 * β<sub>π</sub> (slice samplers bounded below by 1), π<sub>b</sub> (beta), μ<sub>γb</sub>, μ<sub>θb</sub>,
 * σ²<sub>γb</sub>, σ²<sub>θb</sub> (conjugate; the θ ones over the non-zero θ only), γ<sub>bj</sub> (slice sampler
 * with stepping out) and θ<sub>bj</sub> (Metropolis–Hastings with the mixture proposal of Gottardo &amp; Raftery:
 * the point mass 0 with probability w, else N(θ, σ<sub>MH</sub>²)). Chain 1 starts where c212 starts it (the
 * observed proportions, hyperparameters at their prior centres); the other chains start at c212's dispersed
 * random values. The random numbers differ from R's (Commons RNG streams: chain {@code c} draws only from
 * {@code streams.apply(c)}), so results agree with c212 within Monte Carlo error, not to the digit.
 *
 * <p>Stateless; {@link #fit} is thread-safe if the streams it is given are not shared.
 */
public final class BerryBerry {
    private BerryBerry() {
    }

    /**
     * Data of one comparison: events grouped by body system, {@code x} of {@code nc} control and {@code y} of
     * {@code nt} treated patients with event j of body system b.
     */
    public record Data(int[][] x, int[][] nc, int[][] y, int[][] nt) {
        public Data {
            if (x.length == 0 || x.length != nc.length || x.length != y.length || x.length != nt.length) {
                throw new IllegalArgumentException("x, nc, y, nt need one row per body system (at least one)");
            }
            for (int b = 0; b < x.length; b++) {
                int k = x[b].length;
                if (k == 0 || nc[b].length != k || y[b].length != k || nt[b].length != k) {
                    throw new IllegalArgumentException("body system " + b + " needs the same number (>= 1) of "
                            + "events in x, nc, y and nt");
                }
                for (int j = 0; j < k; j++) {
                    if (nc[b][j] < 1 || nt[b][j] < 1 || x[b][j] < 0 || x[b][j] > nc[b][j]
                            || y[b][j] < 0 || y[b][j] > nt[b][j]) {
                        throw new IllegalArgumentException("event " + j + " of body system " + b + ": counts "
                                + x[b][j] + "/" + nc[b][j] + ", " + y[b][j] + "/" + nt[b][j] + " are not valid");
                    }
                }
            }
        }
    }

    /** One monitored parameter's convergence diagnostics (coda definitions, see {@link Convergence}). */
    public record Diagnostic(String parameter, double rhat, double ess) {
    }

    /**
     * The fit: P(θ<sub>bj</sub> &gt; 0) and the posterior mean of θ<sub>bj</sub> over all chains' kept samples,
     * the effective sample size of the indicator θ<sub>bj</sub> &gt; 0 (coda's effectiveSize summed over chains, 0 when
     * the indicator never changes), whose Monte Carlo standard error is √(p(1 − p)/ESS), and the diagnostics of θ,
     * γ, π<sub>b</sub>, α<sub>π</sub> and β<sub>π</sub>.
     */
    public record Fit(double[][] probThetaPositive, double[][] meanTheta, double[][] essRaised,
            List<Diagnostic> diagnostics) {
    }

    /**
     * Runs {@code chains} chains of {@code iterations} sweeps each and keeps the sweeps after {@code burnin}
     * (c212's {@code iter} counts the burn-in, as here).
     *
     * @param names    names of the events by body system and position, used in the diagnostics
     * @param bodies   names of the body systems
     */
    public static Fit fit(Data data, BerryBerryPrior prior, int chains, int burnin, int iterations,
            IntFunction<UniformRandomProvider> streams, String[][] names, String[] bodies) {
        return fit(data, prior, chains, burnin, iterations, streams, names, bodies, null);
    }

    /**
     * As {@link #fit(Data, BerryBerryPrior, int, int, int, IntFunction, String[][], String[])}, calling
     * {@code checkpoint} (if not null) every 1,000 sweeps, e.g. to let a cancelled run throw.
     */
    public static Fit fit(Data data, BerryBerryPrior prior, int chains, int burnin, int iterations,
            IntFunction<UniformRandomProvider> streams, String[][] names, String[] bodies, Runnable checkpoint) {
        if (chains < 1 || burnin < 0 || iterations <= burnin) {
            throw new IllegalArgumentException("need chains >= 1 and iterations > burnin >= 0, got chains = " + chains
                    + ", burnin = " + burnin + ", iterations = " + iterations);
        }
        int kept = iterations - burnin;
        int nb = data.x().length;
        Chain[] runs = new Chain[chains];
        for (int c = 0; c < chains; c++) {
            runs[c] = new Chain(data, prior, streams.apply(c), kept);
            runs[c].initialise(c == 0);
            for (int i = 0; i < iterations; i++) {
                runs[c].sweep(i >= burnin ? i - burnin : -1);
                if (checkpoint != null && i % 1000 == 999) {
                    checkpoint.run();
                }
            }
        }
        double[][] prob = new double[nb][];
        double[][] mean = new double[nb][];
        double[][] essRaised = new double[nb][];
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            int k = data.x()[b].length;
            prob[b] = new double[k];
            mean[b] = new double[k];
            essRaised[b] = new double[k];
            for (int j = 0; j < k; j++) {
                long positive = 0;
                double sum = 0;
                double[][] th = new double[chains][];
                for (int c = 0; c < chains; c++) {
                    th[c] = runs[c].thetaSamples[b][j];
                    for (double v : th[c]) {
                        if (v > 0) {
                            positive++;
                        }
                        sum += v;
                    }
                }
                double[][] indicator = new double[chains][kept];
                for (int c = 0; c < chains; c++) {
                    for (int i = 0; i < kept; i++) {
                        indicator[c][i] = th[c][i] > 0 ? 1 : 0;
                    }
                }
                essRaised[b][j] = Convergence.effectiveSize(indicator);
                prob[b][j] = (double) positive / ((long) kept * chains);
                mean[b][j] = sum / ((long) kept * chains);
                diagnostics.add(diagnostic("theta[" + names[b][j] + "]", th));
            }
        }
        for (int b = 0; b < nb; b++) {
            for (int j = 0; j < data.x()[b].length; j++) {
                double[][] g = new double[chains][];
                for (int c = 0; c < chains; c++) {
                    g[c] = runs[c].gammaSamples[b][j];
                }
                diagnostics.add(diagnostic("gamma[" + names[b][j] + "]", g));
            }
        }
        for (int b = 0; b < nb; b++) {
            double[][] p = new double[chains][];
            for (int c = 0; c < chains; c++) {
                p[c] = runs[c].piSamples[b];
            }
            diagnostics.add(diagnostic("pi[" + bodies[b] + "]", p));
        }
        double[][] a = new double[chains][];
        double[][] be = new double[chains][];
        for (int c = 0; c < chains; c++) {
            a[c] = runs[c].alphaPiSamples;
            be[c] = runs[c].betaPiSamples;
        }
        diagnostics.add(diagnostic("alpha.pi", a));
        diagnostics.add(diagnostic("beta.pi", be));
        return new Fit(prob, mean, essRaised, List.copyOf(diagnostics));
    }

    private static Diagnostic diagnostic(String name, double[][] samples) {
        double rhat = samples.length >= 2 ? Convergence.rhat(samples) : Double.NaN;
        return new Diagnostic(name, rhat, Convergence.effectiveSize(samples));
    }

    /** log(1 + e^x) without overflow. */
    static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** The state and kept samples of one chain. */
    private static final class Chain {
        private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

        private final int[][] x;
        private final int[][] nc;
        private final int[][] y;
        private final int[][] nt;
        private final BerryBerryPrior h;
        private final UniformRandomProvider rng;
        private final ZigguratSampler.NormalizedGaussian gauss;
        private final ZigguratSampler.Exponential exp;
        private final int nb;

        private final double[][] gamma;
        private final double[][] theta;
        private final double[] muGamma;
        private final double[] muTheta;
        private final double[] sigma2Gamma;
        private final double[] sigma2Theta;
        private final double[] pi;
        private double muGamma0;
        private double muTheta0;
        private double tau2Gamma0;
        private double tau2Theta0;
        private double alphaPi;
        private double betaPi;

        final double[][][] thetaSamples;
        final double[][][] gammaSamples;
        final double[][] piSamples;
        final double[] alphaPiSamples;
        final double[] betaPiSamples;

        Chain(Data d, BerryBerryPrior prior, UniformRandomProvider rng, int kept) {
            this.x = d.x();
            this.nc = d.nc();
            this.y = d.y();
            this.nt = d.nt();
            this.h = prior;
            this.rng = rng;
            this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            this.exp = ZigguratSampler.Exponential.of(rng);
            this.nb = x.length;
            gamma = new double[nb][];
            theta = new double[nb][];
            thetaSamples = new double[nb][][];
            gammaSamples = new double[nb][][];
            for (int b = 0; b < nb; b++) {
                gamma[b] = new double[x[b].length];
                theta[b] = new double[x[b].length];
                thetaSamples[b] = new double[x[b].length][kept];
                gammaSamples[b] = new double[x[b].length][kept];
            }
            muGamma = new double[nb];
            muTheta = new double[nb];
            sigma2Gamma = new double[nb];
            sigma2Theta = new double[nb];
            pi = new double[nb];
            piSamples = new double[nb][kept];
            alphaPiSamples = new double[kept];
            betaPiSamples = new double[kept];
        }

        /** c212.BB's starting values: chain 1 from the data, later chains random (M1$initChain). */
        void initialise(boolean first) {
            int maxNc = 0;
            int maxNt = 0;
            for (int b = 0; b < nb; b++) {
                for (int j = 0; j < x[b].length; j++) {
                    maxNc = Math.max(maxNc, nc[b][j]);
                    maxNt = Math.max(maxNt, nt[b][j]);
                }
            }
            for (int b = 0; b < nb; b++) {
                for (int j = 0; j < x[b].length; j++) {
                    int xc = first ? x[b][j] : rng.nextInt(nc[b][j] + 1);
                    int yc = first ? y[b][j] : rng.nextInt(nt[b][j] + 1);
                    double px = clampStart((double) xc / nc[b][j], maxNc);
                    double py = clampStart((double) yc / nt[b][j], maxNt);
                    gamma[b][j] = logit(px);
                    theta[b][j] = logit(py) - gamma[b][j];
                }
            }
            if (first) {
                for (int b = 0; b < nb; b++) {
                    muGamma[b] = 0;
                    sigma2Gamma[b] = 10;
                    muTheta[b] = 0;
                    sigma2Theta[b] = 10;
                    pi[b] = 0.5;
                }
                muGamma0 = 0;
                tau2Gamma0 = 10;
                muTheta0 = 0;
                tau2Theta0 = 10;
                alphaPi = 1.5;
                betaPi = 1.5;
            } else {
                for (int b = 0; b < nb; b++) {
                    muGamma[b] = uniform(-50, 50);
                }
                for (int b = 0; b < nb; b++) {
                    muTheta[b] = uniform(-50, 50);
                }
                for (int b = 0; b < nb; b++) {
                    sigma2Gamma[b] = uniform(20, 50);
                }
                for (int b = 0; b < nb; b++) {
                    sigma2Theta[b] = uniform(20, 50);
                }
                muGamma0 = uniform(-50, 50);
                muTheta0 = uniform(-50, 50);
                tau2Gamma0 = uniform(20, 50);
                tau2Theta0 = uniform(20, 50);
                for (int b = 0; b < nb; b++) {
                    pi[b] = rng.nextDouble();
                }
                alphaPi = uniform(1.25, 100);
                betaPi = uniform(1.25, 100);
            }
        }

        private static double clampStart(double p, int max) {
            if (p == 0) {
                return 1.0 / max;
            }
            if (p == 1) {
                return (max - 1.0) / max;
            }
            return p;
        }

        private static double logit(double p) {
            return Math.log(p / (1 - p));
        }

        private double uniform(double lo, double hi) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        private double normal(double mean, double sd) {
            return mean + sd * gauss.sample();
        }

        /** 1 / Gamma(shape, rate): an inverse-gamma draw. */
        private double inverseGamma(double shape, double rate) {
            return 1.0 / AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, 1.0 / rate).sample();
        }

        void sweep(int keep) {
            // hyperparameters of the third level
            double sumMuGamma = 0;
            for (double m : muGamma) {
                sumMuGamma += m;
            }
            double denom = tau2Gamma0 + h.tau2Gamma00() * nb;
            muGamma0 = normal((tau2Gamma0 * h.muGamma00() + h.tau2Gamma00() * sumMuGamma) / denom,
                    Math.sqrt(tau2Gamma0 * h.tau2Gamma00() / denom));
            double sumMuTheta = 0;
            for (double m : muTheta) {
                sumMuTheta += m;
            }
            denom = tau2Theta0 + h.tau2Theta00() * nb;
            muTheta0 = normal((tau2Theta0 * h.muTheta00() + h.tau2Theta00() * sumMuTheta) / denom,
                    Math.sqrt(tau2Theta0 * h.tau2Theta00() / denom));
            double ss = 0;
            for (double m : muGamma) {
                ss += (m - muGamma0) * (m - muGamma0);
            }
            tau2Gamma0 = inverseGamma(h.alphaGamma00() + nb / 2.0, h.betaGamma00() + 0.5 * ss);
            ss = 0;
            for (double m : muTheta) {
                ss += (m - muTheta0) * (m - muTheta0);
            }
            tau2Theta0 = inverseGamma(h.alphaTheta00() + nb / 2.0, h.betaTheta00() + 0.5 * ss);

            alphaPi = slicePi(true);
            betaPi = slicePi(false);
            for (int b = 0; b < nb; b++) {
                int zeros = 0;
                for (double t : theta[b]) {
                    if (t == 0.0) {
                        zeros++;
                    }
                }
                pi[b] = ChengBetaSampler.of(rng, alphaPi + zeros, betaPi + theta[b].length - zeros).sample();
            }

            for (int b = 0; b < nb; b++) {
                double t = 0;
                for (double g : gamma[b]) {
                    t += g;
                }
                double d = sigma2Gamma[b] + gamma[b].length * tau2Gamma0;
                muGamma[b] = normal((sigma2Gamma[b] * muGamma0 + tau2Gamma0 * t) / d,
                        Math.sqrt(sigma2Gamma[b] * tau2Gamma0 / d));
            }
            for (int b = 0; b < nb; b++) {
                double t = 0;
                int k = 0;
                for (double th : theta[b]) {
                    if (th != 0.0) {
                        k++;
                    }
                    t += th;
                }
                double d = sigma2Theta[b] + k * tau2Theta0;
                muTheta[b] = normal((sigma2Theta[b] * muTheta0 + tau2Theta0 * t) / d,
                        Math.sqrt(sigma2Theta[b] * tau2Theta0 / d));
            }
            for (int b = 0; b < nb; b++) {
                double t = 0;
                for (double g : gamma[b]) {
                    t += (g - muGamma[b]) * (g - muGamma[b]);
                }
                sigma2Gamma[b] = inverseGamma(h.alphaGamma() + gamma[b].length / 2.0, h.betaGamma() + t / 2.0);
            }
            for (int b = 0; b < nb; b++) {
                double t = 0;
                int k = 0;
                for (double th : theta[b]) {
                    if (th != 0.0) {
                        k++;
                        t += (th - muTheta[b]) * (th - muTheta[b]);
                    }
                }
                sigma2Theta[b] = inverseGamma(h.alphaTheta() + k / 2.0, h.betaTheta() + t / 2.0);
            }
            for (int b = 0; b < nb; b++) {
                for (int j = 0; j < gamma[b].length; j++) {
                    gamma[b][j] = sliceGamma(b, j);
                }
            }
            for (int b = 0; b < nb; b++) {
                for (int j = 0; j < theta[b].length; j++) {
                    theta[b][j] = mhTheta(b, j);
                }
            }
            if (keep >= 0) {
                for (int b = 0; b < nb; b++) {
                    for (int j = 0; j < theta[b].length; j++) {
                        thetaSamples[b][j][keep] = theta[b][j];
                        gammaSamples[b][j][keep] = gamma[b][j];
                    }
                    piSamples[b][keep] = pi[b];
                }
                alphaPiSamples[keep] = alphaPi;
                betaPiSamples[keep] = betaPi;
            }
        }

        private double logFPi(boolean alpha, double v) {
            double logSum = 0;
            for (double p : pi) {
                logSum += alpha ? Math.log(p) : Math.log(1 - p);
            }
            double other = alpha ? betaPi : alphaPi;
            double lambda = alpha ? h.lambdaAlpha() : h.lambdaBeta();
            return nb * (Gamma.logGamma(v + other) - Gamma.logGamma(v)) + (v - 1) * logSum - v * lambda;
        }

        /** c212's sample_alpha_pi_SLICE / sample_beta_pi_SLICE: stepping out, bounded below by 1. */
        private double slicePi(boolean alpha) {
            double cur = alpha ? alphaPi : betaPi;
            double w = h.sliceWidth();
            int m = h.sliceSteps();
            int jj = (int) Math.floor(m * rng.nextDouble());
            int kk = (m - 1) - jj;
            double logy = logFPi(alpha, cur) - exp.sample();
            double u = w * rng.nextDouble();
            double l = cur - u;
            double r = cur + (w - u);
            while (jj > 0) {
                if (l <= 1.0 || logy >= logFPi(alpha, l)) {
                    break;
                }
                l -= w;
                jj--;
            }
            while (kk > 0) {
                if (logy >= logFPi(alpha, r)) {
                    break;
                }
                r += w;
                kk--;
            }
            if (l <= 1.0) {
                l = 1.0;
            }
            double cand = l + (r - l) * rng.nextDouble();
            while (logy >= logFPi(alpha, cand)) {
                if (cand < cur) {
                    l = cand;
                } else {
                    r = cand;
                }
                cand = l + (r - l) * rng.nextDouble();
            }
            return cand;
        }

        private double logFGamma(int b, int j, double g) {
            double q = -0.5 * (g - muGamma[b]) * (g - muGamma[b]) / sigma2Gamma[b];
            return q + x[b][j] * g - nc[b][j] * log1pExp(g) + y[b][j] * (g + theta[b][j])
                    - nt[b][j] * log1pExp(g + theta[b][j]);
        }

        /** c212's sample_gamma_SLICE. */
        private double sliceGamma(int b, int j) {
            double cur = gamma[b][j];
            double w = h.sliceWidth();
            int m = h.sliceSteps();
            int jj = (int) Math.floor(m * rng.nextDouble());
            int kk = (m - 1) - jj;
            double logy = logFGamma(b, j, cur) - exp.sample();
            double u = w * rng.nextDouble();
            double l = cur - u;
            double r = cur + (w - u);
            while (jj > 0) {
                if (logy >= logFGamma(b, j, l)) {
                    break;
                }
                l -= w;
                jj--;
            }
            while (kk > 0) {
                if (logy >= logFGamma(b, j, r)) {
                    break;
                }
                r += w;
                kk--;
            }
            double cand = l + (r - l) * rng.nextDouble();
            while (logy >= logFGamma(b, j, cand)) {
                if (cand < cur) {
                    l = cand;
                } else {
                    r = cand;
                }
                cand = l + (r - l) * rng.nextDouble();
            }
            return cand;
        }

        private double logFTheta(int b, int j, double t) {
            double f1 = y[b][j] * (gamma[b][j] + t) - nt[b][j] * log1pExp(gamma[b][j] + t);
            if (t == 0.0) {
                return f1 + Math.log(pi[b]);
            }
            return f1 + Math.log(1 - pi[b]) - 0.5 * Math.log(sigma2Theta[b]) - LOG_SQRT_2PI
                    - 0.5 * (t - muTheta[b]) * (t - muTheta[b]) / sigma2Theta[b];
        }

        private double logQTheta(double t, double mean) {
            double p = h.pointMassWeight();
            if (t == 0.0) {
                return Math.log(p);
            }
            double s = h.sigmaMhTheta();
            return Math.log(1 - p) - Math.log(s) - LOG_SQRT_2PI - 0.5 * (t - mean) * (t - mean) / (s * s);
        }

        /** c212's sample_theta_MH (Gottardo and Raftery's mixture proposal). */
        private double mhTheta(int b, int j) {
            double cur = theta[b][j];
            double cand = rng.nextDouble() < h.pointMassWeight() ? 0.0 : normal(cur, h.sigmaMhTheta());
            double lratio = logFTheta(b, j, cand) - logFTheta(b, j, cur)
                    + logQTheta(cur, cand) - logQTheta(cand, cur);
            return rng.nextDouble() <= Math.exp(lratio) ? cand : cur;
        }
    }
}
