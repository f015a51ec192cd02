package io.daybreak.stats.causal;

import io.daybreak.core.method.InvalidParameterException;

/**
 * The effect estimators, each giving the marginal means under treatment and control with their influence
 * functions ({@link MarginalMeans}):
 * <ul>
 * <li>{@link #iptw}: weighted (Hájek) means with balancing weights, the weights taken as known; standard errors
 * as {@code sandwich::vcovHC(lm(Y ~ A, weights = w), type = "HC0")}, or {@link #iptwHc3} those of
 * {@code type = "HC3"};</li>
 * <li>{@link #horvitzThompson}: unnormalised IPTW means Σ wAy / N and Σ w(1−A)y / N over the target
 * population's size N;</li>
 * <li>{@link #gComputation}: standardisation over the target population with the outcome model, with the
 * outcome model's estimation error through the delta method;</li>
 * <li>{@link #aipw}: augmented IPW (doubly robust; Robins, Rotnitzky &amp; Zhao 1994) for the ATE;</li>
 * <li>{@link #tmle}: targeted maximum likelihood (van der Laan &amp; Rubin 2006) for the ATE, one logistic
 * fluctuation along the clever covariate; a continuous outcome is scaled to [0, 1] by its observed range first
 * (as R's {@code tmle} does).</li>
 * </ul>
 * All but the IPTW (Hájek) means carry influence functions whose SE uses the divisor n − 1
 * ({@link MarginalMeans#sampleVariance()}), as R's {@code sd(IF)/sqrt(n)} and the {@code tmle} package.
 */
public final class Estimators {
    private static final int MAX_NEWTON = 100;

    private Estimators() {
    }

    /** Hájek means Σ wAy / Σ wA and Σ w(1−A)y / Σ w(1−A). */
    public static MarginalMeans iptw(CausalData data, Weights weights) {
        int n = data.n();
        double[] w = weights.values();
        double[] sum = new double[2];
        double[] total = new double[2];
        for (int i = 0; i < n; i++) {
            sum[data.treated()[i]] += w[i] * data.outcome()[i];
            total[data.treated()[i]] += w[i];
        }
        double mu1 = sum[1] / total[1];
        double mu0 = sum[0] / total[0];
        double[] phi1 = new double[n];
        double[] phi0 = new double[n];
        for (int i = 0; i < n; i++) {
            int a = data.treated()[i];
            if (a == 1) {
                phi1[i] = n * w[i] * (data.outcome()[i] - mu1) / total[1];
            } else {
                phi0[i] = n * w[i] * (data.outcome()[i] - mu0) / total[0];
            }
        }
        return new MarginalMeans(mu1, mu0, phi1, phi0);
    }

    /**
     * Hájek means as {@link #iptw}, with the HC3 sandwich variance of the weighted regression {@code lm(Y ~ A,
     * weights = w)}: its hat values are hᵢ = wᵢ / Σ_arm w, so each row's term is the HC0 term divided by 1 − hᵢ (the
     * arms' means are uncorrelated, as they are in R's {@code vcovHC}). φ carries the divisor n (no n − 1).
     *
     * @throws InvalidParameterException when a row carries all of its arm's weight (hᵢ = 1)
     */
    public static MarginalMeans iptwHc3(CausalData data, Weights weights) {
        MarginalMeans hc0 = iptw(data, weights);
        double[] w = weights.values();
        double[] total = new double[2];
        for (int i = 0; i < data.n(); i++) {
            total[data.treated()[i]] += w[i];
        }
        double[] phi1 = hc0.influenceTreated().clone();
        double[] phi0 = hc0.influenceControl().clone();
        for (int i = 0; i < data.n(); i++) {
            int a = data.treated()[i];
            double leverage = w[i] / total[a];
            if (!(leverage < 1)) {
                throw new InvalidParameterException("HC3 standard errors need at least two weighted patients per arm "
                        + "(a row has hat value 1); use iptwStdError=HC0");
            }
            if (a == 1) {
                phi1[i] /= 1 - leverage;
            } else {
                phi0[i] /= 1 - leverage;
            }
        }
        return new MarginalMeans(hc0.treated(), hc0.control(), phi1, phi0, false);
    }

