package io.daybreak.methods.design.optimisation;

/** How the randomised stage picks a dose among the admissible arms (docs/adr/0039). */
public enum SelectionRule {
    /** The admissible arm with the highest posterior mean utility (ties to the lower dose). */
    UTILITY,
    /**
     * The lowest admissible arm whose observed response rate is less than the decision boundary below that of the
     * reference arm, the highest admissible one (MERIT/ROSE-style non-inferiority to the highest dose).
     */
    NON_INFERIORITY
}
