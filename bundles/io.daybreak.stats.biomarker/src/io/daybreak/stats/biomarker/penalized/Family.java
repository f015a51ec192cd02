package io.daybreak.stats.biomarker.penalized;

/** The models glmnet fits that this package fits the same way. */
public enum Family {
    /** Least squares: (1/2n)·RSS + λ·penalty, with y standardised as glmnet does internally. */
    GAUSSIAN,
    /** Logistic regression: −(1/n)·log-likelihood + λ·penalty, fitted by IRLS with coordinate descent inside. */
    BINOMIAL,
    /** Cox proportional hazards: −(1/n)·log partial likelihood + λ·penalty (no intercept). */
    COX
}
