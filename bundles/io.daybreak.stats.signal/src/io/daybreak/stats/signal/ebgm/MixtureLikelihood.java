package io.daybreak.stats.signal.ebgm;

import java.util.Arrays;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * The weighted negative log-likelihood of the negative-binomial mixture marginal that DuMouchel's prior implies
 * for the counts, as openEBGM's {@code negLL}/{@code negLLsquash} (truncated at {@code N >= N*}) and
 * {@code negLLzero}/{@code negLLzeroSquash} ({@code N* = 0}: no truncation) define it:
 * {@code N | E ~ P NB(alpha1, beta1/(beta1+E)) + (1-P) NB(alpha2, beta2/(beta2+E))}, each component divided by its
 * probability of {@code N >= N*}. Its analytic gradient is given for the optimiser.
 */
public final class MixtureLikelihood {

    private final PairData data;
    private final int nStar;
    private final int[] distinctN;
    private final int[] nIndex;
    private final double[] logFactorial;

    /**
     * @param data  the points (those with {@code N < N*} must already be removed)
     * @param nStar the truncation point {@code N*} (openEBGM's {@code N_star}); 0 fits the untruncated likelihood
     *              (openEBGM's {@code zeroes = TRUE})
     */
    public MixtureLikelihood(PairData data, int nStar) {
        if (nStar < 0) {
            throw new IllegalArgumentException("N* must be >= 0, got " + nStar);
        }
        for (int i = 0; i < data.size(); i++) {
            if (data.n()[i] < nStar) {
                throw new IllegalArgumentException("row " + (i + 1) + " has N = " + data.n()[i] + " < N* = " + nStar
                        + "; the truncated likelihood uses only pairs with N >= N*");
            }
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("no pairs with N >= N* = " + nStar + " to fit the prior to");
        }
        this.data = data;
        this.nStar = nStar;
        this.distinctN = Arrays.stream(data.n()).distinct().sorted().toArray();
        this.nIndex = new int[data.size()];
        for (int i = 0; i < nIndex.length; i++) {
            nIndex[i] = Arrays.binarySearch(distinctN, data.n()[i]);
        }
        this.logFactorial = new double[distinctN.length];
        for (int k = 0; k < distinctN.length; k++) {
            logFactorial[k] = LogGamma.value(distinctN[k] + 1.0);
        }
    }

    /** The truncation point. */
    public int nStar() {
        return nStar;
    }

    /** The points. */
    public PairData data() {
        return data;
    }

