package io.daybreak.methods.design.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * Beta-mixture approximation of a distribution on (0, 1) by EM, as RBesT's {@code mixfit(type = "beta")}
 * ({@code EM_bmm_ab}, {@code constrain_gt1 = TRUE}) and {@code automixfit} do it, but on weighted points (a quadrature
 * of the exact MAP density) instead of an MCMC sample: the E step gives each point's component responsibilities, the
 * M step sets each weight to its mean responsibility and solves, for each component, ψ(a) − ψ(a + b) = E[log p] and
 * ψ(b) − ψ(a + b) = E[log(1 − p)] under its responsibilities (the weighted beta maximum-likelihood equations RBesT
 * solves with Nelder–Mead; here Gauss–Newton in (log(a − 1), log(b − 1)), so a, b ≥ 1 as with constrain_gt1).
 * Maximising Σ_j v_j log mix(p_j) over the quadrature is minimising the Kullback–Leibler divergence from the MAP prior.
 */
final class MixtureFit {
    /** A fitted mixture, its mean log density under the target, and its AIC for a nominal sample size. */
    record Fit(BetaMixture mixture, double meanLogLik, double aic, int iterations) {
    }

    private static final int MAX_ITERATIONS = 5000;
    private static final double LOWER = 1e-8;

    private MixtureFit() {
    }

