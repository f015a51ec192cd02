package io.daybreak.stats.causal;

import org.hipparchus.exception.MathIllegalArgumentException;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;

/**
 * The propensity score e(x) = P(treated | x) from a logistic regression of the treatment on the covariates (R:
 * {@code glm(A ~ X, binomial)}), and the overlap of its distribution between the arms.
 *
 * @param fit    the logistic fit (coefficients: intercept, then the covariates)
 * @param scores e(x) per row
 */
public record Propensity(GlmFit fit, double[] scores) {
    /**
     * Fits the model.
     *
     * @throws InvalidParameterException when the covariates separate the arms (no overlap: some patients could
     *                                   only ever be treated, or only ever be controls) or are collinear
     */
    public static Propensity fit(CausalData data) {
        double[] a = new double[data.n()];
        for (int i = 0; i < a.length; i++) {
            a[i] = data.treated()[i];
        }
        int p = data.x()[0].length;
        GlmFit fit;
        try {
            fit = GlmFit.fit(beta -> GlmSums.of(data.x(), a, GlmFamily.BINOMIAL, beta), GlmFamily.BINOMIAL, p);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the propensity model cannot be fitted: the covariates are collinear "
                    + "(X'WX is singular): " + e.getMessage());
        }
        if (fit.separated() || !fit.converged()) {
            throw new InvalidParameterException("perfect separation: the covariates predict the treatment exactly "
                    + "(propensity scores of 0 or 1), so the arms do not overlap and no comparison is identified; "
                    + "restrict the population to where both arms occur, or drop the covariate that separates them");
        }
        double[] scores = new double[data.n()];
        double[] beta = fit.coefficients();
        for (int i = 0; i < scores.length; i++) {
            double eta = 0;
            for (int k = 0; k < p; k++) {
                eta += data.x()[i][k] * beta[k];
            }
            scores[i] = 1 / (1 + Math.exp(-eta));
        }
        return new Propensity(fit, scores);
    }

    /**
     * How the score distributions of the arms overlap.
     *
     * @param minTreated      smallest score among the treated
     * @param maxTreated      largest score among the treated
     * @param minControl      smallest score among the controls
     * @param maxControl      largest score among the controls
     * @param outsideTreated  treated with a score outside the controls' range
     * @param outsideControl  controls with a score outside the treated's range
     */
    public record Overlap(double minTreated, double maxTreated, double minControl, double maxControl,
            int outsideTreated, int outsideControl) {
        /** The common support is empty: no treated patient has a comparable control, or the reverse. */
        public boolean none() {
            return maxControl < minTreated || maxTreated < minControl;
        }
    }

    public Overlap overlap(int[] treated) {
        double minT = Double.POSITIVE_INFINITY;
        double maxT = Double.NEGATIVE_INFINITY;
        double minC = Double.POSITIVE_INFINITY;
        double maxC = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (treated[i] == 1) {
                minT = Math.min(minT, scores[i]);
                maxT = Math.max(maxT, scores[i]);
            } else {
                minC = Math.min(minC, scores[i]);
                maxC = Math.max(maxC, scores[i]);
            }
        }
        int outsideT = 0;
        int outsideC = 0;
        for (int i = 0; i < scores.length; i++) {
            if (treated[i] == 1 && (scores[i] < minC || scores[i] > maxC)) {
                outsideT++;
            } else if (treated[i] == 0 && (scores[i] < minT || scores[i] > maxT)) {
                outsideC++;
            }
        }
        return new Overlap(minT, maxT, minC, maxC, outsideT, outsideC);
    }
}
