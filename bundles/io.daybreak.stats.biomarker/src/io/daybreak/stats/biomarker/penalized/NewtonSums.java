package io.daybreak.stats.biomarker.penalized;

import java.util.Arrays;

import io.daybreak.stats.biomarker.penalized.NewtonPath.Quadratic;

/**
 * The sums over rows that {@link NewtonPath} needs, computed from the rows of one site (or of the pooled data): a
 * binomial model's log likelihood, score and information at a point, and a Cox model's in two parts — the risk-set
 * sums at β over an event-time grid, then, given the pooled hazard increments those imply, the weighted Gram matrix
 * of glmnet's diagonal approximation to the Hessian and the score. Features are stored column by column.
 */
public final class NewtonSums {
    private static final double PMIN = 1e-9;

    private NewtonSums() {
    }

    /**
     * The binomial sums at θ = (intercept, β): ℓ = Σ y log q + (1 − y) log(1 − q) (q clamped to [1e-9, 1 − 1e-9] as
     * glmnet clamps it for the deviance), the score Σ (y − q)(1, x) and the information Σ q(1 − q)(1, x)(1, x)ᵀ, always
     * with the intercept coordinate first (a model without one drops it: {@link #withoutIntercept}).
     */
    public static Quadratic binomial(double[][] x, double[] y, double[] theta) {
        int p = x.length;
        int n = y.length;
        int q = p + 1;
        double[] score = new double[q];
        double[][] info = new double[q][q];
        double[] row = new double[q];
        row[0] = 1;
        double ll = 0;
        for (int i = 0; i < n; i++) {
            double eta = theta[0];
            for (int j = 0; j < p; j++) {
                row[j + 1] = x[j][i];
                eta += theta[j + 1] * x[j][i];
            }
            double e = Math.max(-ElasticNet.EXMX, Math.min(ElasticNet.EXMX, eta));
            double prob = 1 / (1 + Math.exp(-e));
            ll += y[i] > 0 ? Math.log(Math.max(prob, PMIN)) : Math.log(Math.max(1 - prob, PMIN));
            double r = y[i] - prob;
            double w = prob * (1 - prob);
            for (int a = 0; a < q; a++) {
                score[a] += r * row[a];
                double wa = w * row[a];
                for (int b = a; b < q; b++) {
                    info[a][b] += wa * row[b];
                }
            }
        }
        symmetrise(info);
        return new Quadratic(ll, score, info);
    }

    /** The sums of a model without intercept, from sums with the intercept coordinate first. */
    public static Quadratic withoutIntercept(Quadratic sums) {
        int q = sums.score().length - 1;
        double[][] info = new double[q][];
        for (int a = 0; a < q; a++) {
            info[a] = Arrays.copyOfRange(sums.information()[a + 1], 1, q + 1);
        }
        return new Quadratic(sums.logLikelihood(), Arrays.copyOfRange(sums.score(), 1, q + 1), info);
    }

    /**
     * A Cox model's risk-set sums at β: per grid time t_k, S0_k = Σ_{y_i ≥ t_k} exp(η_i), and Σ η_i over the events.
     *
     * @param s0       per grid time
     * @param eventEta Σ η_i over the rows with an event
     */
    public record CoxRisk(double[] s0, double eventEta) {
    }

    /** The events at each grid time (a row's event counts at the grid time equal to its time). */
    public static long[] events(double[] time, boolean[] event, double[] grid) {
        long[] d = new long[grid.length];
        for (int i = 0; i < time.length; i++) {
            if (event[i]) {
                int k = Arrays.binarySearch(grid, time[i]);
                if (k < 0) {
                    throw new IllegalArgumentException("an event time is not on the grid of event times");
                }
                d[k]++;
            }
        }
        return d;
    }

    public static CoxRisk coxRisk(double[] time, boolean[] event, double[][] x, double[] beta, double[] grid) {
        int n = time.length;
        double[] eta = eta(x, beta, n);
        double[] s0 = new double[grid.length];
        double eventEta = 0;
        for (int i = 0; i < n; i++) {
            // at risk at every grid time ≤ its own time: add to the last such time, then sum from the right
            int last = lastAtOrBelow(grid, time[i]);
            if (last >= 0) {
                s0[last] += Math.exp(eta[i]);
            }
            if (event[i]) {
                eventEta += eta[i];
            }
        }
        for (int k = grid.length - 2; k >= 0; k--) {
            s0[k] += s0[k + 1];
        }
        return new CoxRisk(s0, eventEta);
    }