    /**
     * RBesT's {@code automixfit(sample, Nc = 1:maxComponents, k = 6)}: fits 1..maxComponents components and keeps the
     * smallest AIC = −2 N Σ v_j log mix(p_j) + k (3 Nc − 1), N the nominal sample size.
     *
     * @return the fits in order of components; the chosen one is {@link #best}
     */
    static List<Fit> auto(double[] logP, double[] log1mP, double[] v, int maxComponents, double sampleSize, double k) {
        return auto(logP, log1mP, v, maxComponents, sampleSize, k, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #auto} with a + b of every component at most {@code maxConcentration}: on quadrature points (unlike a
     * continuous target) a component can collapse onto a few nodes and raise the likelihood without bound.
     */
    static List<Fit> auto(double[] logP, double[] log1mP, double[] v, int maxComponents, double sampleSize, double k,
            double maxConcentration) {
        List<Fit> fits = new ArrayList<>();
        for (int c = 1; c <= maxComponents; c++) {
            fits.add(fit(logP, log1mP, v, c, sampleSize, k, maxConcentration));
        }
        return fits;
    }

    static Fit best(List<Fit> fits) {
        Fit best = fits.get(0);
        for (Fit f : fits) {
            if (f.aic() < best.aic()) {
                best = f;
            }
        }
        return best;
    }

    /**
     * EM with {@code components} components on points with log p_j, log(1 − p_j) and weights v_j (summing to 1), from
     * two deterministic starts (equal-mass slices of the target; nested components with a common mean and widening
     * spread), keeping the one with the larger log-likelihood. Components are ordered by decreasing weight.
     */
    static Fit fit(double[] logP, double[] log1mP, double[] v, int components, double sampleSize, double k) {
        return fit(logP, log1mP, v, components, sampleSize, k, Double.POSITIVE_INFINITY);
    }

    /** {@link #fit} with a + b of every component at most {@code maxConcentration} (the mean kept when capped). */
    static Fit fit(double[] logP, double[] log1mP, double[] v, int components, double sampleSize, double k,
            double maxConcentration) {
        Fit best = null;
        for (double[][] start : List.of(slices(logP, v, components), nested(logP, log1mP, v, components))) {
            Fit f = em(logP, log1mP, v, start, sampleSize, k, maxConcentration);
            if (best == null || f.meanLogLik() > best.meanLogLik() + 1e-12) {
                best = f;
            }
        }
        return best;
    }

    private static Fit em(double[] logP, double[] log1mP, double[] v, double[][] start, double sampleSize, double k,
            double maxConcentration) {
        int nc = start[0].length;
        int n = v.length;
        double[] w = start[0].clone();
        double[] a = start[1].clone();
        double[] b = start[2].clone();
        for (int c = 0; c < nc; c++) {
            a[c] = Math.max(a[c], 1 + LOWER);
            b[c] = Math.max(b[c], 1 + LOWER);
        }
        double[][] resp = new double[n][nc];
        double last = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        for (; iteration < MAX_ITERATIONS; iteration++) {
            ll = estep(logP, log1mP, v, w, a, b, resp);
            if (iteration > 0 && Math.abs(ll - last) < 1e-14 * Math.max(1, Math.abs(ll))) {
                break;
            }
            last = ll;
            for (int c = 0; c < nc; c++) {
                double z = 0;
                double c1 = 0;
                double c2 = 0;
                for (int j = 0; j < n; j++) {
                    double r = v[j] * resp[j][c];
                    z += r;
                    c1 += r * logP[j];
                    c2 += r * log1mP[j];
                }
                w[c] = z;
                if (z > 1e-300) {
                    double[] ab = solve(c1 / z, c2 / z, a[c], b[c]);
                    double size = ab[0] + ab[1];
                    if (size > maxConcentration) {
                        double mean = ab[0] / size;
                        ab[0] = Math.max(1 + LOWER, mean * maxConcentration);
                        ab[1] = Math.max(1 + LOWER, (1 - mean) * maxConcentration);
                    }
                    a[c] = ab[0];
                    b[c] = ab[1];
                }
            }
        }
        ll = estep(logP, log1mP, v, w, a, b, resp);
        Integer[] order = new Integer[nc];
        for (int c = 0; c < nc; c++) {
            order[c] = c;
        }
        double[] wf = w;
        Arrays.sort(order, (x, y) -> Double.compare(wf[y], wf[x]));
        double[] w2 = new double[nc];
        double[] a2 = new double[nc];
        double[] b2 = new double[nc];
        for (int c = 0; c < nc; c++) {
            w2[c] = w[order[c]];
            a2[c] = a[order[c]];
            b2[c] = b[order[c]];
        }
        int df = 3 * nc - 1;
        double aic = -2 * sampleSize * ll + k * df;
        return new Fit(new BetaMixture(w2, a2, b2), ll, aic, iteration);
    }

    /** Σ_j v_j log mix(p_j), and the responsibilities. */
    private static double estep(double[] logP, double[] log1mP, double[] v, double[] w, double[] a, double[] b,
            double[][] resp) {
        int nc = w.length;
        double[] constant = new double[nc];
        for (int c = 0; c < nc; c++) {
            constant[c] = w[c] > 0 ? Math.log(w[c]) - LogBeta.value(a[c], b[c]) : Double.NEGATIVE_INFINITY;
        }
        double ll = 0;
        for (int j = 0; j < v.length; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < nc; c++) {
                resp[j][c] = constant[c] + (a[c] - 1) * logP[j] + (b[c] - 1) * log1mP[j];
                max = Math.max(max, resp[j][c]);
            }
            double sum = 0;
            for (int c = 0; c < nc; c++) {
                resp[j][c] = Math.exp(resp[j][c] - max);
                sum += resp[j][c];
            }
            for (int c = 0; c < nc; c++) {
                resp[j][c] /= sum;
            }
            if (v[j] > 0) {
                ll += v[j] * (max + Math.log(sum));
            }
        }
        return ll;
    }

