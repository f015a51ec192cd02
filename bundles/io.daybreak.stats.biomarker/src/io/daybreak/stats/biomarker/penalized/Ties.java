package io.daybreak.stats.biomarker.penalized;

/** How a Cox partial likelihood handles events at the same time. */
public enum Ties {
    /** Breslow's approximation, as glmnet (all versions) uses. */
    BRESLOW,
    /** Efron's approximation, as survival::coxph uses by default (glmnet 4.1-8 has no option for it). */
    EFRON
}