    /**
     * Horvitz–Thompson (unnormalised) IPTW: μ₁ = Σ Aᵢwᵢyᵢ / N and μ₀ = Σ (1 − Aᵢ)wᵢyᵢ / N with the unstabilised
     * weights of the estimand and N the size of its target population (ATE n, ATT the treated, ATC the controls);
     * influence functions φ₁ᵢ = n(Aᵢwᵢyᵢ − μ₁πᵢ)/N with πᵢ the target-population indicator (weights taken as
     * known), SE with divisor n − 1.
     *
     * @throws InvalidParameterException for the ATO, whose weights have no unnormalised form
     */
    public static MarginalMeans horvitzThompson(CausalData data, double[] scores, Estimand estimand) {
        if (estimand == Estimand.ATO) {
            throw new InvalidParameterException("the Horvitz-Thompson estimator (iptwHT) has no form for estimand ATO "
                    + "(overlap weights are normalised by construction); allowed: ATE, ATT, ATC");
        }
        int n = data.n();
        double size = 0;
        double mu1 = 0;
        double mu0 = 0;
        for (int i = 0; i < n; i++) {
            int a = data.treated()[i];
            double w = estimand.weight(a, scores[i]);
            size += estimand.population(a, scores[i]);
            if (a == 1) {
                mu1 += w * data.outcome()[i];
            } else {
                mu0 += w * data.outcome()[i];
            }
        }
        mu1 /= size;
        mu0 /= size;
        double[] phi1 = new double[n];
        double[] phi0 = new double[n];
        for (int i = 0; i < n; i++) {
            int a = data.treated()[i];
            double w = estimand.weight(a, scores[i]);
            double pi = estimand.population(a, scores[i]);
            phi1[i] = n * (a * w * data.outcome()[i] - mu1 * pi) / size;
            phi0[i] = n * ((1 - a) * w * data.outcome()[i] - mu0 * pi) / size;
        }
        return new MarginalMeans(mu1, mu0, phi1, phi0, true);
    }

    /**
     * Standardisation: the mean prediction as if treated and as if control over the target population, weighted
     * by {@code population} ({@link Estimand#population}), with the outcome model's estimation error through the
     * delta method.
     */
    public static MarginalMeans gComputation(CausalData data, OutcomeModel model, double[] population) {
        int n = data.n();
        int p = model.parameters();
        double total = 0;
        double mu1 = 0;
        double mu0 = 0;
        double[] d1 = new double[p];
        double[] d0 = new double[p];
        for (int i = 0; i < n; i++) {
            double pi = population[i];
            total += pi;
            mu1 += pi * model.ifTreated()[i];
            mu0 += pi * model.ifControl()[i];
            double[] row1 = model.treatedRow(data.x()[i]);
            double[] row0 = model.controlRow(data.x()[i]);
            double s1 = model.slope(model.ifTreated()[i]);
            double s0 = model.slope(model.ifControl()[i]);
            for (int k = 0; k < p; k++) {
                d1[k] += pi * s1 * row1[k];
                d0[k] += pi * s0 * row0[k];
            }
        }
        mu1 /= total;
        mu0 /= total;
        double[] phi1 = new double[n];
        double[] phi0 = new double[n];
        for (int i = 0; i < n; i++) {
            double[] beta = model.influence()[i];
            double g1 = 0;
            double g0 = 0;
            for (int k = 0; k < p; k++) {
                g1 += d1[k] / total * beta[k];
                g0 += d0[k] / total * beta[k];
            }
            phi1[i] = n * population[i] * (model.ifTreated()[i] - mu1) / total + g1;
            phi0[i] = n * population[i] * (model.ifControl()[i] - mu0) / total + g0;
        }
        return new MarginalMeans(mu1, mu0, phi1, phi0, true);
    }

    /** AIPW for the ATE: mean of m₁ + A(Y − m₁)/e and of m₀ + (1 − A)(Y − m₀)/(1 − e). */
    public static MarginalMeans aipw(CausalData data, double[] scores, OutcomeModel model) {
        int n = data.n();
        double[] psi1 = new double[n];
        double[] psi0 = new double[n];
        for (int i = 0; i < n; i++) {
            int a = data.treated()[i];
            double y = data.outcome()[i];
            psi1[i] = model.ifTreated()[i] + a * (y - model.ifTreated()[i]) / scores[i];
            psi0[i] = model.ifControl()[i] + (1 - a) * (y - model.ifControl()[i]) / (1 - scores[i]);
        }
        return centred(psi1, psi0);
    }

