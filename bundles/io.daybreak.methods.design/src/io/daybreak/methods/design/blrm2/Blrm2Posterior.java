package io.daybreak.methods.design.blrm2;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The posterior of the two-drug BLRM ({@link Blrm2Model}) by self-normalised importance sampling (docs/adr/0047): the
 * proposal is a mixture of a multivariate t with {@value #DF} degrees of freedom centred at the posterior mode, with
 * the inverse of the negative Hessian there (the Laplace approximation) as scale matrix, and the prior (share
 * {@value #DEFENSIVE}, defensive importance sampling). Reports per combination the posterior
 * mean and SD of the DLT probability and the probabilities of underdosing, target and overdosing, each with its
 * Monte Carlo SE (delta method for a ratio estimator), and the effective sample size of the weights.
 */
public final class Blrm2Posterior {
    /** Degrees of freedom of the t proposal: heavy tails keep the weights bounded where the Laplace fit is poor. */
    static final double DF = 4;
    /**
     * Share of draws from the prior (defensive importance sampling, Hesterberg 1995): since the likelihood is at most
     * 1, every weight is then at most 1 / DEFENSIVE times the prior-to-posterior normaliser, however poor the Laplace
     * fit (a posterior whose tail in log beta follows the prior, e.g. non-monotone data).
     */
    static final double DEFENSIVE = 0.1;
    private static final int DIM = Blrm2Model.DIM;
    private static final double STEP = 1e-4;

    private final double[] mode;
    private final double[][] moments; // per cell: mean, sd, se of mean
    private final double[][] intervals; // per cell: under, target, over
    private final double[][] errors; // per cell: MC SE of under, target, over
    private final double ess;
    private final int draws;

    private Blrm2Posterior(double[] mode, double[][] moments, double[][] intervals, double[][] errors, double ess,
            int draws) {
        this.mode = mode;
        this.moments = moments;
        this.intervals = intervals;
        this.errors = errors;
        this.ess = ess;
        this.draws = draws;
    }

    /**
     * Samples the posterior for patients {@code n} and DLTs {@code y} per cell (row by row), with {@code draws}
     * proposal draws from {@code random}.
     */
    public static Blrm2Posterior sample(Blrm2Model model, int[] n, int[] y, double[] cuts, int draws,
            UniformRandomProvider random) {
        double[] mode = mode(model, n, y);
        RealMatrix lower;
        try {
            lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(laplaceCovariance(model, n, y, mode)),
                    1e-9, 1e-14).getL();
        } catch (org.hipparchus.exception.MathRuntimeException notPositive) {
            lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(model.priorCovariance()), 1e-9, 1e-14).getL();
        }
        RealMatrix priorLower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(model.priorCovariance()), 1e-9,
                1e-14).getL();
        double[] priorMean = model.priorMean();
        // normalising constants of the two mixture components: t_df(mode, Sigma) and the prior N(mu0, Sigma0)
        double tConstant = LogGamma.value((DF + DIM) / 2) - LogGamma.value(DF / 2) - 0.5 * DIM * Math.log(DF * Math.PI)
                - halfLogDet(lower);
        double normalConstant = -0.5 * DIM * Math.log(2 * Math.PI) - halfLogDet(priorLower);
        ContinuousDistribution.Sampler normal = NormalDistribution.of(0, 1).createSampler(random);
        ContinuousDistribution.Sampler chi2 = ChiSquaredDistribution.of(DF).createSampler(random);
        double[][] thetas = new double[draws][DIM];
        double[] logW = new double[draws];
        double[] zs = new double[DIM];
        double[] centred = new double[DIM];
        double maxLogW = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < draws; i++) {
            boolean fromPrior = random.nextDouble() < DEFENSIVE;
            for (int k = 0; k < DIM; k++) {
                zs[k] = normal.sample();
            }
            double s = fromPrior ? 1 : 1 / Math.sqrt(chi2.sample() / DF);
            RealMatrix factor = fromPrior ? priorLower : lower;
            double[] centre = fromPrior ? priorMean : mode;
            double[] theta = thetas[i];
            for (int r = 0; r < DIM; r++) {
                double sum = 0;
                for (int k = 0; k <= r; k++) {
                    sum += factor.getEntry(r, k) * zs[k];
                }
                theta[r] = centre[r] + s * sum;
            }
            // the mixture density at theta: |L^-1 (theta - mode)|^2 by forward substitution for the t component;
            // the prior's quadratic form is what logPrior returns (-1/2 r' Sigma0^-1 r)
            for (int r = 0; r < DIM; r++) {
                double sum = theta[r] - mode[r];
                for (int k = 0; k < r; k++) {
                    sum -= lower.getEntry(r, k) * centred[k];
                }
                centred[r] = sum / lower.getEntry(r, r);
            }
            double q = 0;
            for (int k = 0; k < DIM; k++) {
                q += centred[k] * centred[k];
            }
            double logT = Math.log1p(-DEFENSIVE) + tConstant - 0.5 * (DF + DIM) * Math.log1p(q / DF);
            double logN = Math.log(DEFENSIVE) + normalConstant + model.logPrior(theta);
            double logQ = Math.max(logT, logN) + Math.log1p(Math.exp(-Math.abs(logT - logN)));
            double lw = model.logPosterior(theta, n, y) - logQ;
            logW[i] = Double.isNaN(lw) ? Double.NEGATIVE_INFINITY : lw;
            maxLogW = Math.max(maxLogW, logW[i]);
        }
        double sumW = 0;
        double sumW2 = 0;
        double[] w = new double[draws];
        for (int i = 0; i < draws; i++) {
            w[i] = Math.exp(logW[i] - maxLogW);
            sumW += w[i];
            sumW2 += w[i] * w[i];
        }
        int cells = model.cells();
        double[][] moments = new double[cells][3];
        double[][] intervals = new double[cells][3];
        double[][] errors = new double[cells][3];
        double[] p = new double[draws];
        for (int c = 0; c < cells; c++) {
            double mean = 0;
            double[] est = new double[3];
            for (int i = 0; i < draws; i++) {
                p[i] = model.probability(thetas[i], c);
                double wi = w[i] / sumW;
                mean += wi * p[i];
                est[band(p[i], cuts)] += wi;
            }
            double var = 0;
            double seMean = 0;
            double[] se = new double[3];
            for (int i = 0; i < draws; i++) {
                double wi = w[i] / sumW;
                double d = p[i] - mean;
                var += wi * d * d;
                seMean += wi * wi * d * d;
                int k = band(p[i], cuts);
                for (int j = 0; j < 3; j++) {
                    double f = (j == k ? 1 : 0) - est[j];
                    se[j] += wi * wi * f * f;
                }
            }
            moments[c] = new double[] {mean, Math.sqrt(var), Math.sqrt(seMean)};
            intervals[c] = est;
            errors[c] = new double[] {Math.sqrt(se[0]), Math.sqrt(se[1]), Math.sqrt(se[2])};
        }
        return new Blrm2Posterior(mode, moments, intervals, errors, sumW * sumW / sumW2, draws);
    }

    /** Half the log determinant of L L' for a Cholesky factor L. */
    private static double halfLogDet(RealMatrix lower) {
        double sum = 0;
        for (int k = 0; k < DIM; k++) {
            sum += Math.log(lower.getEntry(k, k));
        }
        return sum;
    }

    private static int band(double p, double[] cuts) {
        return p < cuts[0] ? 0 : p < cuts[1] ? 1 : 2;
    }

    /** Posterior mode by damped Newton steps (Levenberg: -H + lambda I) from the prior mean, with backtracking. */
    static double[] mode(Blrm2Model model, int[] n, int[] y) {
        double[] theta = model.priorMean();
        double f = model.logPosterior(theta, n, y);
        double lambda = 0;
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] g = gradient(model, n, y, theta);
            double gmax = 0;
            for (double gi : g) {
                gmax = Math.max(gmax, Math.abs(gi));
            }
            if (gmax < 1e-7) {
                break;
            }
            double[][] h = hessian(model, n, y, theta);
            boolean improved = false;
            for (int tries = 0; tries < 60 && !improved; tries++) {
                double[][] a = new double[DIM][DIM];
                for (int i = 0; i < DIM; i++) {
                    for (int j = 0; j < DIM; j++) {
                        a[i][j] = -h[i][j] + (i == j ? lambda : 0);
                    }
                }
                double[] step;
                try {
                    step = new CholeskyDecomposition(MatrixUtils.createRealMatrix(a), 1e-12, 1e-14).getSolver()
                            .solve(MatrixUtils.createRealVector(g)).toArray();
                } catch (org.hipparchus.exception.MathRuntimeException notPositive) {
                    lambda = Math.max(1e-3, lambda * 10);
                    continue;
                }
                double[] next = new double[DIM];
                for (int i = 0; i < DIM; i++) {
                    next[i] = theta[i] + step[i];
                }
                double fNext = model.logPosterior(next, n, y);
                if (fNext >= f - 1e-12) {
                    theta = next;
                    f = fNext;
                    lambda = lambda / 10 < 1e-6 ? 0 : lambda / 10;
                    improved = true;
                } else {
                    lambda = Math.max(1e-3, lambda * 10);
                }
            }
            if (!improved) {
                break;
            }
        }
        return theta;
    }

    /**
     * Inverse of the negative Hessian at the mode (the Laplace covariance), symmetrised; where it is not positive
     * definite (a mode not reached), the prior covariance, which the t proposal then widens.
     */
    static double[][] laplaceCovariance(Blrm2Model model, int[] n, int[] y, double[] mode) {
        double[][] h = hessian(model, n, y, mode);
        double[][] a = new double[DIM][DIM];
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM; j++) {
                a[i][j] = -0.5 * (h[i][j] + h[j][i]);
            }
        }
        double[][] inverse;
        try {
            inverse = new CholeskyDecomposition(MatrixUtils.createRealMatrix(a), 1e-9, 1e-14).getSolver().getInverse()
                    .getData();
        } catch (org.hipparchus.exception.MathRuntimeException notPositive) {
            return model.priorCovariance();
        }
        // the solver's inverse is symmetric only up to rounding; make it exactly so for the proposal's Cholesky factor
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (inverse[i][j] + inverse[j][i]);
                inverse[i][j] = mean;
                inverse[j][i] = mean;
            }
        }
        for (int i = 0; i < DIM; i++) {
            if (!(inverse[i][i] > 0) || !Double.isFinite(inverse[i][i])) {
                return model.priorCovariance();
            }
        }
        return inverse;
    }

    private static double[] gradient(Blrm2Model model, int[] n, int[] y, double[] theta) {
        double[] g = new double[DIM];
        double[] t = theta.clone();
        for (int i = 0; i < DIM; i++) {
            t[i] = theta[i] + STEP;
            double up = model.logPosterior(t, n, y);
            t[i] = theta[i] - STEP;
            double down = model.logPosterior(t, n, y);
            t[i] = theta[i];
            g[i] = (up - down) / (2 * STEP);
        }
        return g;
    }

    private static double[][] hessian(Blrm2Model model, int[] n, int[] y, double[] theta) {
        double[][] h = new double[DIM][DIM];
        double[] t = theta.clone();
        double f0 = model.logPosterior(theta, n, y);
        double e = 1e-3;
        for (int i = 0; i < DIM; i++) {
            for (int j = i; j < DIM; j++) {
                double v;
                if (i == j) {
                    t[i] = theta[i] + e;
                    double up = model.logPosterior(t, n, y);
                    t[i] = theta[i] - e;
                    double down = model.logPosterior(t, n, y);
                    v = (up - 2 * f0 + down) / (e * e);
                } else {
                    v = 0;
                    for (int si = -1; si <= 1; si += 2) {
                        for (int sj = -1; sj <= 1; sj += 2) {
                            t[i] = theta[i] + si * e;
                            t[j] = theta[j] + sj * e;
                            v += si * sj * model.logPosterior(t, n, y);
                        }
                    }
                    v /= 4 * e * e;
                }
                t[i] = theta[i];
                t[j] = theta[j];
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        return h;
    }

    /** Posterior mode of theta = (log alpha_A, log beta_A, log alpha_B, log beta_B, eta). */
    public double[] mode() {
        return mode.clone();
    }

    /** Posterior mean, SD and the MC SE of the mean of the DLT probability of combination {@code cell}. */
    public double[] moments(int cell) {
        return moments[cell].clone();
    }

    /** P(under), P(target), P(over) of combination {@code cell}. */
    public double[] intervalProbabilities(int cell) {
        return intervals[cell].clone();
    }

    /** Monte Carlo SEs of {@link #intervalProbabilities(int)}. */
    public double[] intervalErrors(int cell) {
        return errors[cell].clone();
    }

    /** Kish's effective sample size of the importance weights, (sum w)^2 / sum w^2. */
    public double effectiveSampleSize() {
        return ess;
    }

    public int draws() {
        return draws;
    }
}
