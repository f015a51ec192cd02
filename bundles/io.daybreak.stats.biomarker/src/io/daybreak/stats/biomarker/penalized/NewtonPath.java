package io.daybreak.stats.biomarker.penalized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binomial or Cox elastic-net path by proximal Newton steps on sums: at a point θ (the intercept first when the
 * model has one, then the features on their original scale) the data enter only through the log likelihood, its
 * score and its information (or glmnet's approximation to it), all sums over rows. Each step minimises the quadratic
 * model plus the elastic-net penalty by coordinate descent, with step halving whenever the penalised objective does
 * not decrease, until the step is below the threshold. Sums that add over sites give the pooled fit, whichever rows
 * they come from (ADR 0035).
 *
 * <p>The objective is glmnet's: −ℓ(θ)/n + λ Σ_j v_j [α s_j |β_j| + (1 − α)/2 s_j² β_j²], where s_j is feature j's
 * standard deviation (1/n) when standardising, else 1 — the penalty of glmnet's standardised coefficients β_j s_j
 * written on the original scale, so the solutions are glmnet's. The λ path, its start (λ_max from the score at the
 * fit of the unpenalised terms), glmnet's rules for stopping the path early and the dev.ratio are glmnet's too.
 *
 * <p>Unlike glmnet, which fits λ values one after another from warm starts, a {@link Stepper} advances every λ at
 * once: each round evaluates the current point of every λ still moving (one batch), so a path takes about as many
 * rounds as its slowest λ takes Newton steps — the number of rounds is what a federated fit pays for.
 */
public final class NewtonPath {
    private static final int MAX_STEPS = 60;
    private static final int MAX_HALVINGS = 40;
    private static final int MAX_SWEEPS = 100_000;

    private NewtonPath() {
    }

    /**
     * The sums at one point: the log likelihood ℓ, its score ∂ℓ/∂θ and the information −∂²ℓ/∂θ² (or a positive
     * semi-definite approximation to it whose use still gives the exact optimum, as glmnet's diagonal Cox weights).
     */
    public record Quadratic(double logLikelihood, double[] score, double[][] information) {

        /** The coordinate-wise sum of two sites' sums at the same point. */
        public Quadratic plus(Quadratic other) {
            int q = score.length;
            double[] s = new double[q];
            double[][] info = new double[q][q];
            for (int a = 0; a < q; a++) {
                s[a] = score[a] + other.score[a];
                for (int b = 0; b < q; b++) {
                    info[a][b] = information[a][b] + other.information[a][b];
                }
            }
            return new Quadratic(logLikelihood + other.logLikelihood, s, info);
        }
    }

    /**
     * What stays fixed along the path.
     *
     * @param family                 binomial or Cox (deviance, early stopping)
     * @param n                      the rows the sums are over
     * @param scale                  per feature: its standard deviation (1/n) when standardising, else 1; 0 leaves the
     *                               feature out (a constant column, as glmnet does)
     * @param intercept              whether θ starts with an unpenalised intercept
     * @param nullLogLikelihood      ℓ of the null model (intercept only, or β = 0)
     * @param saturatedLogLikelihood ℓ of the saturated model (0 for 0/1 data; −Σ d_k log d_k for Cox with Breslow ties)
     */
    public record Problem(Family family, long n, double[] scale, boolean intercept, double nullLogLikelihood,
            double saturatedLogLikelihood) {

        int features() {
            return scale.length;
        }

        int offset() {
            return intercept ? 1 : 0;
        }

        double nullDeviance() {
            return 2 * (saturatedLogLikelihood - nullLogLikelihood);
        }
    }

    /** One λ's Newton iteration. */
    private static final class Track {
        final double lambda;
        double[] theta;
        double[] acceptedTheta;
        Quadratic accepted;
        double acceptedObjective = Double.POSITIVE_INFINITY;
        boolean converged;
        double finalLogLikelihood = Double.NaN;
        Quadratic finalQuadratic;
        int steps;
        int halvings;

        Track(double lambda, double[] theta) {
            this.lambda = lambda;
            this.theta = theta;
        }

        boolean done() {
            return converged && finalQuadratic != null;
        }
    }

    /**
     * Advances a path one batch of evaluations at a time: {@link #pending()} names the points to evaluate next,
     * {@link #accept} takes their sums in the same order. Deterministic: the same sums give the same points.
     */
    public static final class Stepper {
        private final Problem problem;
        private final PenalizedSettings settings;
        private final double[] vp;
        private final double outerThreshold;
        private final double innerThreshold;
        private final List<Track> tracks = new ArrayList<>();
        private final boolean user;
        private double lambdaMax = Double.NaN;
        private List<Track> waiting = List.of();
        private int passes;
        private PenalizedPath result;

