package io.daybreak.methods.design.map;

/**
 * A univariate distribution known by its density at the nodes of composite Gauss–Legendre panels on [lo, hi]: the
 * density is interpolated within a panel by the polynomial through its nodes (barycentric form), so the CDF between
 * panel edges, and hence quantiles, are as accurate as the quadrature itself.
 */
final class PanelDistribution {
    private static final double[] BARYCENTRIC = barycentric();

    private final double lo;
    private final double width;
    private final int panels;
    private final double[] density;
    private final double[] edgeCdf;

    /**
     * @param density density at the nodes of {@link Quadrature#legendre}(lo, hi, panels), normalised here so that it
     *                integrates to 1
     */
    PanelDistribution(double lo, double hi, int panels, double[] density) {
        this.lo = lo;
        this.width = (hi - lo) / panels;
        this.panels = panels;
        int m = Quadrature.LEGENDRE_POINTS;
        double total = 0;
        edgeCdf = new double[panels + 1];
        for (int p = 0; p < panels; p++) {
            double mass = 0;
            for (int i = 0; i < m; i++) {
                mass += 0.5 * width * Quadrature.LEGENDRE_W[i] * density[p * m + i];
            }
            total += mass;
            edgeCdf[p + 1] = total;
        }
        this.density = new double[density.length];
        for (int i = 0; i < density.length; i++) {
            this.density[i] = density[i] / total;
        }
        for (int p = 0; p <= panels; p++) {
            edgeCdf[p] /= total;
        }
    }

    double mean() {
        return moment(1, 0);
    }

    double sd() {
        double m = mean();
        return Math.sqrt(Math.max(0, moment(2, m)));
    }

    private double moment(int power, double centre) {
        int m = Quadrature.LEGENDRE_POINTS;
        double s = 0;
        for (int p = 0; p < panels; p++) {
            double c = lo + (p + 0.5) * width;
            for (int i = 0; i < m; i++) {
                double x = c + 0.5 * width * Quadrature.LEGENDRE_X[i];
                s += 0.5 * width * Quadrature.LEGENDRE_W[i] * density[p * m + i] * Math.pow(x - centre, power);
            }
        }
        return s;
    }

    /** The interpolated density at x (0 outside [lo, hi]). */
    double density(double x) {
        int p = (int) Math.floor((x - lo) / width);
        if (p < 0 || p >= panels) {
            return x == lo + panels * width ? density(x - 1e-12 * width) : 0;
        }
        double t = (x - (lo + (p + 0.5) * width)) / (0.5 * width);
        return Math.max(0, interpolate(p, t));
    }

    private double interpolate(int panel, double t) {
        int m = Quadrature.LEGENDRE_POINTS;
        double num = 0;
        double den = 0;
        for (int i = 0; i < m; i++) {
            double d = t - Quadrature.LEGENDRE_X[i];
            if (d == 0) {
                return density[panel * m + i];
            }
            double c = BARYCENTRIC[i] / d;
            num += c * density[panel * m + i];
            den += c;
        }
        return num / den;
    }

    double cdf(double x) {
        double u = (x - lo) / width;
        if (u <= 0) {
            return 0;
        }
        if (u >= panels) {
            return 1;
        }
        int p = (int) Math.floor(u);
        double start = lo + p * width;
        double part = x - start;
        // integrate the panel's interpolant over [start, x] with Gauss–Legendre (exact for its degree)
        double s = 0;
        int m = Quadrature.LEGENDRE_POINTS;
        for (int i = 0; i < m; i++) {
            double y = start + 0.5 * part * (1 + Quadrature.LEGENDRE_X[i]);
            double t = (y - (start + 0.5 * width)) / (0.5 * width);
            s += 0.5 * part * Quadrature.LEGENDRE_W[i] * interpolate(p, t);
        }
        return Math.min(1, Math.max(0, edgeCdf[p] + s));
    }

    double quantile(double q) {
        double a = lo;
        double b = lo + panels * width;
        for (int i = 0; i < 200 && b - a > 1e-14 * Math.max(1, Math.abs(a)); i++) {
            double mid = 0.5 * (a + b);
            if (cdf(mid) < q) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }

    private static double[] barycentric() {
        int m = Quadrature.LEGENDRE_POINTS;
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double prod = 1;
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    prod *= Quadrature.LEGENDRE_X[i] - Quadrature.LEGENDRE_X[j];
                }
            }
            w[i] = 1 / prod;
        }
        return w;
    }
}
