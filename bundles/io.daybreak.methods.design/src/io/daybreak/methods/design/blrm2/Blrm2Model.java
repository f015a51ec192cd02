package io.daybreak.methods.design.blrm2;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.methods.design.blrm.BivariateNormalMixture;

/**
 * The two-drug BLRM with interaction as OncoBayes2 parameterises it (Neuenschwander et al. 2015): for the parameter
 * vector theta = (log alpha_A, log beta_A, log alpha_B, log beta_B, eta),
 * logit pi_A = log alpha_A + beta_A log(d1/d1*), logit pi_B = log alpha_B + beta_B log(d2/d2*),
 * pi_0 = 1 - (1 - pi_A)(1 - pi_B) and odds(pi) = odds(pi_0) exp(eta (d1/d1*)(d2/d2*)). Combinations are indexed
 * row by row: cell a * levelsB + b is drug A level a with drug B level b (0-based).
 */
public final class Blrm2Model {
    /** Dimension of theta. */
    static final int DIM = 5;
    private final double[] amountsA;
    private final double[] amountsB;
    private final double[] x1;
    private final double[] x2;
    private final double[] z;
    private final BivariateNormalMixture priorA;
    private final BivariateNormalMixture priorB;
    private final double meanEta;
    private final double sdEta;

    /**
     * The model for the two grids of dose amounts, their reference doses, the priors of (log alpha, log beta) of each
     * drug (a bivariate normal or a mixture of them, e.g. each drug's MAP prior from its own single-agent trials) and
     * the normal prior of eta.
     */
    Blrm2Model(double[] amountsA, double[] amountsB, double referenceA, double referenceB,
            BivariateNormalMixture priorA, BivariateNormalMixture priorB, double meanEta, double sdEta) {
        this.amountsA = amountsA.clone();
        this.amountsB = amountsB.clone();
        int cells = amountsA.length * amountsB.length;
        x1 = new double[cells];
        x2 = new double[cells];
        z = new double[cells];
        for (int a = 0; a < amountsA.length; a++) {
            for (int b = 0; b < amountsB.length; b++) {
                int c = a * amountsB.length + b;
                x1[c] = Math.log(amountsA[a] / referenceA);
                x2[c] = Math.log(amountsB[b] / referenceB);
                z[c] = (amountsA[a] / referenceA) * (amountsB[b] / referenceB);
            }
        }
        this.priorA = priorA;
        this.priorB = priorB;
        this.meanEta = meanEta;
        this.sdEta = sdEta;
    }

    public int levelsA() {
        return amountsA.length;
    }

    public int levelsB() {
        return amountsB.length;
    }

    public int cells() {
        return x1.length;
    }

    public double amountA(int a) {
        return amountsA[a];
    }

    public double amountB(int b) {
        return amountsB[b];
    }

    private Blrm2Model(Blrm2Model model, BivariateNormalMixture priorA, BivariateNormalMixture priorB) {
        this.amountsA = model.amountsA;
        this.amountsB = model.amountsB;
        this.x1 = model.x1;
        this.x2 = model.x2;
        this.z = model.z;
        this.priorA = priorA;
        this.priorB = priorB;
        this.meanEta = model.meanEta;
        this.sdEta = model.sdEta;
    }

    /** The prior mean of theta (for a mixture, the mixture's mean). */
    double[] priorMean() {
        return new double[] {priorA.meanLogAlpha(), priorA.meanLogBeta(), priorB.meanLogAlpha(), priorB.meanLogBeta(),
            meanEta};
    }

    /** The prior covariance of theta (block diagonal: drug A, drug B, eta; a mixture's within- plus between-spread). */
    double[][] priorCovariance() {
        double[][] s = new double[DIM][DIM];
        double[][] a = priorA.covariance();
        double[][] b = priorB.covariance();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                s[i][j] = a[i][j];
                s[2 + i][2 + j] = b[i][j];
            }
        }
        s[4][4] = sdEta * sdEta;
        return s;
    }

    /**
     * A draw of theta from the prior into {@code theta}, from five standard normals {@code z}; a mixture's component
     * is chosen by a further uniform from {@code random}, drawn only for a prior with more than one component (so a
     * single bivariate normal consumes the stream as it always has).
     */
    void drawPrior(UniformRandomProvider random, double[] z, double[] theta) {
        priorA.draw(priorA.size() > 1 ? random.nextDouble() : 0, z[0], z[1], theta, 0);
        priorB.draw(priorB.size() > 1 ? random.nextDouble() : 0, z[2], z[3], theta, 2);
        theta[4] = meanEta + sdEta * z[4];
    }

    /** Number of products of components of the two drugs' priors (1 for two bivariate normals). */
    int priorComponents() {
        return priorA.size() * priorB.size();
    }

    /**
     * The model with the prior's product component {@code index} alone: component index / (components of B) of drug A's
     * prior and index % (components of B) of drug B's, each with weight 1.
     */
    Blrm2Model priorComponent(int index) {
        return new Blrm2Model(this, priorA.component(index / priorB.size()), priorB.component(index % priorB.size()));
    }

    /** The prior weight of product component {@code index}. */
    double priorComponentWeight(int index) {
        return priorA.weight(index / priorB.size()) * priorB.weight(index % priorB.size());
    }

    /** The log of the normalised prior density at theta. */
    double logPriorDensity(double[] theta) {
        double e = (theta[4] - meanEta) / sdEta;
        return priorA.logNormalisedDensity(theta[0], theta[1]) + priorB.logNormalisedDensity(theta[2], theta[3])
                - 0.5 * Math.log(2 * Math.PI) - Math.log(sdEta) - 0.5 * e * e;
    }

    /** Logit of the DLT probability of combination {@code cell} under theta. */
    double logit(double[] theta, int cell) {
        double l1 = theta[0] + Math.exp(theta[1]) * x1[cell];
        double l2 = theta[2] + Math.exp(theta[3]) * x2[cell];
        double lq = -softplus(l1) - softplus(l2); // log(1 - pi_0)
        double lp = Math.log(-Math.expm1(lq)); // log pi_0
        return lp - lq + theta[4] * z[cell];
    }

    /** DLT probability of combination {@code cell} under theta. */
    double probability(double[] theta, int cell) {
        double l = logit(theta, cell);
        return l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l));
    }

    /** Log prior density of theta, up to a constant. */
    double logPrior(double[] theta) {
        double e = (theta[4] - meanEta) / sdEta;
        return priorA.logDensity(theta[0], theta[1]) + priorB.logDensity(theta[2], theta[3]) - 0.5 * e * e;
    }

    /**
     * Log posterior density of theta up to a constant, for patients {@code n[c]} and DLTs {@code y[c]} per cell (the
     * binomial log likelihood without its coefficients).
     */
    double logPosterior(double[] theta, int[] n, int[] y) {
        return logPrior(theta) + logLikelihood(theta, n, y);
    }

    /** The binomial log likelihood of theta without its coefficients. */
    double logLikelihood(double[] theta, int[] n, int[] y) {
        double sum = 0;
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0) {
                double l = logit(theta, c);
                sum += y[c] * l - n[c] * softplus(l);
            }
        }
        return sum;
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