        /**
         * @param start the first point (often 0), at which {@code startSums} were evaluated
         */
        public Stepper(Problem problem, PenalizedSettings settings, double[] start, Quadratic startSums) {
            this.problem = problem;
            this.settings = settings;
            int p = problem.features();
            if (start.length != p + problem.offset()) {
                throw new IllegalArgumentException("the start point has " + start.length + " coordinates, not "
                        + (p + problem.offset()));
            }
            this.vp = ElasticNet.penaltyFactors(settings.penaltyFactor(), p);
            double perRow = problem.nullDeviance() / problem.n();
            this.outerThreshold = settings.thresh() * Math.max(perRow, 1e-300);
            this.innerThreshold = outerThreshold * 1e-3;
            this.user = settings.lambda() != null;
            if (user) {
                for (double l : settings.lambda()) {
                    tracks.add(new Track(l, start.clone()));
                }
            } else {
                tracks.add(new Track(Double.POSITIVE_INFINITY, start.clone()));
            }
            for (Track t : tracks) {
                step(t, start.clone(), startSums);
            }
        }

        /** The points to evaluate next (empty once the path is complete). */
        public List<double[]> pending() {
            List<double[]> points = new ArrayList<>();
            waiting = new ArrayList<>();
            for (Track t : tracks) {
                if (!t.done()) {
                    waiting.add(t);
                    points.add(t.theta.clone());
                }
            }
            return points;
        }

        /** The sums at the points last returned by {@link #pending()}, in the same order. */
        public void accept(List<Quadratic> sums) {
            if (sums.size() != waiting.size()) {
                throw new IllegalArgumentException(sums.size() + " evaluations for " + waiting.size() + " points");
            }
            for (int k = 0; k < sums.size(); k++) {
                Track t = waiting.get(k);
                step(t, t.theta, sums.get(k));
            }
            waiting = List.of();
            if (!user && Double.isNaN(lambdaMax) && tracks.get(0).done()) {
                openPath(tracks.get(0));
            }
        }

        /** Whether every λ has converged and its final log likelihood is known. */
        public boolean done() {
            return !(Double.isNaN(lambdaMax) && !user) && tracks.stream().allMatch(Track::done);
        }

        /** λ_max (glmnet's first λ), known once the unpenalised terms are fitted; NaN before and for given λ. */
        public double lambdaMax() {
            return lambdaMax;
        }

        /** The λ values of the whole path (before glmnet's early stop), largest first; once λ_max is known. */
        public double[] lambdas() {
            if (Double.isNaN(lambdaMax) && !user) {
                throw new IllegalStateException("lambda_max is not known yet");
            }
            return tracks.stream().mapToDouble(t -> Double.isInfinite(t.lambda) ? lambdaMax : t.lambda).toArray();
        }

        /** The path, cut where glmnet's rules stop it; only once {@link #done()}. */
        public PenalizedPath result() {
            if (!done()) {
                throw new IllegalStateException("the path is not complete");
            }
            if (result == null) {
                result = assemble();
            }
            return result;
        }

        /** The final sums of λ_m (at the reported coefficients), for held-out evaluation and checks. */
        public Quadratic finalSums(int m) {
            return tracks.get(m).finalQuadratic;
        }

        private void openPath(Track first) {
            int p = problem.features();
            int off = problem.offset();
            double[] score = first.finalQuadratic.score();
            double lam0 = 0;
            for (int j = 0; j < p; j++) {
                if (problem.scale()[j] > 0 && vp[j] > 0) {
                    lam0 = Math.max(lam0, Math.abs(score[off + j]) / problem.n() / (problem.scale()[j] * vp[j]));
                }
            }
            lam0 /= Math.max(settings.alpha(), 1e-3);
            lambdaMax = lam0;
            int nlam = settings.nlambda();
            double flmin = Double.isNaN(settings.lambdaMinRatio()) ? (problem.n() < p ? 0.01 : 1e-4)
                    : settings.lambdaMinRatio();
            double alf = Math.pow(Math.max(ElasticNet.EPS, flmin), 1.0 / (nlam - 1));
            double lam = lam0;
            for (int m = 1; m < nlam; m++) {
                lam *= alf;
                Track t = new Track(lam, first.theta.clone());
                tracks.add(t);
                step(t, first.theta.clone(), first.finalQuadratic);
            }
        }

        /** Takes the sums at {@code point} for track t and moves it on. */
        private void step(Track t, double[] point, Quadratic sums) {
            if (t.converged) {
                t.finalQuadratic = sums;
                t.finalLogLikelihood = sums.logLikelihood();
                return;
            }
            double objective = objective(t.lambda, point, sums.logLikelihood());
            if (t.accepted != null && !(objective <= t.acceptedObjective + 1e-13 * (1 + Math.abs(t.acceptedObjective)))) {
                if (++t.halvings > MAX_HALVINGS) {
                    // no descent along the step at all: the accepted point is as good as this data allows
                    t.theta = t.acceptedTheta;
                    t.converged = true;
                    t.finalQuadratic = t.accepted;
                    t.finalLogLikelihood = t.accepted.logLikelihood();
                    return;
                }
                double[] mid = new double[point.length];
                for (int a = 0; a < mid.length; a++) {
                    mid[a] = 0.5 * (point[a] + t.acceptedTheta[a]);
                }
                t.theta = mid;
                return;
            }
            t.accepted = sums;
            t.acceptedTheta = point.clone();
            t.acceptedObjective = objective;
            if (++t.steps > MAX_STEPS) {
                throw new ArithmeticException("the Newton steps at lambda " + t.lambda + " did not converge within "
                        + MAX_STEPS + " steps");
            }
            double[] next = descend(t.lambda, point, sums);
            double change = 0;
            double[][] info = sums.information();
            for (int a = 0; a < next.length; a++) {
                double d = next[a] - point[a];
                change = Math.max(change, info[a][a] / problem.n() * d * d);
            }
            t.theta = next;
            if (change < outerThreshold) {
                t.converged = true;
            }
        }

