package io.daybreak.stats.biomarker.penalized;

/** cv.glmnet's {@code type.measure} values that are supported. */
public enum Measure {
    /** Deviance (all families; for gaussian the mean squared error). */
    DEVIANCE,
    /** Mean squared error (gaussian: identical to deviance). */
    MSE,
    /** Area under the ROC curve per fold (binomial). */
    AUC,
    /** Harrell's concordance per fold (Cox). */
    C_INDEX
}
