package io.daybreak.methods.biomarker.penalized;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/** What biomarker.elastic-net takes: the model (formula, or columns), glmnet's arguments and the cross-validation. */
record ElasticNetSettings(
        @Setting(optional = true, doc = "R model formula, e.g. y ~ gene1 + gene2 + factor(stage), or "
                + "Surv(time, status) ~ gene1 + gene2 for cox (the intercept column is never penalised; glmnet fits "
                + "it separately)")
        String formula,
        @Setting(optional = true, doc = "response column (gaussian: numbers; binomial: 0/1 or true/false), without "
                + "formula")
        String response,
        @Setting(optional = true, doc = "follow-up time column (cox, without formula)")
        String time,
        @Setting(optional = true, doc = "event column, 1/true = event, 0/false = censored (cox, without formula)")
        String status,
        @Setting(optional = true, doc = "comma-separated feature columns (without formula; default: every numeric "
                + "column except the response, time, status, foldid and exclude columns)")
        String features,
        @Setting(optional = true, doc = "comma-separated columns to leave out of the default features (ids, "
                + "covariates not wanted)")
        String exclude,
        @Setting(defaultValue = "gaussian", doc = "the model")
        @Choice({"gaussian", "binomial", "cox"})
        String family,
        @Setting(min = 0, max = 1, defaultValue = "1", doc = "elastic-net mixing: 1 lasso, 0 ridge, between: "
                + "(1 - alpha)/2 |b|^2 + alpha |b|_1")
        double alpha,
        @Setting(min = 2, max = 10000, defaultValue = "100", doc = "number of lambda values on the automatic path")
        int nlambda,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true, doc = "smallest "
                + "lambda as a fraction of lambda_max (default as glmnet: 1e-4 when rows > features, else 0.01)")
        Double lambdaMinRatio,
        @Setting(min = 0, optional = true, doc = "comma-separated lambda values to use instead of the automatic path")
        double[] lambda,
        @Setting(optional = true, doc = "penalty factors as term=factor pairs, e.g. age=0,stage2=0.5 (others 1; 0 "
                + "leaves a term unpenalised); rescaled to sum to the number of features as glmnet does")
        String penaltyFactors,
        @Setting(defaultValue = "true", doc = "standardise features (1/n variance) for the fit; coefficients are "
                + "reported on the original scale")
        boolean standardize,
        @Setting(defaultValue = "true", doc = "fit an intercept (gaussian, binomial)")
        boolean intercept,
        @Setting(defaultValue = "breslow", doc = "tied event times in cox: breslow (glmnet) or efron "
                + "(survival::coxph's default; not in glmnet)")
        @Choice({"breslow", "efron"})
        String ties,
        @Setting(min = 3, max = 1000, defaultValue = "10", doc = "number of cross-validation folds (folds drawn from "
                + "the run's seed unless foldid is given)")
        int nfolds,
        @Setting(optional = true, doc = "column holding each row's fold 1..K (as cv.glmnet's foldid; overrides "
                + "nfolds)")
        String foldid,
        @Setting(defaultValue = "deviance", doc = "cross-validated measure (cv.glmnet's type.measure): deviance "
                + "(all), mse (gaussian, binomial), auc (binomial), C (cox)")
        @Choice({"deviance", "mse", "auc", "C"})
        String typeMeasure,
        @Setting(min = 0, minInclusive = false, defaultValue = "1e-7", doc = "convergence threshold of the "
                + "coordinate descent (glmnet's thresh)")
        double thresh) {

    ElasticNetSettings {
        boolean columns = response != null || time != null || status != null || features != null;
        if (formula != null && columns) {
            throw new InvalidParameterException("give the model either as formula= or as columns (response=, or "
                    + "time= and status=, with features=), not both");
        }
        if (formula == null) {
            if ("cox".equals(family) && (time == null || status == null)) {
                throw new InvalidParameterException("family cox needs formula=\"Surv(time, status) ~ ...\" or the "
                        + "parameters time= and status=");
            }
            if (!"cox".equals(family) && response == null) {
                throw new InvalidParameterException("family " + family + " needs formula=\"y ~ ...\" or the "
                        + "parameter response=");
            }
        }
    }
}