    /**
     * The second part of a Cox model's sums at β, given the pooled hazard increments h_k = d_k / S0_k and
     * h2_k = d_k / S0_k²: with H_i = Σ_{t_k ≤ y_i} h_k (and H2_i likewise), the residual r_i = δ_i − e^{η_i} H_i and
     * glmnet's diagonal weight w_i = e^{η_i} H_i − e^{2η_i} H2_i.
     *
     * @param xwx   Σ w_i x_i x_iᵀ (full)
     * @param wx    Σ w_i x_i
     * @param w     Σ w_i
     * @param score Σ r_i x_i
     */
    public record CoxGram(double[][] xwx, double[] wx, double w, double[] score) {
    }

    public static CoxGram coxGram(double[] time, boolean[] event, double[][] x, double[] beta, double[] grid,
            double[] h, double[] h2) {
        int n = time.length;
        int p = x.length;
        double[] eta = eta(x, beta, n);
        double[] cumulative = new double[grid.length];
        double[] cumulative2 = new double[grid.length];
        double run = 0;
        double run2 = 0;
        for (int k = 0; k < grid.length; k++) {
            run += h[k];
            run2 += h2[k];
            cumulative[k] = run;
            cumulative2[k] = run2;
        }
        double[][] xwx = new double[p][p];
        double[] wx = new double[p];
        double[] score = new double[p];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            int last = lastAtOrBelow(grid, time[i]);
            double hi = last >= 0 ? cumulative[last] : 0;
            double h2i = last >= 0 ? cumulative2[last] : 0;
            double e = Math.exp(eta[i]);
            double r = (event[i] ? 1 : 0) - e * hi;
            double w = e * hi - e * e * h2i;
            wsum += w;
            for (int a = 0; a < p; a++) {
                double xa = x[a][i];
                score[a] += r * xa;
                wx[a] += w * xa;
                double wxa = w * xa;
                for (int b = a; b < p; b++) {
                    xwx[a][b] += wxa * x[b][i];
                }
            }
        }
        symmetrise(xwx);
        return new CoxGram(xwx, wx, wsum, score);
    }

    /**
     * The Cox quadratic at β from pooled sums: ℓ = Σ η over events − Σ_k d_k log S0_k (Breslow), the score, and the
     * weighted Gram matrix centred at the pooled feature means (glmnet centres the features; centring leaves the
     * optimum unchanged and makes the diagonal approximation closer to the Hessian).
     */
    public static Quadratic cox(long[] d, CoxRisk risk, CoxGram gram, double[] mean) {
        double ll = risk.eventEta();
        for (int k = 0; k < d.length; k++) {
            if (d[k] > 0) {
                ll -= d[k] * Math.log(risk.s0()[k]);
            }
        }
        int p = mean.length;
        double[][] info = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                info[a][b] = gram.xwx()[a][b] - mean[a] * gram.wx()[b] - gram.wx()[a] * mean[b]
                        + gram.w() * mean[a] * mean[b];
            }
        }
        return new Quadratic(ll, gram.score().clone(), info);
    }

    /** The pooled hazard increments d_k / S0_k and d_k / S0_k² (0 where no events). */
    public static double[][] hazards(long[] d, double[] s0) {
        double[] h = new double[d.length];
        double[] h2 = new double[d.length];
        for (int k = 0; k < d.length; k++) {
            if (d[k] > 0) {
                h[k] = d[k] / s0[k];
                h2[k] = d[k] / (s0[k] * s0[k]);
            }
        }
        return new double[][] {h, h2};
    }

    /** Glmnet's saturated Cox log likelihood with Breslow ties: −Σ d_k log d_k. */
    public static double coxSaturated(long[] d) {
        double s = 0;
        for (long dk : d) {
            if (dk > 0) {
                s -= dk * Math.log(dk);
            }
        }
        return s;
    }

    /**
     * Per feature the scale of its penalty from pooled moments: the standard deviation (1/n) when standardising, else
     * 1; 0 for a column whose variance is 0 to 1e-12 of its mean square (left out, as glmnet leaves out a constant).
     */
    public static double[] scales(long n, double[] sumX, double[] sumXX, boolean standardize) {
        double[] scale = new double[sumX.length];
        for (int j = 0; j < scale.length; j++) {
            double mean = sumX[j] / n;
            double meanSquare = sumXX[j] / n;
            double var = meanSquare - mean * mean;
            if (var > 1e-12 * meanSquare) {
                scale[j] = standardize ? Math.sqrt(var) : 1;
            }
        }
        return scale;
    }

    private static double[] eta(double[][] x, double[] beta, int n) {
        double[] eta = new double[n];
        for (int j = 0; j < x.length; j++) {
            if (beta[j] != 0) {
                double b = beta[j];
                double[] col = x[j];
                for (int i = 0; i < n; i++) {
                    eta[i] += b * col[i];
                }
            }
        }
        return eta;
    }

    private static int lastAtOrBelow(double[] grid, double t) {
        int k = Arrays.binarySearch(grid, t);
        return k >= 0 ? k : -k - 2;
    }

    private static void symmetrise(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < a; b++) {
                m[a][b] = m[b][a];
            }
        }
    }
}