    /**
     * TMLE for the ATE. The initial fit Q(A, X) is the outcome model; ε solves the logistic fluctuation
     * logit Q* = logit Q + ε H with H = A/e − (1 − A)/(1 − e); then Q₁* = expit(logit Q₁ + ε/e),
     * Q₀* = expit(logit Q₀ − ε/(1 − e)). A continuous outcome is mapped to [0, 1] by its observed range, and the
     * result mapped back.
     *
     * @throws InvalidParameterException when the fluctuation does not converge
     */
    public static MarginalMeans tmle(CausalData data, double[] scores, OutcomeModel model, boolean binary) {
        int n = data.n();
        double low = 0;
        double range = 1;
        if (!binary) {
            low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double y : data.outcome()) {
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
            range = high - low;
        }
        double[] y = new double[n];
        double[] q1 = new double[n];
        double[] q0 = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (data.outcome()[i] - low) / range;
            // a continuous outcome's predictions can leave the observed range: bound them inside (0, 1)
            q1[i] = bound((model.ifTreated()[i] - low) / range);
            q0[i] = bound((model.ifControl()[i] - low) / range);
        }
        double[] offset = new double[n];
        double[] clever = new double[n];
        for (int i = 0; i < n; i++) {
            int a = data.treated()[i];
            offset[i] = logit(a == 1 ? q1[i] : q0[i]);
            clever[i] = a == 1 ? 1 / scores[i] : -1 / (1 - scores[i]);
        }
        double epsilon = fluctuation(y, offset, clever);
        double[] psi1 = new double[n];
        double[] psi0 = new double[n];
        for (int i = 0; i < n; i++) {
            int a = data.treated()[i];
            double star1 = expit(logit(q1[i]) + epsilon / scores[i]);
            double star0 = expit(logit(q0[i]) - epsilon / (1 - scores[i]));
            psi1[i] = low + range * (star1 + a * (y[i] - star1) / scores[i]);
            psi0[i] = low + range * (star0 + (1 - a) * (y[i] - star0) / (1 - scores[i]));
        }
        // each arm's influence function is the efficient one at Q*, centred; the estimates are the plug-in means
        // of Q*, whose difference equals the difference of the per-row values' means (the fluctuation's score
        // equation makes the residual terms cancel)
        MarginalMeans centred = centred(psi1, psi0);
        double mu1 = 0;
        double mu0 = 0;
        for (int i = 0; i < n; i++) {
            mu1 += expit(logit(q1[i]) + epsilon / scores[i]);
            mu0 += expit(logit(q0[i]) - epsilon / (1 - scores[i]));
        }
        return new MarginalMeans(low + range * mu1 / n, low + range * mu0 / n, centred.influenceTreated(),
                centred.influenceControl(), true);
    }

    /** Solves Σ Hᵢ (yᵢ − expit(offsetᵢ + ε Hᵢ)) = 0 by Newton's method. */
    static double fluctuation(double[] y, double[] offset, double[] clever) {
        double epsilon = 0;
        for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
            double score = 0;
            double information = 0;
            for (int i = 0; i < y.length; i++) {
                double p = expit(offset[i] + epsilon * clever[i]);
                score += clever[i] * (y[i] - p);
                information += clever[i] * clever[i] * p * (1 - p);
            }
            double step = score / information;
            epsilon += step;
            if (Math.abs(step) < 1e-13 * (1 + Math.abs(epsilon))) {
                return epsilon;
            }
        }
        throw new InvalidParameterException("the TMLE fluctuation did not converge in " + MAX_NEWTON + " Newton steps "
                + "(extreme propensity scores?); consider trimming ('trim')");
    }

    /** Means of per-row values and their centred values as influence functions. */
    private static MarginalMeans centred(double[] psi1, double[] psi0) {
        int n = psi1.length;
        double mu1 = 0;
        double mu0 = 0;
        for (int i = 0; i < n; i++) {
            mu1 += psi1[i];
            mu0 += psi0[i];
        }
        mu1 /= n;
        mu0 /= n;
        double[] phi1 = new double[n];
        double[] phi0 = new double[n];
        for (int i = 0; i < n; i++) {
            phi1[i] = psi1[i] - mu1;
            phi0[i] = psi0[i] - mu0;
        }
        return new MarginalMeans(mu1, mu0, phi1, phi0, true);
    }

    private static double bound(double q) {
        return Math.min(1 - 1e-9, Math.max(1e-9, q));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
