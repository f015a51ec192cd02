package io.daybreak.stats.biomarker.penalized;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The weighted Cox log partial likelihood of right-censored data in a linear predictor f, with Breslow's or
 * Efron's handling of tied event times, its gradient in f and the diagonal of its Hessian in f. A subject censored
 * at an event time is in that time's risk set (as glmnet and survival::coxph have it).
 *
 * <p>Breslow: ℓ = Σ_i w_i d_i f_i − Σ_k D_k log S_k with S_k = Σ_{t_i ≥ t_k} w_i e^{f_i} and D_k the summed
 * weights of the events at t_k. Efron: the m_k tied events at t_k contribute −(D_k/m_k) Σ_{l &lt; m_k}
 * log(S_k − (l/m_k)·A_k) with A_k = Σ_{events at t_k} w_i e^{f_i}. The saturated log likelihood is glmnet's
 * −Σ_k D_k log D_k.
 */
public final class CoxLikelihood {
    private final int n;
    private final double[] weight;
    private final boolean[] event;
    private final boolean efron;
    /** rows sorted by time. */
    private final int[] order;
    /** per distinct event time: first sorted position with time ≥ t_k, events, their summed weight. */
    private final int[] first;
    private final int[] tied;
    private final double[] dk;
    /** per row: the number of distinct event times ≤ its time; for an event row, its own time is the last. */
    private final int[] times;
    /** per distinct event time, the rows that are events there. */
    private final int[][] events;

    /**
     * @param time    follow-up times
     * @param event   event indicators
     * @param weights case weights (glmnet normalises them to sum 1 for fitting)
     * @param ties    Breslow or Efron
     */
    public CoxLikelihood(double[] time, boolean[] event, double[] weights, Ties ties) {
        this.n = time.length;
        this.weight = weights;
        this.event = event;
        this.efron = ties == Ties.EFRON;
        this.order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> time[i]))
                .mapToInt(Integer::intValue).toArray();
        int[] firstTmp = new int[n];
        int[] tiedTmp = new int[n];
        double[] dkTmp = new double[n];
        int[][] eventsTmp = new int[n][];
        int k = 0;
        int pos = 0;
        this.times = new int[n];
        while (pos < n) {
            double t = time[order[pos]];
            int end = pos;
            int count = 0;
            double sum = 0;
            while (end < n && time[order[end]] == t) {
                if (event[order[end]]) {
                    count++;
                    sum += weights[order[end]];
                }
                end++;
            }
            if (count > 0) {
                firstTmp[k] = pos;
                tiedTmp[k] = count;
                dkTmp[k] = sum;
                int[] rows = new int[count];
                int c = 0;
                for (int s = pos; s < end; s++) {
                    if (event[order[s]]) {
                        rows[c++] = order[s];
                    }
                }
                eventsTmp[k] = rows;
                k++;
            }
            for (int s = pos; s < end; s++) {
                times[order[s]] = k;
            }
            pos = end;
        }
        if (k == 0) {
            throw new IllegalArgumentException("a Cox model needs at least one event");
        }
        this.first = Arrays.copyOf(firstTmp, k);
        this.tied = Arrays.copyOf(tiedTmp, k);
        this.dk = Arrays.copyOf(dkTmp, k);
        this.events = Arrays.copyOf(eventsTmp, k);
    }

    /** The number of distinct event times. */
    public int eventTimes() {
        return dk.length;
    }

    private double[] riskSums(double[] e) {
        double[] suffix = new double[n + 1];
        for (int s = n - 1; s >= 0; s--) {
            suffix[s] = suffix[s + 1] + e[order[s]];
        }
        double[] sk = new double[dk.length];
        for (int k = 0; k < dk.length; k++) {
            sk[k] = suffix[first[k]];
        }
        return sk;
    }

    private double[] exp(double[] f) {
        double fmax = Math.log(Double.MAX_VALUE * 0.1);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = weight[i] * Math.exp(Math.copySign(Math.min(Math.abs(f[i]), fmax), f[i]));
        }
        return e;
    }

    private double tiedSum(double[] e, int k) {
        double a = 0;
        for (int i : events[k]) {
            a += e[i];
        }
        return a;
    }

    /** The log partial likelihood at f. */
    public double logLikelihood(double[] f) {
        double[] e = exp(f);
        double[] sk = riskSums(e);
        double l = 0;
        for (int i = 0; i < n; i++) {
            if (event[i]) {
                l += weight[i] * f[i];
            }
        }
        for (int k = 0; k < dk.length; k++) {
            if (!efron || tied[k] == 1) {
                l -= dk[k] * Math.log(sk[k]);
            } else {
                double a = tiedSum(e, k);
                int m = tied[k];
                for (int r = 0; r < m; r++) {
                    l -= dk[k] / m * Math.log(sk[k] - (double) r / m * a);
                }
            }
        }
        return l;
    }

    /** glmnet's saturated log likelihood −Σ_k D_k log D_k. */
    public double saturated() {
        double s = 0;
        for (double d : dk) {
            if (d > 0) {
                s -= d * Math.log(d);
            }
        }
        return s;
    }

    /** The deviance 2·(saturated − ℓ(f)), as glmnet's coxnet.deviance. */
    public double deviance(double[] f) {
        return 2 * (saturated() - logLikelihood(f));
    }

    /**
     * The gradient of ℓ in f ({@code gradient}) and minus the diagonal of its Hessian ({@code curvature}).
     */
    public void derivatives(double[] f, double[] gradient, double[] curvature) {
        double[] e = exp(f);
        double[] sk = riskSums(e);
        int nk = dk.length;
        double[] b1 = new double[nk];
        double[] c1 = new double[nk];
        double[] b2 = new double[nk];
        double[] c2 = new double[nk];
        for (int k = 0; k < nk; k++) {
            if (!efron || tied[k] == 1) {
                b1[k] = dk[k] / sk[k];
                c1[k] = dk[k] / (sk[k] * sk[k]);
                b2[k] = b1[k];
                c2[k] = c1[k];
            } else {
                double a = tiedSum(e, k);
                int m = tied[k];
                for (int r = 0; r < m; r++) {
                    double frac = (double) r / m;
                    double den = sk[k] - frac * a;
                    b1[k] += dk[k] / m / den;
                    c1[k] += dk[k] / m / (den * den);
                    b2[k] += dk[k] / m * (1 - frac) / den;
                    c2[k] += dk[k] / m * (1 - frac) * (1 - frac) / (den * den);
                }
            }
        }
        double[] cumB = new double[nk + 1];
        double[] cumC = new double[nk + 1];
        for (int k = 0; k < nk; k++) {
            cumB[k + 1] = cumB[k] + b1[k];
            cumC[k + 1] = cumC[k] + c1[k];
        }
        for (int i = 0; i < n; i++) {
            int k = times[i];
            double b = cumB[k];
            double c = cumC[k];
            if (event[i]) {
                b += b2[k - 1] - b1[k - 1];
                c += c2[k - 1] - c1[k - 1];
            }
            gradient[i] = (event[i] ? weight[i] : 0) - e[i] * b;
            curvature[i] = e[i] * b - e[i] * e[i] * c;
        }
    }
}
