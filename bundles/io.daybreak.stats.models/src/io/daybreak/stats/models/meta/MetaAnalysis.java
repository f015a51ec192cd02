package io.daybreak.stats.models.meta;

/**
 * Univariate meta-analysis of per-site estimates of one coefficient, the labelled alternative to the exact
 * federated fits: inverse-variance fixed effect, and DerSimonian–Laird random effects with the moment
 * estimator τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)) (DerSimonian &amp; Laird 1986; R metafor's "DL").
 *
 * @param estimate pooled estimate
 * @param standardError its standard error
 * @param tau2     between-site variance (0 for the fixed effect)
 * @param q        Cochran's Q
 * @param i2       I² = max(0, (Q − (k − 1))/Q)
 */
public record MetaAnalysis(double estimate, double standardError, double tau2, double q, double i2) {

    public static MetaAnalysis fixedEffect(double[] estimates, double[] standardErrors) {
        return pool(estimates, standardErrors, 0);
    }

    public static MetaAnalysis randomEffects(double[] estimates, double[] standardErrors) {
        int k = estimates.length;
        double sumW = 0;
        double sumW2 = 0;
        for (double se : standardErrors) {
            double w = 1 / (se * se);
            sumW += w;
            sumW2 += w * w;
        }
        double q = fixedEffect(estimates, standardErrors).q();
        double tau2 = k > 1 ? Math.max(0, (q - (k - 1)) / (sumW - sumW2 / sumW)) : 0;
        return pool(estimates, standardErrors, tau2);
    }

    private static MetaAnalysis pool(double[] estimates, double[] standardErrors, double tau2) {
        int k = estimates.length;
        double sumW = 0;
        double sum = 0;
        for (int s = 0; s < k; s++) {
            double w = 1 / (standardErrors[s] * standardErrors[s] + tau2);
            sumW += w;
            sum += w * estimates[s];
        }
        double estimate = sum / sumW;
        // Q always with the fixed-effect weights and mean
        double sumFixed = 0;
        double meanFixed = 0;
        for (int s = 0; s < k; s++) {
            double w = 1 / (standardErrors[s] * standardErrors[s]);
            sumFixed += w;
            meanFixed += w * estimates[s];
        }
        meanFixed /= sumFixed;
        double q = 0;
        for (int s = 0; s < k; s++) {
            double w = 1 / (standardErrors[s] * standardErrors[s]);
            q += w * (estimates[s] - meanFixed) * (estimates[s] - meanFixed);
        }
        double i2 = q > 0 ? Math.max(0, (q - (k - 1)) / q) : 0;
        return new MetaAnalysis(estimate, Math.sqrt(1 / sumW), tau2, q, i2);
    }
}
