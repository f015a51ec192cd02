package io.daybreak.stats.biomarker.penalized;

/**
 * glmnet's arguments for one fit.
 *
 * @param alpha          the elastic-net mixing α in [0, 1] (1: lasso, 0: ridge)
 * @param nlambda        the length of the automatic λ path
 * @param lambdaMinRatio the smallest λ as a fraction of λ_max; NaN for glmnet's default (1e-4 if n &gt; p, else 0.01)
 * @param lambda         the λ values to use instead of the automatic path (sorted decreasing as glmnet does), or null
 * @param penaltyFactor  a non-negative factor per feature (rescaled to sum to p as glmnet does), or null for all 1
 * @param standardize    whether features are standardised (1/n variance) for the fit; coefficients are reported on
 *                       the original scale either way
 * @param intercept      whether an intercept is fitted (ignored for Cox)
 * @param thresh         convergence threshold of the coordinate descent (glmnet's {@code thresh})
 * @param maxit          the maximum number of passes over the data, over all λ
 * @param ties           how a Cox model handles tied event times
 */
public record PenalizedSettings(double alpha, int nlambda, double lambdaMinRatio, double[] lambda,
        double[] penaltyFactor, boolean standardize, boolean intercept, double thresh, int maxit, Ties ties) {

    public PenalizedSettings {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (lambda == null && nlambda < 2) {
            throw new IllegalArgumentException("nlambda must be at least 2, got " + nlambda);
        }
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambdaMinRatio must be in (0, 1), got " + lambdaMinRatio);
        }
        if (lambda != null) {
            for (double l : lambda) {
                if (!(l >= 0) || Double.isInfinite(l)) {
                    throw new IllegalArgumentException("lambda values must be finite and non-negative, got " + l);
                }
            }
            lambda = java.util.Arrays.stream(lambda).boxed().sorted(java.util.Collections.reverseOrder())
                    .mapToDouble(Double::doubleValue).toArray();
        }
        if (penaltyFactor != null) {
            for (double f : penaltyFactor) {
                if (!(f >= 0)) {
                    throw new IllegalArgumentException("penalty factors must be non-negative, got " + f);
                }
            }
        }
        if (!(thresh > 0)) {
            throw new IllegalArgumentException("thresh must be positive, got " + thresh);
        }
        if (ties == null) {
            ties = Ties.BRESLOW;
        }
    }

    /** glmnet's defaults: α = 1, 100 λ, standardised, with intercept, thresh 1e-7, maxit 1e5, Breslow ties. */
    public static PenalizedSettings defaults() {
        return new PenalizedSettings(1, 100, Double.NaN, null, null, true, true, 1e-7, 100_000, Ties.BRESLOW);
    }

    public PenalizedSettings withAlpha(double value) {
        return new PenalizedSettings(value, nlambda, lambdaMinRatio, lambda, penaltyFactor, standardize, intercept,
                thresh, maxit, ties);
    }

    public PenalizedSettings withLambda(double[] values) {
        return new PenalizedSettings(alpha, nlambda, lambdaMinRatio, values, penaltyFactor, standardize, intercept,
                thresh, maxit, ties);
    }

    public PenalizedSettings withPenaltyFactor(double[] values) {
        return new PenalizedSettings(alpha, nlambda, lambdaMinRatio, lambda, values, standardize, intercept, thresh,
                maxit, ties);
    }

    public PenalizedSettings withThresh(double value) {
        return new PenalizedSettings(alpha, nlambda, lambdaMinRatio, lambda, penaltyFactor, standardize, intercept,
                value, maxit, ties);
    }

    public PenalizedSettings withTies(Ties value) {
        return new PenalizedSettings(alpha, nlambda, lambdaMinRatio, lambda, penaltyFactor, standardize, intercept,
                thresh, maxit, value);
    }

    public PenalizedSettings withStandardize(boolean value) {
        return new PenalizedSettings(alpha, nlambda, lambdaMinRatio, lambda, penaltyFactor, value, intercept, thresh,
                maxit, ties);
    }

    public PenalizedSettings withIntercept(boolean value) {
        return new PenalizedSettings(alpha, nlambda, lambdaMinRatio, lambda, penaltyFactor, standardize, value, thresh,
                maxit, ties);
    }

    public PenalizedSettings withNlambda(int value, double minRatio) {
        return new PenalizedSettings(alpha, value, minRatio, lambda, penaltyFactor, standardize, intercept, thresh,
                maxit, ties);
    }
}
