package io.daybreak.stats.signal.ae;

/**
 * Hyperparameters and sampler settings of the Berry &amp; Berry (2004) model as {@code c212.BB} parameterises it;
 * {@link #c212Defaults()} holds c212 1.0.1's defaults.
 *
 * <p>Model, for event j of body system b with x of NC control and y of NT treated patients:
 * x ~ Bin(NC, logit⁻¹ γ<sub>bj</sub>), y ~ Bin(NT, logit⁻¹(γ<sub>bj</sub> + θ<sub>bj</sub>));
 * γ<sub>bj</sub> ~ N(μ<sub>γb</sub>, σ²<sub>γb</sub>), μ<sub>γb</sub> ~ N(μ<sub>γ0</sub>, τ²<sub>γ0</sub>),
 * σ²<sub>γb</sub> ~ IG(αγ, βγ), μ<sub>γ0</sub> ~ N(muGamma00, tau2Gamma00), τ²<sub>γ0</sub> ~ IG(alphaGamma00,
 * betaGamma00); θ<sub>bj</sub> ~ π<sub>b</sub> δ<sub>0</sub> + (1 − π<sub>b</sub>) N(μ<sub>θb</sub>, σ²<sub>θb</sub>), with
 * the same three-level structure for μ<sub>θb</sub>, σ²<sub>θb</sub>; π<sub>b</sub> ~ Beta(α<sub>π</sub>, β<sub>π</sub>),
 * α<sub>π</sub> ~ Exp(lambdaAlpha) and β<sub>π</sub> ~ Exp(lambdaBeta), both truncated to &gt; 1. IG(a, b) is the
 * inverse gamma with shape a and scale b.
 *
 * @param pointMassWeight probability that the θ proposal is the point mass 0 (c212 {@code global.pm.weight})
 * @param sigmaMhTheta    standard deviation of the normal θ proposal (c212 {@code sigma_MH_theta})
 * @param sliceWidth      slice-sampler step width for γ, α<sub>π</sub> and β<sub>π</sub> (c212 {@code w_*})
 * @param sliceSteps      maximum number of step-out steps (c212 {@code control} for the slice rows)
 */
public record BerryBerryPrior(double muGamma00, double tau2Gamma00, double muTheta00, double tau2Theta00,
        double alphaGamma00, double betaGamma00, double alphaTheta00, double betaTheta00,
        double alphaGamma, double betaGamma, double alphaTheta, double betaTheta,
        double lambdaAlpha, double lambdaBeta, double pointMassWeight, double sigmaMhTheta,
        double sliceWidth, int sliceSteps) {

    public BerryBerryPrior {
        positive("tau2Gamma00", tau2Gamma00);
        positive("tau2Theta00", tau2Theta00);
        positive("alphaGamma00", alphaGamma00);
        positive("betaGamma00", betaGamma00);
        positive("alphaTheta00", alphaTheta00);
        positive("betaTheta00", betaTheta00);
        positive("alphaGamma", alphaGamma);
        positive("betaGamma", betaGamma);
        positive("alphaTheta", alphaTheta);
        positive("betaTheta", betaTheta);
        positive("lambdaAlpha", lambdaAlpha);
        positive("lambdaBeta", lambdaBeta);
        positive("sigmaMhTheta", sigmaMhTheta);
        positive("sliceWidth", sliceWidth);
        if (!(pointMassWeight > 0 && pointMassWeight < 1)) {
            throw new IllegalArgumentException("pointMassWeight = " + pointMassWeight + " must lie in (0, 1)");
        }
        if (sliceSteps < 1) {
            throw new IllegalArgumentException("sliceSteps = " + sliceSteps + " must be at least 1");
        }
    }

    /** c212.BB's defaults: hyper_params, global.pm.weight = 0.5, sigma_MH_theta = 0.2, w = 1 with 6 steps. */
    public static BerryBerryPrior c212Defaults() {
        return new BerryBerryPrior(0, 10, 0, 10, 3, 1, 3, 1, 3, 1, 3, 1, 1.0, 1.0, 0.5, 0.2, 1, 6);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " must be a finite number > 0");
        }
    }
}