    /** Negative log-likelihood at {@code theta} = (alpha1, beta1, alpha2, beta2, P). */
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    /**
     * Negative log-likelihood at {@code theta}; when {@code gradient} is not null its 5 entries receive the partial
     * derivatives with respect to alpha1, beta1, alpha2, beta2, P.
     */
    public double evaluate(double[] theta, double[] gradient) {
        double a1 = theta[0];
        double b1 = theta[1];
        double a2 = theta[2];
        double b2 = theta[3];
        double pp = theta[4];
        if (!(a1 > 0 && b1 > 0 && a2 > 0 && b2 > 0 && pp > 0 && pp < 1)) {
            return Double.NaN;
        }
        int m = distinctN.length;
        double[] lg1 = new double[m];
        double[] lg2 = new double[m];
        double[] dg1 = new double[m];
        double[] dg2 = new double[m];
        double lga1 = LogGamma.value(a1);
        double lga2 = LogGamma.value(a2);
        double dga1 = Digamma.value(a1);
        double dga2 = Digamma.value(a2);
        for (int k = 0; k < m; k++) {
            int nk = distinctN[k];
            lg1[k] = LogGamma.value(nk + a1) - lga1 - logFactorial[k];
            lg2[k] = LogGamma.value(nk + a2) - lga2 - logFactorial[k];
            if (gradient != null) {
                dg1[k] = Digamma.value(nk + a1) - dga1;
                dg2[k] = Digamma.value(nk + a2) - dga2;
            }
        }
        double[] trunc1 = nStar > 1 ? truncationTerms(a1, dga1, nStar) : null;
        double[] trunc2 = nStar > 1 ? truncationTerms(a2, dga2, nStar) : null;
        double sum = 0;
        double ga1 = 0;
        double gb1 = 0;
        double ga2 = 0;
        double gb2 = 0;
        double gp = 0;
        double[] c1 = new double[3];
        double[] c2 = new double[3];
        int[] n = data.n();
        double[] e = data.e();
        double[] w = data.w();
        for (int i = 0; i < n.length; i++) {
            int k = nIndex[i];
            component(a1, b1, n[i], e[i], lg1[k], dg1[k], trunc1, gradient != null, c1);
            component(a2, b2, n[i], e[i], lg2[k], dg2[k], trunc2, gradient != null, c2);
            // log(P f1* + (1-P) f2*) from the logs, stably
            double l1 = Math.log(pp) + c1[0];
            double l2 = Math.log1p(-pp) + c2[0];
            double hi = Math.max(l1, l2);
            double logL = hi + Math.log(Math.exp(l1 - hi) + Math.exp(l2 - hi));
            sum -= w[i] * logL;
            if (gradient != null) {
                double r1 = Math.exp(l1 - logL);
                double r2 = Math.exp(l2 - logL);
                ga1 -= w[i] * r1 * c1[1];
                gb1 -= w[i] * r1 * c1[2];
                ga2 -= w[i] * r2 * c2[1];
                gb2 -= w[i] * r2 * c2[2];
                gp -= w[i] * (r1 / pp - r2 / (1 - pp));
            }
        }
        if (gradient != null) {
            gradient[0] = ga1;
            gradient[1] = gb1;
            gradient[2] = ga2;
            gradient[3] = gb2;
            gradient[4] = gp;
        }
        return sum;
    }

    /** For N* > 1: log Gamma(k + a) - log Gamma(a) - log k! and digamma(k + a) - digamma(a), k = 0..N*-1. */
    private static double[] truncationTerms(double a, double dga, int nStar) {
        double[] t = new double[2 * nStar];
        double lga = LogGamma.value(a);
        for (int k = 0; k < nStar; k++) {
            t[2 * k] = LogGamma.value(k + a) - lga - LogGamma.value(k + 1.0);
            t[2 * k + 1] = Digamma.value(k + a) - dga;
        }
        return t;
    }

    /**
     * One component: out[0] = log f*(n) (the NB log-probability divided by P(N >= N*)), out[1], out[2] its
     * derivatives with respect to the shape a and the rate b.
     */
    private void component(double a, double b, int n, double e, double lgTerm, double dgTerm, double[] trunc,
            boolean grad, double[] out) {
        double lp = -Math.log1p(e / b); // log(b / (b + E))
        double lq = -Math.log1p(b / e); // log(E / (b + E))
        double logf = lgTerm + a * lp + (n == 0 ? 0 : n * lq);
        double dA = dgTerm + lp;
        double dB = a / b - (a + n) / (b + e);
        if (nStar == 1) {
            // S = P(N >= 1) = 1 - p^a
            double logP0 = a * lp;
            double s = -Math.expm1(logP0);
            logf -= Math.log(s);
            if (grad) {
                double f0OverS = Math.exp(logP0) / s;
                dA += f0OverS * lp;
                dB += f0OverS * (a / b - a / (b + e));
            }
        } else if (nStar > 1) {
            double p = b / (b + e);
            double s = RegularizedBeta.complement(p, a, nStar);
            logf -= Math.log(s);
            if (grad) {
                double sA = 0;
                double sB = 0;
                for (int k = 0; k < nStar; k++) {
                    double fk = Math.exp(trunc[2 * k] + a * lp + (k == 0 ? 0 : k * lq));
                    sA += fk * (trunc[2 * k + 1] + lp);
                    sB += fk * (a / b - (a + k) / (b + e));
                }
                dA += sA / s;
                dB += sB / s;
            }
        }
        out[0] = logf;
        out[1] = dA;
        out[2] = dB;
    }
}
