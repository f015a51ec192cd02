package io.daybreak.stats.biomarker.penalized;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.stats.models.survival.Concordance;
import io.daybreak.stats.random.RandomStreams;

/**
 * cv.glmnet (glmnet 4.1-6) for unit case weights: the path is fitted to all rows, then once per fold to the other
 * rows with the same λ values; the held-out rows are predicted and the measure is summarised as cv.glmnet does.
 * <ul>
 * <li>deviance or MSE of gaussian and binomial ({@code grouped = TRUE}): per fold the mean over its rows, then cvm
 * is the mean of the fold means weighted by fold size and cvsd = √(Σ n_f (m_f − cvm)² / Σ n_f / (K − 1));</li>
 * <li>binomial AUC and Cox C-index: per fold the AUC (Mann–Whitney, ties one half) or Harrell's C of the held-out
 * rows, weighted by fold size in the same way; cv.glmnet's switch from AUC to deviance below 10 rows per fold is
 * kept;</li>
 * <li>Cox deviance ({@code grouped = TRUE}): per fold the deviance of all rows minus the deviance of the training
 * rows, both at the fold's coefficients, divided by the fold's events; weighted by the fold's events.</li>
 * </ul>
 * λ_min is the largest λ at the best cvm, λ_1se the largest λ with cvm within cvsd of it (getOptcv.glmnet).
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * Folds 1..K assigned as cv.glmnet does (a random permutation of 1, 2, ..., K, 1, 2, ...), here from a seeded
     * generator (so they differ from R's {@code sample}).
     */
    public static int[] folds(int n, int k, long seed) {
        if (k < 3 || k > n) {
            throw new IllegalArgumentException("the number of folds must be between 3 and the number of rows (" + n
                    + "), got " + k);
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = i % k + 1;
        }
        UniformRandomProvider rng = new RandomStreams(seed).stream(0);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = fold[i];
            fold[i] = fold[j];
            fold[j] = t;
        }
        return fold;
    }

    /**
     * Cross-validates the path.
     *
     * @param foldid   the fold 1..K of each row (every fold non-empty, K ≥ 3)
     * @param measure  the measure (DEVIANCE for all families; MSE gaussian/binomial; AUC binomial; C_INDEX Cox)
     * @param parallel whether folds are fitted in parallel (results are identical)
     */
    public static CrossValidatedPath run(PenalizedData data, PenalizedSettings settings, int[] foldid, Measure measure,
            boolean parallel) {
        int n = data.rows();
        if (foldid.length != n) {
            throw new IllegalArgumentException("foldid has " + foldid.length + " values for " + n + " rows");
        }
        int k = Arrays.stream(foldid).max().orElse(0);
        int[] sizes = new int[k + 1];
        for (int f : foldid) {
            if (f < 1) {
                throw new IllegalArgumentException("fold ids must be 1, 2, ..., K; got " + f);
            }
            sizes[f]++;
        }
        for (int f = 1; f <= k; f++) {
            if (sizes[f] == 0) {
                throw new IllegalArgumentException("fold " + f + " is empty (fold ids must be 1, 2, ..., " + k + ")");
            }
        }
        if (k < 3) {
            throw new IllegalArgumentException("at least 3 folds are needed, got " + k);
        }
        Family family = data.family();
        Measure used = check(family, measure);
        if (used == Measure.AUC && (double) n / k < 10) {
            used = Measure.DEVIANCE;
        }
        PenalizedPath full = ElasticNet.fit(data, settings);
        int nl = full.size();
        // as cv.glmnet: folds get the user's λ if given, else their own automatic path, read at the full path's λ by
        // linear interpolation in λ (predict.glmnet with exact = FALSE)
        PenalizedSettings foldSettings = settings;
        double[][] raw = new double[k][nl];
        double[] foldWeight = new double[k];
        Measure m = used;
        IntStream folds = IntStream.range(0, k);
        (parallel ? folds.parallel() : folds).forEach(f -> {
            int[] train = IntStream.range(0, n).filter(i -> foldid[i] != f + 1).toArray();
            int[] test = IntStream.range(0, n).filter(i -> foldid[i] == f + 1).toArray();
            PenalizedPath path = ElasticNet.fit(data, foldSettings, train);
            foldWeight[f] = foldMeasure(data, path, full.lambda(), train, test, m, settings.ties(), raw[f]);
        });
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        for (int l = 0; l < nl; l++) {
            double sw = 0;
            double s = 0;
            for (int f = 0; f < k; f++) {
                if (!Double.isNaN(raw[f][l])) {
                    sw += foldWeight[f];
                    s += foldWeight[f] * raw[f][l];
                }
            }
            cvm[l] = s / sw;
            double ss = 0;
            int good = 0;
            for (int f = 0; f < k; f++) {
                if (!Double.isNaN(raw[f][l])) {
                    ss += foldWeight[f] * (raw[f][l] - cvm[l]) * (raw[f][l] - cvm[l]);
                }
            }
            good = k;
            cvsd[l] = Math.sqrt(ss / sw / (good - 1));
        }
        boolean maximise = used == Measure.AUC || used == Measure.C_INDEX;
        int best = -1;
        for (int l = 0; l < nl; l++) {
            double v = maximise ? -cvm[l] : cvm[l];
            if (!Double.isNaN(v) && (best < 0 || v < (maximise ? -cvm[best] : cvm[best]))) {
                best = l;
            }
        }
        double bound = (maximise ? -cvm[best] : cvm[best]) + cvsd[best];
        int oneSe = best;
        for (int l = 0; l < nl; l++) {
            double v = maximise ? -cvm[l] : cvm[l];
            if (v <= bound) {
                oneSe = l;
                break;
            }
        }
        return new CrossValidatedPath(full, used, cvm, cvsd, full.lambda()[best], full.lambda()[oneSe], best, oneSe,
                foldid.clone());
    }

    private static Measure check(Family family, Measure measure) {
        boolean ok = switch (measure) {
            case DEVIANCE -> true;
            case MSE -> family != Family.COX;
            case AUC -> family == Family.BINOMIAL;
            case C_INDEX -> family == Family.COX;
        };
        if (!ok) {
            throw new IllegalArgumentException("type.measure " + measure + " is not available for the " + family
                    + " family (gaussian: deviance, mse; binomial: deviance, mse, auc; cox: deviance, C)");
        }
        return family == Family.GAUSSIAN && measure == Measure.MSE ? Measure.DEVIANCE : measure;
    }

    /** Fills the fold's raw measure per λ and returns the fold's weight. */
    private static double foldMeasure(PenalizedData data, PenalizedPath path, double[] lambda, int[] train, int[] test,
            Measure measure, Ties ties, double[] out) {
        int nl = lambda.length;
        int nt = test.length;
        double[] eta = new double[nt];
        int[][] nonzero = new int[path.size()][];
        for (int m = 0; m < path.size(); m++) {
            nonzero[m] = path.nonzero(m);
        }
        for (int l = 0; l < nl; l++) {
            Interpolation at = Interpolation.of(path.lambda(), lambda[l], nonzero);
            for (int t = 0; t < nt; t++) {
                eta[t] = at.linearPredictor(path, data.x(), test[t]);
            }
            switch (data.family()) {
                case GAUSSIAN: {
                    double s = 0;
                    for (int t = 0; t < nt; t++) {
                        double d = data.y()[test[t]] - eta[t];
                        s += d * d;
                    }
                    out[l] = s / nt;
                    break;
                }
                case BINOMIAL: {
                    if (measure == Measure.AUC) {
                        out[l] = auc(data.y(), test, eta);
                        break;
                    }
                    double s = 0;
                    for (int t = 0; t < nt; t++) {
                        double y = data.y()[test[t]];
                        double prob = 1 / (1 + Math.exp(-eta[t]));
                        if (measure == Measure.MSE) {
                            s += 2 * (y - prob) * (y - prob);
                        } else {
                            prob = Math.min(Math.max(prob, 1e-5), 1 - 1e-5);
                            s += -2 * (y > 0 ? Math.log(prob) : Math.log(1 - prob));
                        }
                    }
                    out[l] = s / nt;
                    break;
                }
                default: {
                    if (measure == Measure.C_INDEX) {
                        double[] time = new double[nt];
                        boolean[] event = new boolean[nt];
                        for (int t = 0; t < nt; t++) {
                            time[t] = data.time()[test[t]];
                            event[t] = data.event()[test[t]];
                        }
                        out[l] = Concordance.of(time, event, eta, null).concordance();
                    } else {
                        out[l] = coxDeviance(data, path, at, null, ties) - coxDeviance(data, path, at, train, ties);
                    }
                }
            }
        }
        if (data.family() == Family.COX && measure == Measure.DEVIANCE) {
            double events = 0;
            for (int i : test) {
                events += data.event()[i] ? 1 : 0;
            }
            for (int l = 0; l < nl; l++) {
                out[l] /= events;
            }
            return events;
        }
        return nt;
    }

    private static double coxDeviance(PenalizedData data, PenalizedPath path, Interpolation at, int[] rows,
            Ties ties) {
        int n = rows == null ? data.rows() : rows.length;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[] eta = new double[n];
        double[] w = new double[n];
        Arrays.fill(w, 1);
        for (int i = 0; i < n; i++) {
            int r = rows == null ? i : rows[i];
            time[i] = data.time()[r];
            event[i] = data.event()[r];
            eta[i] = at.linearPredictor(path, data.x(), r);
        }
        return new CoxLikelihood(time, event, w, ties).deviance(eta);
    }

    /** The area under the ROC curve of a score for 0/1 outcomes (ties one half), NaN with one class only. */
    static double auc(double[] y, int[] rows, double[] score) {
        Integer[] idx = new Integer[rows.length];
        for (int t = 0; t < rows.length; t++) {
            idx[t] = t;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long positives = 0;
        int t = 0;
        while (t < idx.length) {
            int end = t;
            while (end < idx.length && score[idx[end]] == score[idx[t]]) {
                end++;
            }
            double midRank = (t + 1 + end) / 2.0;
            for (int s = t; s < end; s++) {
                if (y[rows[idx[s]]] > 0) {
                    rankSum += midRank;
                    positives++;
                }
            }
            t = end;
        }
        long negatives = rows.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Where λ = s falls on a path, as glmnet's lambda.interp: coefficients frac·left + (1 − frac)·right. */
    record Interpolation(int left, int right, double frac, int[][] nonzero) {
        static Interpolation of(double[] lambda, double s, int[][] nonzero) {
            int k = lambda.length;
            if (k == 1) {
                return new Interpolation(0, 0, 1, nonzero);
            }
            double span = lambda[0] - lambda[k - 1];
            double sfrac = Math.min(1, Math.max(0, (lambda[0] - s) / span));
            int right = 0;
            while (right < k - 1 && (lambda[0] - lambda[right]) / span < sfrac) {
                right++;
            }
            int left = right;
            if ((lambda[0] - lambda[right]) / span > sfrac) {
                left = right - 1;
            }
            if (left == right) {
                return new Interpolation(left, right, 1, nonzero);
            }
            double ll = (lambda[0] - lambda[left]) / span;
            double lr = (lambda[0] - lambda[right]) / span;
            if (Math.abs(ll - lr) < Math.ulp(1.0)) {
                return new Interpolation(left, right, 1, nonzero);
            }
            return new Interpolation(left, right, (sfrac - lr) / (ll - lr), nonzero);
        }

        double linearPredictor(PenalizedPath path, double[][] x, int row) {
            double eta = path.linearPredictor(left, x, row, nonzero[left]);
            return frac == 1 ? eta : frac * eta + (1 - frac) * path.linearPredictor(right, x, row, nonzero[right]);
        }
    }
}
