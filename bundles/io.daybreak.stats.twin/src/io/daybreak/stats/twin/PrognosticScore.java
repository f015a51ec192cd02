package io.daybreak.stats.twin;

import java.util.List;

/**
 * A trained prognostic score: a linear predictor over named covariates. For gaussian and binomial models it
 * includes the intercept (binomial: the logit, R's {@code predict(type = "link")}); for Cox models there is no
 * intercept and the score is the UNCENTRED x'β (R's predict.coxph centres it, which only shifts the score and
 * leaves every adjusted trial coefficient unchanged).
 *
 * @param family       gaussian, binomial or cox
 * @param covariates   the covariate names, in the order of {@code coefficients}
 * @param intercept    the intercept (0 for cox)
 * @param coefficients one per covariate
 * @param standardErrors intercept's then the covariates' (NaN for penalised fits)
 * @param lambda       the ridge penalty (0: unpenalised)
 */
public record PrognosticScore(String family, List<String> covariates, double intercept, double[] coefficients,
        double[] standardErrors, double lambda) {

    /** The score of one row of covariates. */
    public double score(double[] x) {
        double eta = intercept;
        for (int a = 0; a < coefficients.length; a++) {
            eta += coefficients[a] * x[a];
        }
        return eta;
    }

    /** Whether the model has an intercept (not Cox). */
    public boolean hasIntercept() {
        return !family.equals("cox");
    }
}