    /**
     * Solves ψ(a) − ψ(a + b) = c1, ψ(b) − ψ(a + b) = c2 for a, b ≥ 1 by Gauss–Newton with step halving in
     * u = log(a − 1), v = log(b − 1) (the least-squares problem RBesT's M step poses).
     */
    static double[] solve(double c1, double c2, double a0, double b0) {
        double u = Math.log(Math.max(a0 - 1, LOWER));
        double v = Math.log(Math.max(b0 - 1, LOWER));
        double lowest = Math.log(LOWER);
        double[] r = residual(u, v, c1, c2);
        double norm = r[0] * r[0] + r[1] * r[1];
        for (int it = 0; it < 200 && norm > 1e-30; it++) {
            double a = 1 + Math.exp(u);
            double b = 1 + Math.exp(v);
            double tn = Trigamma.value(a + b);
            double j11 = (Trigamma.value(a) - tn) * (a - 1);
            double j12 = -tn * (b - 1);
            double j21 = -tn * (a - 1);
            double j22 = (Trigamma.value(b) - tn) * (b - 1);
            double det = j11 * j22 - j12 * j21;
            double du;
            double dv;
            if (Math.abs(det) > 1e-300) {
                du = -(j22 * r[0] - j12 * r[1]) / det;
                dv = -(-j21 * r[0] + j11 * r[1]) / det;
            } else {
                du = -(j11 * r[0] + j21 * r[1]);
                dv = -(j12 * r[0] + j22 * r[1]);
            }
            double step = 1;
            boolean improved = false;
            for (int h = 0; h < 60; h++) {
                double un = Math.max(lowest, Math.min(30, u + step * du));
                double vn = Math.max(lowest, Math.min(30, v + step * dv));
                double[] rn = residual(un, vn, c1, c2);
                double nn = rn[0] * rn[0] + rn[1] * rn[1];
                if (nn < norm) {
                    u = un;
                    v = vn;
                    r = rn;
                    norm = nn;
                    improved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!improved) {
                break;
            }
        }
        return new double[] {1 + Math.exp(u), 1 + Math.exp(v)};
    }

    private static double[] residual(double u, double v, double c1, double c2) {
        double a = 1 + Math.exp(u);
        double b = 1 + Math.exp(v);
        double s = Digamma.value(a + b);
        return new double[] {Digamma.value(a) - s - c1, Digamma.value(b) - s - c2};
    }

    /** Start: the target cut into equal-mass slices (in the order of p), each moment-matched to a beta. */
    private static double[][] slices(double[] logP, double[] v, int nc) {
        Integer[] order = new Integer[v.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Double.compare(logP[x], logP[y]));
        double total = Arrays.stream(v).sum();
        double[][] start = new double[3][nc];
        double[] s0 = new double[nc];
        double[] s1 = new double[nc];
        double[] s2 = new double[nc];
        double cumulative = 0;
        for (int idx : order) {
            int c = Math.min(nc - 1, (int) Math.floor(cumulative / total * nc));
            double p = Math.exp(logP[idx]);
            s0[c] += v[idx];
            s1[c] += v[idx] * p;
            s2[c] += v[idx] * p * p;
            cumulative += v[idx];
        }
        for (int c = 0; c < nc; c++) {
            double m = s1[c] / s0[c];
            double var = Math.max(s2[c] / s0[c] - m * m, 1e-12);
            double size = Math.max(m * (1 - m) / var - 1, 2);
            start[0][c] = 1.0 / nc;
            start[1][c] = m * size;
            start[2][c] = (1 - m) * size;
        }
        return start;
    }

    /** Start: common mean, variances 1, 3, 9, … times the target's (capped), equal weights. */
    private static double[][] nested(double[] logP, double[] log1mP, double[] v, int nc) {
        double total = Arrays.stream(v).sum();
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < v.length; j++) {
            double p = Math.exp(logP[j]);
            s1 += v[j] * p;
            s2 += v[j] * p * p;
        }
        double m = s1 / total;
        double var = Math.max(s2 / total - m * m, 1e-12);
        double[][] start = new double[3][nc];
        for (int c = 0; c < nc; c++) {
            double vc = Math.min(var * Math.pow(3, c - (nc - 1) / 2.0), 0.9 * m * (1 - m));
            double size = Math.max(m * (1 - m) / vc - 1, 2);
            start[0][c] = 1.0 / nc;
            start[1][c] = m * size;
            start[2][c] = (1 - m) * size;
        }
        return start;
    }
}
