package io.daybreak.stats.signal.ae;

/**
 * MCMC convergence diagnostics with the definitions of the R package coda (0.19):
 * {@link #rhat} is {@code gelman.diag(x, autoburnin = FALSE)$psrf[, "Point est."]} (Brooks–Gelman corrected
 * potential scale reduction factor, with the degrees-of-freedom adjustment), and {@link #effectiveSize} is
 * {@code effectiveSize(x)}: per chain n·var(x)/S(0) with the spectral density at 0 from the AIC-chosen
 * Yule–Walker AR fit of {@code spectrum0.ar} ({@code ar(x, aic = TRUE)}, order.max = min(n − 1, ⌊10 log10 n⌋)),
 * summed over chains.
 */
public final class Convergence {
    private Convergence() {
    }

    /** Potential scale reduction factor (point estimate) of equally long chains {@code chains[c][i]}. */
    public static double rhat(double[][] chains) {
        int m = chains.length;
        if (m < 2) {
            throw new IllegalArgumentException("R-hat needs at least two chains, got " + m);
        }
        int n = chains[0].length;
        double[] xbar = new double[m];
        double[] s2 = new double[m];
        for (int c = 0; c < m; c++) {
            if (chains[c].length != n || n < 2) {
                throw new IllegalArgumentException("chains must have the same length >= 2");
            }
            xbar[c] = mean(chains[c]);
            s2[c] = variance(chains[c], xbar[c]);
        }
        double w = mean(s2);
        double b = n * variance(xbar, mean(xbar));
        if (w == 0) {
            return b == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        double muhat = mean(xbar);
        double varW = variance(s2, mean(s2)) / m;
        double varB = 2 * b * b / (m - 1);
        double[] xbar2 = new double[m];
        for (int c = 0; c < m; c++) {
            xbar2[c] = xbar[c] * xbar[c];
        }
        double covWb = ((double) n / m) * (covariance(s2, xbar2) - 2 * muhat * covariance(s2, xbar));
        double v = (n - 1) * w / n + (1 + 1.0 / m) * b / n;
        double varV = ((n - 1.0) * (n - 1.0) * varW + (1 + 1.0 / m) * (1 + 1.0 / m) * varB
                + 2 * (n - 1.0) * (1 + 1.0 / m) * covWb) / ((double) n * n);
        double dfV = 2 * v * v / varV;
        double dfAdj = (dfV + 3) / (dfV + 1);
        double r2 = (n - 1.0) / n + (1 + 1.0 / m) * (1.0 / n) * (b / w);
        return Math.sqrt(dfAdj * r2);
    }

    /** coda's effectiveSize of an mcmc.list: the per-chain sizes summed. */
    public static double effectiveSize(double[][] chains) {
        double sum = 0;
        for (double[] c : chains) {
            sum += effectiveSize(c);
        }
        return sum;
    }

    /** coda's effectiveSize of one chain (0 when the chain is constant or a straight line). */
    public static double effectiveSize(double[] x) {
        double spec = spectrum0Ar(x);
        if (spec == 0) {
            return 0;
        }
        return x.length * variance(x, mean(x)) / spec;
    }

    /** coda's spectrum0.ar: var.pred / (1 − Σ ar)² of ar(x, aic = TRUE, method = "yule-walker"). */
    static double spectrum0Ar(double[] x) {
        int n = x.length;
        if (n < 3 || residualSdOfLine(x) < 1.5e-8) {
            // all.equal(sd(residuals(lm(x ~ z))), 0) with its default tolerance
            return 0;
        }
        int orderMax = (int) Math.min(n - 1, Math.floor(10 * Math.log10(n)));
        double xm = mean(x);
        double[] r = new double[orderMax + 1];
        for (int k = 0; k <= orderMax; k++) {
            double s = 0;
            for (int i = 0; i + k < n; i++) {
                s += (x[i] - xm) * (x[i + k] - xm);
            }
            r[k] = s / n;
        }
        // Levinson–Durbin recursion (R's eureka): coefficients and innovation variances by order
        double[][] phi = new double[orderMax + 1][];
        double[] vars = new double[orderMax + 1];
        vars[0] = r[0];
        phi[0] = new double[0];
        for (int k = 1; k <= orderMax; k++) {
            double num = r[k];
            for (int j = 1; j < k; j++) {
                num -= phi[k - 1][j - 1] * r[k - j];
            }
            double kk = num / vars[k - 1];
            phi[k] = new double[k];
            for (int j = 1; j < k; j++) {
                phi[k][j - 1] = phi[k - 1][j - 1] - kk * phi[k - 1][k - j - 1];
            }
            phi[k][k - 1] = kk;
            vars[k] = vars[k - 1] * (1 - kk * kk);
        }
        int order = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= orderMax; k++) {
            double aic = n * Math.log(vars[k]) + 2.0 * k;
            if (aic < best) {
                best = aic;
                order = k;
            }
        }
        double varPred = vars[order] * n / (n - (order + 1.0));
        double sumAr = 0;
        for (double a : phi[order]) {
            sumAr += a;
        }
        return varPred / ((1 - sumAr) * (1 - sumAr));
    }

    private static double residualSdOfLine(double[] x) {
        int n = x.length;
        double zm = (n + 1) / 2.0;
        double xm = mean(x);
        double szz = 0;
        double szx = 0;
        for (int i = 0; i < n; i++) {
            double z = i + 1 - zm;
            szz += z * z;
            szx += z * (x[i] - xm);
        }
        double slope = szx / szz;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double e = x[i] - xm - slope * (i + 1 - zm);
            ss += e * e;
        }
        return Math.sqrt(ss / (n - 1));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static double variance(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return s / (v.length - 1);
    }

    private static double covariance(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
