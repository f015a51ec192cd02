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
 * {@value #DEFENSIVE}, defensive importance sampling). Under mixture priors there is one such t per product of the two
 * drugs' prior components, weighted by its Laplace estimate of posterior mass. Reports per combination the posterior
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
        TProposal[] proposals = TProposal.of(model, n, y);
        double[] mode = proposals[0].mode;
        double best = Double.NEGATIVE_INFINITY;
        for (TProposal t : proposals) {
            double f = model.logPosterior(t.mode, n, y);
            if (f > best) {
                best = f;
                mode = t.mode;
            }
        }
        ContinuousDistribution.Sampler normal = NormalDistribution.of(0, 1).createSampler(random);
        ContinuousDistribution.Sampler chi2 = ChiSquaredDistribution.of(DF).createSampler(random);
        double[][] thetas = new double[draws][DIM];
        double[] logW = new double[draws];
        double[] zs = new double[DIM];
        double[] logTerms = new double[proposals.length + 1];
        double maxLogW = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < draws; i++) {
            boolean fromPrior = random.nextDouble() < DEFENSIVE;
            for (int k = 0; k < DIM; k++) {
                zs[k] = normal.sample();
            }
            double[] theta = thetas[i];
            if (fromPrior) {
                model.drawPrior(random, zs, theta);
            } else {
                // a single t (two bivariate normal priors) draws no component uniform: the stream is as it always was
                TProposal t = proposals.length == 1 ? proposals[0] : TProposal.pick(proposals, random.nextDouble());
                t.draw(zs, 1 / Math.sqrt(chi2.sample() / DF), theta);
            }
            // the proposal density at theta: each t component's, and the prior's own normalised density (a bivariate
            // normal or mixture per drug) for the defensive one
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < proposals.length; c++) {
                logTerms[c] = Math.log1p(-DEFENSIVE) + proposals[c].logDensity(theta);
                max = Math.max(max, logTerms[c]);
            }
            logTerms[proposals.length] = Math.log(DEFENSIVE) + model.logPriorDensity(theta);
            max = Math.max(max, logTerms[proposals.length]);
            double sum = 0;
            for (double term : logTerms) {
                sum += Math.exp(term - max);
            }
            double lw = model.logPosterior(theta, n, y) - (max + Math.log(sum));
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

    /**
     * One multivariate t component of the proposal: at the posterior mode under one product component of the prior
     * (drug A's component j with drug B's component k; the whole prior when both are bivariate normals), the inverse
     * negative Hessian there as scale matrix, with share proportional to the component's Laplace estimate of its
     * posterior mass, w_j w_k p_jk(y). A mixture prior (a robust MAP prior) can make the posterior bimodal, the
     * informative component against the weak one when the new data disagree with the history; one t per product
     * component covers every mode.
     */
    private static final class TProposal {
        final double[] mode;
        final RealMatrix lower;
        /** log share + the t density's normalising constant. */
        double logConstant;
        double share;
        private final double[] centred = new double[DIM];

        private TProposal(double[] mode, RealMatrix lower) {
            this.mode = mode;
            this.lower = lower;
        }

        static TProposal[] of(Blrm2Model model, int[] n, int[] y) {
            int count = model.priorComponents();
            TProposal[] proposals = new TProposal[count];
            double[] logMass = new double[count];
            double maxMass = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < count; c++) {
                Blrm2Model part = count == 1 ? model : model.priorComponent(c);
                double[] mode = mode(part, n, y);
                RealMatrix lower;
                try {
                    lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(laplaceCovariance(part, n, y, mode)),
                            1e-9, 1e-14).getL();
                } catch (org.hipparchus.exception.MathRuntimeException notPositive) {
                    lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(part.priorCovariance()), 1e-9, 1e-14)
                            .getL();
                }
                proposals[c] = new TProposal(mode, lower);
                // Laplace: log of w_jk * integral of prior_jk * likelihood = log w_jk + log f(mode) + DIM/2 log 2 pi
                // + 1/2 log det Sigma
                logMass[c] = count == 1 ? 0 : Math.log(model.priorComponentWeight(c)) + part.logPriorDensity(mode)
                        + part.logLikelihood(mode, n, y) + 0.5 * DIM * Math.log(2 * Math.PI) + halfLogDet(lower);
                if (!Double.isFinite(logMass[c])) {
                    logMass[c] = Double.NEGATIVE_INFINITY;
                }
                maxMass = Math.max(maxMass, logMass[c]);
            }
            double total = 0;
            for (int c = 0; c < count; c++) {
                total += Math.exp(logMass[c] - maxMass);
            }
            double tConstant = LogGamma.value((DF + DIM) / 2) - LogGamma.value(DF / 2)
                    - 0.5 * DIM * Math.log(DF * Math.PI);
            for (int c = 0; c < count; c++) {
                proposals[c].share = Math.exp(logMass[c] - maxMass) / total;
                proposals[c].logConstant = Math.log(proposals[c].share) + tConstant - halfLogDet(proposals[c].lower);
            }
            return proposals;
        }

        /** The component whose cumulative share first exceeds {@code u}. */
        static TProposal pick(TProposal[] proposals, double u) {
            double cumulative = 0;
            for (TProposal t : proposals) {
                cumulative += t.share;
                if (u < cumulative && t.share > 0) {
                    return t;
                }
            }
            for (int c = proposals.length - 1; c >= 0; c--) {
                if (proposals[c].share > 0) {
                    return proposals[c];
                }
            }
            return proposals[0];
        }

        /** theta = mode + scale L z. */
        void draw(double[] z, double scale, double[] theta) {
            for (int r = 0; r < DIM; r++) {
                double sum = 0;
                for (int k = 0; k <= r; k++) {
                    sum += lower.getEntry(r, k) * z[k];
                }
                theta[r] = mode[r] + scale * sum;
            }
        }

        /** log(share) + the t_df(mode, L L') log density at theta, by forward substitution for L^-1 (theta - mode). */
        double logDensity(double[] theta) {
            if (share == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double q = 0;
            for (int r = 0; r < DIM; r++) {
                double sum = theta[r] - mode[r];
                for (int k = 0; k < r; k++) {
                    sum -= lower.getEntry(r, k) * centred[k];
                }
                centred[r] = sum / lower.getEntry(r, r);
                q += centred[r] * centred[r];
            }
            return logConstant - 0.5 * (DF + DIM) * Math.log1p(q / DF);
        }
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
