package io.daybreak.methods.design.map;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/**
 * Settings group shared by design.map-prior and its federated form: the hyperpriors (RBesT {@code gMAP}'s
 * {@code beta.prior} and {@code tau.prior} with {@code tau.dist = "HalfNormal"}), the beta-mixture fit
 * ({@code automixfit}) and the robust component ({@code robustify}).
 */
record MapOptions(
        @Setting(defaultValue = "0", doc = "mean of the normal prior of mu, the mean logit response rate (RBesT "
                + "beta.prior location)")
        double muPriorMean,
        @Setting(min = 0, minInclusive = false, defaultValue = "2", doc = "sd of the normal prior of mu (RBesT "
                + "beta.prior; 2 is RBesT's default for a binary endpoint)")
        double muPriorSd,
        @Setting(min = 0, minInclusive = false, max = 10, doc = "scale of the half-normal prior of tau, the between-trial "
                + "sd of the logits (RBesT tau.prior with tau.dist = \"HalfNormal\"); problem specific, so required: "
                + "0.5 allows moderate and 1 substantial heterogeneity")
        double tauScale,
        @Setting(min = 1, max = 6, defaultValue = "4", doc = "largest number of beta components tried; the AIC chooses "
                + "among 1..maxComponents (RBesT automixfit Nc = 1:4)")
        int maxComponents,
        @Setting(min = 1, max = 6, optional = true, doc = "fit exactly this many beta components instead of choosing by "
                + "AIC")
        Integer components,
        @Setting(min = 100, max = 1e7, defaultValue = "4000", doc = "nominal sample size N of the AIC = -2 N E[log mixture "
                + "density] + 6 (3 Nc - 1): RBesT fits to gMAP's 4000 kept draws by default")
        double aicSampleSize,
        @Setting(min = 0, max = 1, maxInclusive = false, defaultValue = "0", doc = "weight of the robust component added "
                + "to the MAP mixture (RBesT robustify weight; 0.1-0.5 is usual, 0 none)")
        double robustWeight,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.5",
                doc = "mean of the robust component")
        double robustMean,
        @Setting(min = 0, defaultValue = "1", doc = "robust component Beta(mean (n + 1), (1 - mean)(n + 1)): n = 1 with "
                + "mean 0.5 is RBesT's Beta(1, 1)")
        double robustN) {

    MapOptions {
        if (components != null && components > maxComponents) {
            throw new InvalidParameterException("parameter 'components' = " + components + " exceeds 'maxComponents' = "
                    + maxComponents);
        }
    }

    MapModel.Hyperprior hyperprior() {
        return new MapModel.Hyperprior(muPriorMean, muPriorSd, tauScale);
    }
}
