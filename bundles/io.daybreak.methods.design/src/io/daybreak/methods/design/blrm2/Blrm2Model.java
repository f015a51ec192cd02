package io.daybreak.methods.design.blrm2;

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
    private final double[] priorMean;
    private final double[] priorSd;
    private final double rhoA;
    private final double rhoB;

    Blrm2Model(double[] amountsA, double[] amountsB, double referenceA, double referenceB, double[] priorMean,
            double[] priorSd, double rhoA, double rhoB) {
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
        this.priorMean = priorMean.clone();
        this.priorSd = priorSd.clone();
        this.rhoA = rhoA;
        this.rhoB = rhoB;
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

    /** The prior mean of theta. */
    double[] priorMean() {
        return priorMean.clone();
    }

    /** The prior covariance of theta (block diagonal: drug A, drug B, eta). */
    double[][] priorCovariance() {
        double[][] s = new double[DIM][DIM];
        for (int i = 0; i < DIM; i++) {
            s[i][i] = priorSd[i] * priorSd[i];
        }
        s[0][1] = s[1][0] = rhoA * priorSd[0] * priorSd[1];
        s[2][3] = s[3][2] = rhoB * priorSd[2] * priorSd[3];
        return s;
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
        double sum = 0;
        sum += bivariate(theta[0], theta[1], 0, rhoA) + bivariate(theta[2], theta[3], 2, rhoB);
        double e = (theta[4] - priorMean[4]) / priorSd[4];
        return sum - 0.5 * e * e;
    }

    private double bivariate(double a, double b, int at, double rho) {
        double u = (a - priorMean[at]) / priorSd[at];
        double v = (b - priorMean[at + 1]) / priorSd[at + 1];
        return -0.5 * (u * u - 2 * rho * u * v + v * v) / (1 - rho * rho);
    }

    /**
     * Log posterior density of theta up to a constant, for patients {@code n[c]} and DLTs {@code y[c]} per cell (the
     * binomial log likelihood without its coefficients).
     */
    double logPosterior(double[] theta, int[] n, int[] y) {
        double sum = logPrior(theta);
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
