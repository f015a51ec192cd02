package io.daybreak.methods.design.crm;

import io.daybreak.methods.design.oc.CrmModelFamily;

/**
 * The one-parameter dose-toxicity models of the CRM, as in R {@code dfcrm}: empiric (power)
 * p_d(β) = s_d^exp(β), and one-parameter logistic p_d(β) = expit(a0 + exp(β)·x_d) with dose labels
 * x_d = logit(s_d) − a0, so that both models return the skeleton s at β = 0.
 */
public final class CrmModel {
    /** The model family. */
    public enum Family {
        EMPIRIC, LOGISTIC;

        /** The family a {@link CrmModelFamily} setting names. */
        static Family of(CrmModelFamily settings) {
            return settings.logistic() ? LOGISTIC : EMPIRIC;
        }
    }

    private final Family family;
    private final double[] skeleton;
    private final double intercept;
    private final double[] labels;

    public CrmModel(Family family, double[] skeleton, double intercept) {
        for (int d = 0; d < skeleton.length; d++) {
            if (!(skeleton[d] > 0 && skeleton[d] < 1) || d > 0 && !(skeleton[d] > skeleton[d - 1])) {
                throw new IllegalArgumentException("the skeleton must increase strictly within (0, 1)");
            }
        }
        this.family = family;
        this.skeleton = skeleton.clone();
        this.intercept = intercept;
        this.labels = new double[skeleton.length];
        for (int d = 0; d < skeleton.length; d++) {
            labels[d] = family == Family.EMPIRIC ? Math.log(skeleton[d])
                    : Math.log(skeleton[d] / (1 - skeleton[d])) - intercept;
        }
    }

    /** The model a {@link CrmModelFamily} setting describes, around a skeleton. */
    static CrmModel of(CrmModelFamily settings, double[] skeleton) {
        return new CrmModel(Family.of(settings), skeleton, settings.intercept());
    }

    public int doses() {
        return skeleton.length;
    }

    /** p_d(β). */
    public double probability(int dose, double beta) {
        double slope = Math.exp(beta);
        if (family == Family.EMPIRIC) {
            return Math.exp(slope * labels[dose]);
        }
        return 1 / (1 + Math.exp(-(intercept + slope * labels[dose])));
    }

    /** log p_d(β) and log(1 − p_d(β)), computed without cancellation. */
    double[] logProbabilities(int dose, double beta) {
        double slope = Math.exp(beta);
        if (family == Family.EMPIRIC) {
            double logP = slope * labels[dose];
            return new double[] {logP, Math.log(-Math.expm1(logP))};
        }
        double eta = intercept + slope * labels[dose];
        // log expit(eta) = -log(1 + e^-eta); log(1 - expit(eta)) = -log(1 + e^eta)
        return new double[] {-log1pExp(-eta), -log1pExp(eta)};
    }

    private static double log1pExp(double x) {
        return x > 35 ? x : Math.log1p(Math.exp(x));
    }

    /**
     * The β below which p_1(β) exceeds {@code rate} (p_d decreases in β for both models when x_1 &lt; 0),
     * or ±infinity when it always or never does.
     */
    double betaWhereLowestDoseReaches(double rate) {
        if (family == Family.EMPIRIC) {
            return Math.log(Math.log(rate) / labels[0]);
        }
        double ratio = (Math.log(rate / (1 - rate)) - intercept) / labels[0];
        return ratio > 0 ? Math.log(ratio) : labels[0] < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