        /** −ℓ/n plus the penalty at λ. */
        private double objective(double lambda, double[] theta, double logLikelihood) {
            double value = -logLikelihood / problem.n();
            if (Double.isInfinite(lambda)) {
                // only unpenalised terms move at λ = ∞; the penalty of the others is 0
                return value;
            }
            int off = problem.offset();
            double alpha = settings.alpha();
            for (int j = 0; j < problem.features(); j++) {
                double b = theta[off + j];
                if (b != 0 && vp[j] > 0) {
                    double s = problem.scale()[j];
                    value += lambda * vp[j] * (alpha * s * Math.abs(b) + (1 - alpha) / 2 * s * s * b * b);
                }
            }
            return value;
        }

        /** Minimises the quadratic model at {@code at} plus the penalty by cyclic coordinate descent. */
        private double[] descend(double lambda, double[] at, Quadratic sums) {
            int off = problem.offset();
            int q = at.length;
            double n = problem.n();
            double[][] a = sums.information();
            double[] c = sums.score();
            double[] theta = at.clone();
            double[] moved = new double[q]; // (A (θ − at))_j · n
            double alpha = settings.alpha();
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                passes++;
                double largest = 0;
                for (int j = 0; j < q; j++) {
                    double ajj = a[j][j] / n;
                    int f = j - off;
                    double updated;
                    if (f < 0) {
                        if (!(ajj > 0)) {
                            continue;
                        }
                        updated = theta[j] + (c[j] - moved[j]) / n / ajj;
                    } else {
                        double s = problem.scale()[f];
                        if (!(s > 0)) {
                            continue;
                        }
                        double u = ajj * theta[j] + (c[j] - moved[j]) / n;
                        double l1 = Double.isInfinite(lambda) ? (vp[f] > 0 ? Double.POSITIVE_INFINITY : 0)
                                : lambda * alpha * vp[f] * s;
                        double l2 = Double.isInfinite(lambda) ? 0 : lambda * (1 - alpha) * vp[f] * s * s;
                        double v = Math.abs(u) - l1;
                        double curvature = ajj + l2;
                        updated = v > 0 && curvature > 0 ? Math.copySign(v, u) / curvature : 0;
                    }
                    double d = updated - theta[j];
                    if (d != 0) {
                        theta[j] = updated;
                        for (int k = 0; k < q; k++) {
                            moved[k] += d * a[k][j];
                        }
                        largest = Math.max(largest, ajj * d * d);
                    }
                }
                if (largest < innerThreshold) {
                    return theta;
                }
            }
            throw new ArithmeticException("the coordinate descent did not converge within " + MAX_SWEEPS + " passes");
        }

        private PenalizedPath assemble() {
            int off = problem.offset();
            int p = problem.features();
            int nlam = tracks.size();
            double l0 = problem.nullLogLikelihood();
            double range = problem.saturatedLogLikelihood() - l0;
            double[] lambdas = new double[nlam];
            double[] a0 = new double[nlam];
            double[][] beta = new double[nlam][];
            int[] df = new int[nlam];
            double[] dev = new double[nlam];
            int fitted = 0;
            for (int m = 0; m < nlam; m++) {
                Track t = tracks.get(m);
                double[] theta = t.theta;
                lambdas[m] = Double.isInfinite(t.lambda) ? lambdaMax : t.lambda;
                a0[m] = off == 1 ? theta[0] : 0;
                beta[m] = Arrays.copyOfRange(theta, off, off + p);
                for (double b : beta[m]) {
                    df[m] += b != 0 ? 1 : 0;
                }
                dev[m] = (t.finalLogLikelihood - l0) / range;
                fitted = m + 1;
                if (user || fitted < ElasticNet.MNLAM) {
                    continue;
                }
                if (problem.family() == Family.BINOMIAL) {
                    if (dev[m] - dev[m - 1] < ElasticNet.FDEV || dev[m] > ElasticNet.DEVMAX) {
                        break;
                    }
                } else if ((dev[m] - dev[m - ElasticNet.MNLAM + 1]) / dev[m] < ElasticNet.FDEV * 100
                        || dev[m] > ElasticNet.DEVMAX * 0.99 / 0.999) {
                    break;
                }
            }
            return new PenalizedPath(Arrays.copyOf(lambdas, fitted), Arrays.copyOf(a0, fitted),
                    Arrays.copyOf(beta, fitted), Arrays.copyOf(df, fitted), Arrays.copyOf(dev, fitted),
                    problem.nullDeviance(), passes);
        }
    }
}
