package io.daybreak.stats.biomarker.penalized;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * The elastic net fitted as glmnet 4.1 fits it (Friedman, Hastie &amp; Tibshirani 2010; Simon et al. 2011), by cyclic
 * coordinate descent on standardised features along a decreasing λ path with warm starts, strong-rule screening
 * (Tibshirani et al. 2012) and a final check of the optimality (KKT) conditions on the features screened out.
 *
 * <p>Objectives (with a = the coefficients of the standardised features, P(a) = (1 − α)/2·‖a‖² + α·Σ v_j|a_j|,
 * v the penalty factors rescaled to sum to p):
 * <ul>
 * <li>gaussian: (1/2n)·Σ(ỹ − a0 − z'a)² + λ̃·P(a) with ỹ = y/s_y (s_y the 1/n standard deviation of y) and
 * λ̃ = λ/s_y, as glmnet standardises y internally (so the ridge part of the penalty is in units of s_y);</li>
 * <li>binomial: −(1/n)·Σ[y·η − log(1 + e^η)] + λ·P(a), by IRLS (a quadratic approximation per outer step);</li>
 * <li>Cox: −(1/n)·log partial likelihood (Breslow, or Efron) + λ·P(a), by IRLS with the diagonal of the Hessian
 * in the linear predictor, as glmnet's coxnet.</li>
 * </ul>
 * The automatic path runs from λ_max (the smallest λ with all penalised coefficients zero, divided by max(α, 10⁻³))
 * down to λ_max·lambdaMinRatio on a log scale, and stops early under glmnet's rules (fraction of deviance explained
 * above 0.999, or its change below 10⁻⁵; Cox: 0.99 and 10⁻³ over five steps). Gaussian fits use covariance updates
 * when p &lt; 500 and naive (residual) updates otherwise, as glmnet's {@code type.gaussian}.
 */
public final class ElasticNet {
    static final double BIG = 9.9e35;
    static final double EPS = 1e-6;
    static final double FDEV = 1e-5;
    static final double DEVMAX = 0.999;
    static final int MNLAM = 5;
    static final double PMIN = 1e-9;
    static final double EXMX = 250;
    static final int COVARIANCE_BELOW = 500;

    private ElasticNet() {
    }

    /** The path over all rows. */
    public static PenalizedPath fit(PenalizedData data, PenalizedSettings settings) {
        return fit(data, settings, null);
    }

    /**
     * The path over some rows.
     *
     * @param rows the rows to use (indices into the data), or null for all
     */
    public static PenalizedPath fit(PenalizedData data, PenalizedSettings settings, int[] rows) {
        int n = rows == null ? data.rows() : rows.length;
        int p = data.features();
        if (n < 2) {
            throw new IllegalArgumentException("at least 2 rows are needed, got " + n);
        }
        double[] vp = penaltyFactors(settings.penaltyFactor(), p);
        boolean cox = data.family() == Family.COX;
        boolean intercept = !cox && settings.intercept();
        boolean center = cox || intercept;
        double[][] z = new double[p][];
        double[] xm = new double[p];
        double[] xs = new double[p];
        double[] xv = new double[p];
        boolean[] ju = new boolean[p];
        for (int j = 0; j < p; j++) {
            double[] column = data.x()[j];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = column[rows == null ? i : rows[i]];
            }
            double mean = 0;
            for (double v : c) {
                mean += v;
            }
            mean /= n;
            double var = 0;
            boolean constant = true;
            for (double v : c) {
                var += (v - mean) * (v - mean);
                constant &= v == c[0];
            }
            var /= n;
            if (constant) {
                continue;
            }
            ju[j] = true;
            double m = center ? mean : 0;
            double sd = settings.standardize() ? Math.sqrt(var) : 1;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                c[i] = (c[i] - m) / sd;
                ss += c[i] * c[i];
            }
            z[j] = c;
            xm[j] = m;
            xs[j] = sd;
            xv[j] = ss / n;
        }
        Problem problem = new Problem(n, p, z, xv, ju, vp, settings.alpha(), settings.thresh(), settings.maxit());
        double flmin = settings.lambda() != null ? 1
                : Double.isNaN(settings.lambdaMinRatio()) ? (n < p ? 0.01 : 1e-4) : settings.lambdaMinRatio();
        switch (data.family()) {
            case GAUSSIAN: {
                double[] y = new double[n];
                double ym = 0;
                for (int i = 0; i < n; i++) {
                    y[i] = data.y()[rows == null ? i : rows[i]];
                    ym += y[i];
                }
                ym /= n;
                double ys = 0;
                for (double v : y) {
                    ys += (v - ym) * (v - ym);
                }
                ys = Math.sqrt(ys / n);
                if (!(ys > 0)) {
                    throw new IllegalArgumentException("y is constant; a gaussian elastic net cannot standardise it");
                }
                double shift = intercept ? ym : 0;
                for (int i = 0; i < n; i++) {
                    y[i] = (y[i] - shift) / ys;
                }
                Solver solver = p < COVARIANCE_BELOW ? new GaussianCovariance(problem, y) : new GaussianNaive(problem, y);
                double nulldev = 0;
                for (double v : y) {
                    nulldev += v * v;
                }
                return path(problem, solver, settings, flmin, ys, data.family(), xm, xs, intercept ? ym : 0,
                        nulldev * ys * ys);
            }
            case BINOMIAL: {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = data.y()[rows == null ? i : rows[i]];
                    if (y[i] != 0 && y[i] != 1) {
                        throw new IllegalArgumentException("a binomial response must be 0 or 1, got " + y[i]);
                    }
                }
                Binomial solver = new Binomial(problem, y, intercept);
                return path(problem, solver, settings, flmin, 1, data.family(), xm, xs, 0, solver.nullDeviance * n);
            }
            default: {
                double[] time = new double[n];
                boolean[] event = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int r = rows == null ? i : rows[i];
                    time[i] = data.time()[r];
                    event[i] = data.event()[r];
                    if (!(time[i] > 0)) {
                        throw new IllegalArgumentException("follow-up times must be positive, got " + time[i]);
                    }
                }
                Cox solver = new Cox(problem, time, event, settings.ties());
                return path(problem, solver, settings, flmin, 1, data.family(), xm, xs, 0, solver.nullDeviance * n);
            }
        }
    }

    /**
     * The gaussian path from sufficient statistics alone (summed over sites, say), with covariance updates: the same
     * fit as {@link #fit} on the rows the statistics sum over, up to rounding. A feature whose variance is zero (to
     * 1e-12 of its mean square) is left out, as a constant column is.
     */
    public static PenalizedPath fitGram(GramStatistics g, PenalizedSettings settings) {
        int p = g.sumX().length;
        double n = g.n();
        if (g.n() < 2) {
            throw new IllegalArgumentException("at least 2 rows are needed, got " + g.n());
        }
        double[] vp = penaltyFactors(settings.penaltyFactor(), p);
        boolean intercept = settings.intercept();
        double c = intercept ? 1 : 0;
        double ym = g.sumY() / n;
        double ys = Math.sqrt(Math.max(0, g.sumYY() / n - ym * ym));
        if (!(ys > 0)) {
            throw new IllegalArgumentException("y is constant; a gaussian elastic net cannot standardise it");
        }
        double[] xm = new double[p];
        double[] xs = new double[p];
        double[] xv = new double[p];
        boolean[] ju = new boolean[p];
        for (int j = 0; j < p; j++) {
            double mean = g.sumX()[j] / n;
            double meanSquare = g.sumXX()[j][j] / n;
            double var = meanSquare - mean * mean;
            if (!(var > 1e-12 * meanSquare)) {
                continue;
            }
            ju[j] = true;
            xm[j] = intercept ? mean : 0;
            xs[j] = settings.standardize() ? Math.sqrt(var) : 1;
            xv[j] = (meanSquare - c * mean * mean) / (xs[j] * xs[j]);
        }
        double[] grad = new double[p];
        double[][] cross = new double[p][];
        for (int j = 0; j < p; j++) {
            if (!ju[j]) {
                continue;
            }
            double mj = g.sumX()[j] / n;
            grad[j] = (g.sumXY()[j] / n - c * mj * ym) / (xs[j] * ys);
            double[] row = new double[p];
            for (int k = 0; k < p; k++) {
                if (ju[k]) {
                    double mk = g.sumX()[k] / n;
                    row[k] = (g.sumXX()[j][k] / n - c * mj * mk) / (xs[j] * xs[k]);
                }
            }
            cross[j] = row;
        }
        Problem problem = new Problem((int) Math.min(Integer.MAX_VALUE, g.n()), p, new double[p][], xv, ju, vp,
                settings.alpha(), settings.thresh(), settings.maxit());
        double flmin = settings.lambda() != null ? 1
                : Double.isNaN(settings.lambdaMinRatio()) ? (g.n() < p ? 0.01 : 1e-4) : settings.lambdaMinRatio();
        GaussianCovariance solver = new GaussianCovariance(problem, grad, cross);
        double shift = intercept ? ym : 0;
        double nulldev = g.sumYY() - 2 * shift * g.sumY() + n * shift * shift;
        return path(problem, solver, settings, flmin, ys, Family.GAUSSIAN, xm, xs, intercept ? ym : 0, nulldev);
    }

    static double[] penaltyFactors(double[] given, int p) {
        double[] vp = new double[p];
        if (given == null) {
            Arrays.fill(vp, 1);
            return vp;
        }
        if (given.length != p) {
            throw new IllegalArgumentException("penalty factors: " + given.length + " given for " + p + " features");
        }
        double sum = 0;
        for (double v : given) {
            sum += Math.max(0, v);
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all penalty factors are zero: at least one feature must be penalised");
        }
        for (int j = 0; j < p; j++) {
            vp[j] = Math.max(0, given[j]) * p / sum;
        }
        return vp;
    }

    private static PenalizedPath path(Problem pb, Solver solver, PenalizedSettings s, double flmin, double ys,
            Family family, double[] xm, double[] xs, double ym, double nulldev) {
        int p = pb.p;
        boolean user = s.lambda() != null;
        int nlam = user ? s.lambda().length : s.nlambda();
        double alf = user ? 1 : Math.pow(Math.max(EPS, flmin), 1.0 / (nlam - 1));
        double[] lambdas = new double[nlam];
        double[] a0 = new double[nlam];
        double[][] beta = new double[nlam][];
        int[] df = new int[nlam];
        double[] dev = new double[nlam];
        int fitted = 0;
        double lamPrev = 0;
        double lam0 = 0;
        solver.start();
        for (int m = 0; m < nlam; m++) {
            double lam;
            if (user) {
                lam = s.lambda()[m] / ys;
                lamPrev = m == 0 ? lam : lamPrev;
            } else if (m == 0) {
                lam = BIG;
            } else if (m == 1) {
                solver.exactGradients();
                lam0 = 0;
                for (int j = 0; j < p; j++) {
                    if (pb.ju[j] && pb.vp[j] > 0) {
                        lam0 = Math.max(lam0, pb.g[j] / pb.vp[j]);
                    }
                }
                lam0 /= Math.max(pb.alpha, 1e-3);
                lam = alf * lam0;
                lamPrev = lam0;
            } else {
                lam = lamPrev * alf;
            }
            double tlam = pb.alpha * (2 * lam - lamPrev);
            for (int j = 0; j < p; j++) {
                if (pb.ju[j] && !pb.strong[j] && pb.g[j] > tlam * pb.vp[j]) {
                    pb.strong[j] = true;
                }
            }
            double previousDev = solver.devRatio();
            solver.solve(lam);
            lambdas[m] = lam * ys;
            double[] b = new double[p];
            double offset = 0;
            int nonzero = 0;
            for (int j = 0; j < p; j++) {
                if (pb.a[j] != 0) {
                    b[j] = pb.a[j] * ys / xs[j];
                    offset += b[j] * xm[j];
                    nonzero++;
                }
            }
            beta[m] = b;
            df[m] = nonzero;
            a0[m] = family == Family.GAUSSIAN ? (ym - offset) : family == Family.BINOMIAL
                    ? solver.intercept() - (solver.hasIntercept() ? offset : 0) : 0;
            dev[m] = solver.devRatio();
            fitted = m + 1;
            lamPrev = lam;
            if (user || fitted < MNLAM) {
                continue;
            }
            if (family == Family.GAUSSIAN) {
                double rsq = dev[m];
                double change = rsq == 0 ? Double.POSITIVE_INFINITY : (rsq - previousDev) / rsq;
                if (change < FDEV || rsq > DEVMAX) {
                    break;
                }
            } else if (family == Family.BINOMIAL) {
                if (dev[m] - dev[m - 1] < FDEV || dev[m] > DEVMAX || ((Binomial) solver).totalVarianceTooSmall()) {
                    break;
                }
            } else {
                if ((dev[m] - dev[m - MNLAM + 1]) / dev[m] < FDEV * 100 || dev[m] > DEVMAX * 0.99 / 0.999) {
                    break;
                }
            }
        }
        if (!user && fitted > 2) {
            lambdas[0] = lam0 * ys;
        }
        return new PenalizedPath(Arrays.copyOf(lambdas, fitted), Arrays.copyOf(a0, fitted), Arrays.copyOf(beta, fitted),
                Arrays.copyOf(df, fitted), Arrays.copyOf(dev, fitted), nulldev, pb.passes);
    }

    /** The standardised problem and the state shared by the solvers. */
    static final class Problem {
        final int n;
        final int p;
        final double[][] z;
        final double[] xv;
        final boolean[] ju;
        final double[] vp;
        final double alpha;
        final double thr;
        final int maxit;
        final double[] a;
        final double[] g;
        final boolean[] strong;
        final boolean[] active;
        int[] activeList;
        int nActive;
        int passes;

        Problem(int n, int p, double[][] z, double[] xv, boolean[] ju, double[] vp, double alpha, double thr,
                int maxit) {
            this.n = n;
            this.p = p;
            this.z = z;
            this.xv = xv;
            this.ju = ju;
            this.vp = vp;
            this.alpha = alpha;
            this.thr = thr;
            this.maxit = maxit;
            this.a = new double[p];
            this.g = new double[p];
            this.strong = new boolean[p];
            this.active = new boolean[p];
            this.activeList = new int[16];
        }

        void activate(int j) {
            if (!active[j]) {
                active[j] = true;
                if (nActive == activeList.length) {
                    activeList = Arrays.copyOf(activeList, 2 * nActive);
                }
                activeList[nActive++] = j;
            }
        }

        void pass() {
            if (++passes > maxit) {
                throw new ArithmeticException("the coordinate descent did not converge within " + maxit
                        + " passes (maxit)");
            }
        }

        /** The soft-thresholded coordinate update given u = a_j·xv_j + gradient_j and the curvature. */
        double update(int j, double u, double curvature, double lam) {
            double v = Math.abs(u) - vp[j] * lam * alpha;
            return v > 0 ? Math.copySign(v, u) / (curvature + vp[j] * lam * (1 - alpha)) : 0;
        }
    }

    /** x'y over the common length of x (all arrays here have n elements). */
    static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int len = Math.min(x.length, y.length);
        int i = 0;
        for (; i + 7 < len; i += 8) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
            s4 += x[i + 4] * y[i + 4];
            s5 += x[i + 5] * y[i + 5];
            s6 += x[i + 6] * y[i + 6];
            s7 += x[i + 7] * y[i + 7];
        }
        for (; i < len; i++) {
            s0 += x[i] * y[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** y −= a·x. */
    static void axpy(double a, double[] x, double[] y) {
        int len = Math.min(x.length, y.length);
        for (int i = 0; i < len; i++) {
            y[i] -= a * x[i];
        }
    }

    /** The family-specific point solver. */
    abstract static class Solver {
        final Problem pb;

        Solver(Problem pb) {
            this.pb = pb;
        }

        /** Computes the absolute gradients g of all features at the start (all coefficients zero). */
        abstract void start();

        /** Fits at λ (on the internal scale), leaving g current for the features not in the strong set. */
        abstract void solve(double lam);

        abstract double devRatio();

        /**
         * glmnet's coordinate descent at one λ: sweep the strong set; while the largest weighted change of a sweep is
         * at least {@code threshold}, iterate over the active set until it settles, then sweep the strong set again.
         *
         * @param coordinate updates coefficient j and returns its weighted change
         * @param afterSweep a step after each sweep (the binomial intercept), returning its weighted change
         */
        final void descend(IntToDoubleFunction coordinate, DoubleSupplier afterSweep, double threshold) {
            while (true) {
                pb.pass();
                double dlx = 0;
                for (int j = 0; j < pb.p; j++) {
                    if (pb.strong[j]) {
                        dlx = Math.max(dlx, coordinate.applyAsDouble(j));
                    }
                }
                dlx = Math.max(dlx, afterSweep.getAsDouble());
                if (dlx < threshold) {
                    return;
                }
                while (true) {
                    pb.pass();
                    double inner = 0;
                    for (int k = 0; k < pb.nActive; k++) {
                        inner = Math.max(inner, coordinate.applyAsDouble(pb.activeList[k]));
                    }
                    inner = Math.max(inner, afterSweep.getAsDouble());
                    if (inner < threshold) {
                        break;
                    }
                }
            }
        }

        /** Makes g exact for every feature outside the strong set (λ_max is read from it). */
        void exactGradients() {
        }

        double intercept() {
            return 0;
        }

        boolean hasIntercept() {
            return false;
        }
    }

    /**
     * The check of the features outside the strong set, skipping those that provably cannot violate their optimality
     * condition: with r₀ the working residual at the last full check, |z_j'r|/d ≤ |z_j'r₀|/d + ‖z_j‖·‖r − r₀‖/d
     * (Cauchy–Schwarz), so a feature whose bound is below its threshold λ·α·v_j needs no inner product. The check's
     * outcome, and so the fit, is the same as computing every inner product; when more than a quarter of the
     * features are in doubt, all are recomputed and r₀ moves to r.
     */
    static final class Screen {
        final Problem pb;
        final double divisor;
        final double[] rRef;
        final double[] gRef;

        Screen(Problem pb, double divisor) {
            this.pb = pb;
            this.divisor = divisor;
            this.rRef = new double[pb.n];
            this.gRef = new double[pb.p];
        }

        /** Computes g for every feature outside the strong set at r, and makes r the reference. */
        void refresh(double[] r) {
            for (int j = 0; j < pb.p; j++) {
                if (pb.ju[j] && !pb.strong[j]) {
                    pb.g[j] = Math.abs(dot(pb.z[j], r, pb.n)) / divisor;
                    gRef[j] = pb.g[j];
                }
            }
            System.arraycopy(r, 0, rRef, 0, r.length);
        }

        /** Whether any feature outside the strong set violates its condition at r (those that do become strong). */
        boolean violations(double[] r, double lam) {
            double dr = 0;
            for (int i = 0; i < r.length; i++) {
                double d = r[i] - rRef[i];
                dr += d * d;
            }
            double scale = Math.sqrt(dr * pb.n) / divisor;
            int uncertain = 0;
            int candidates = 0;
            for (int j = 0; j < pb.p; j++) {
                if (pb.ju[j] && !pb.strong[j]) {
                    candidates++;
                    if (!skippable(j, lam, scale)) {
                        uncertain++;
                    }
                }
            }
            boolean fresh = uncertain > candidates / 4;
            if (fresh) {
                refresh(r);
            }
            boolean violated = false;
            for (int j = 0; j < pb.p; j++) {
                if (pb.ju[j] && !pb.strong[j]) {
                    if (!fresh) {
                        if (skippable(j, lam, scale)) {
                            continue;
                        }
                        pb.g[j] = Math.abs(dot(pb.z[j], r, pb.n)) / divisor;
                    }
                    if (pb.g[j] > lam * pb.alpha * pb.vp[j]) {
                        pb.strong[j] = true;
                        violated = true;
                    }
                }
            }
            return violated;
        }

        private boolean skippable(int j, double lam, double scale) {
            double bound = (gRef[j] + Math.sqrt(pb.xv[j]) * scale) * (1 + 1e-10);
            return bound < lam * pb.alpha * pb.vp[j];
        }
    }

    /** Gaussian with residual (naive) updates: each update costs O(n). */
    static final class GaussianNaive extends Solver {
        final double[] r;
        final Screen screen;
        double rsq;

        GaussianNaive(Problem pb, double[] y) {
            super(pb);
            this.r = y;
            this.screen = new Screen(pb, pb.n);
        }

        @Override
        void start() {
            screen.refresh(r);
        }

        @Override
        void exactGradients() {
            screen.refresh(r);
        }

        private double coordinate(int j, double lam) {
            double[] zj = pb.z[j];
            int n = pb.n;
            double gj = dot(zj, r, n) / n;
            double ak = pb.a[j];
            double an = pb.update(j, gj + ak * pb.xv[j], pb.xv[j], lam);
            if (an == ak) {
                return 0;
            }
            double del = an - ak;
            pb.a[j] = an;
            axpy(del, zj, r);
            rsq += del * (2 * gj - del * pb.xv[j]);
            pb.activate(j);
            return pb.xv[j] * del * del;
        }

        @Override
        void solve(double lam) {
            while (true) {
                descend(j -> coordinate(j, lam), () -> 0, pb.thr);
                if (!screen.violations(r, lam)) {
                    return;
                }
            }
        }

        @Override
        double devRatio() {
            return rsq;
        }
    }

    /** Gaussian with covariance updates: the gradient of every feature is kept current through inner products. */
    static final class GaussianCovariance extends Solver {
        final double[] y;
        final double[] grad;
        final double[][] cross;
        double rsq;

        GaussianCovariance(Problem pb, double[] y) {
            super(pb);
            this.y = y;
            this.grad = new double[pb.p];
            this.cross = new double[pb.p][];
        }

        /** From inner products given in advance: z_j'ỹ/n and z_j'z_k/n. */
        GaussianCovariance(Problem pb, double[] grad, double[][] cross) {
            super(pb);
            this.y = null;
            this.grad = grad;
            this.cross = cross;
        }

        @Override
        void start() {
            for (int j = 0; j < pb.p; j++) {
                if (pb.ju[j]) {
                    if (y != null) {
                        grad[j] = dot(pb.z[j], y, pb.n) / pb.n;
                    }
                    pb.g[j] = Math.abs(grad[j]);
                }
            }
        }

        private double[] cross(int j) {
            if (cross[j] == null) {
                double[] c = new double[pb.p];
                for (int k = 0; k < pb.p; k++) {
                    if (pb.ju[k]) {
                        c[k] = dot(pb.z[k], pb.z[j], pb.n) / pb.n;
                    }
                }
                cross[j] = c;
            }
            return cross[j];
        }

        private double coordinate(int j, double lam) {
            double gj = grad[j];
            double ak = pb.a[j];
            double an = pb.update(j, gj + ak * pb.xv[j], pb.xv[j], lam);
            if (an == ak) {
                return 0;
            }
            double del = an - ak;
            pb.a[j] = an;
            double[] c = cross(j);
            for (int k = 0; k < pb.p; k++) {
                grad[k] -= del * c[k];
            }
            rsq += del * (2 * gj - del * pb.xv[j]);
            pb.activate(j);
            return pb.xv[j] * del * del;
        }

        @Override
        void solve(double lam) {
            while (true) {
                descend(j -> coordinate(j, lam), () -> 0, pb.thr);
                boolean violated = false;
                for (int j = 0; j < pb.p; j++) {
                    if (pb.ju[j] && !pb.strong[j]) {
                        pb.g[j] = Math.abs(grad[j]);
                        if (pb.g[j] > lam * pb.alpha * pb.vp[j]) {
                            pb.strong[j] = true;
                            violated = true;
                        }
                    }
                }
                if (!violated) {
                    return;
                }
            }
        }

        @Override
        double devRatio() {
            return rsq;
        }
    }

    /** Logistic regression by IRLS (Newton steps), coordinate descent inside each. */
    static final class Binomial extends Solver {
        final double[] y;
        final boolean intercept;
        final double[] eta;
        final double[] q;
        final double[] v;
        final double[] r;
        final double nullDeviance;
        final double shr;
        final Screen screen;
        double b0;
        double xmz;

        Binomial(Problem pb, double[] y, boolean intercept) {
            super(pb);
            this.y = y;
            this.intercept = intercept;
            int n = pb.n;
            this.eta = new double[n];
            this.q = new double[n];
            this.v = new double[n];
            this.r = new double[n];
            double ybar = 0;
            for (double yi : y) {
                ybar += yi;
            }
            ybar /= n;
            if (intercept && (ybar == 0 || ybar == 1)) {
                throw new IllegalArgumentException("the binomial response has only one class");
            }
            double q0 = intercept ? ybar : 0.5;
            b0 = Math.log(q0 / (1 - q0));
            Arrays.fill(eta, b0);
            Arrays.fill(q, q0);
            this.nullDeviance = deviance();
            this.shr = pb.thr * nullDeviance;
            this.screen = new Screen(pb, 1);
        }

        double deviance() {
            double s = 0;
            for (int i = 0; i < pb.n; i++) {
                s += y[i] > 0 ? Math.log(Math.max(q[i], PMIN)) : Math.log(Math.max(1 - q[i], PMIN));
            }
            return -2 * s / pb.n;
        }

        @Override
        void start() {
            residuals();
            screen.refresh(r);
        }

        @Override
        void exactGradients() {
            residuals();
            screen.refresh(r);
        }

        private void residuals() {
            double w = 1.0 / pb.n;
            xmz = 0;
            for (int i = 0; i < pb.n; i++) {
                v[i] = w * q[i] * (1 - q[i]);
                r[i] = w * (y[i] - q[i]);
                xmz += v[i];
            }
        }

        boolean totalVarianceTooSmall() {
            return xmz <= (1 + PMIN) * PMIN * (1 - PMIN);
        }

        private double coordinate(int j, double lam, double[] curv) {
            double[] zj = pb.z[j];
            int n = pb.n;
            double ak = pb.a[j];
            double an = pb.update(j, ak * curv[j] + dot(zj, r, n), curv[j], lam);
            if (an == ak) {
                return 0;
            }
            double del = an - ak;
            pb.a[j] = an;
            for (int i = 0; i < n; i++) {
                r[i] -= del * v[i] * zj[i];
                eta[i] += del * zj[i];
            }
            pb.activate(j);
            return curv[j] * del * del;
        }

        private double interceptStep() {
            if (!intercept) {
                return 0;
            }
            double sum = 0;
            for (double ri : r) {
                sum += ri;
            }
            double d = sum / xmz;
            b0 += d;
            for (int i = 0; i < pb.n; i++) {
                r[i] -= d * v[i];
                eta[i] += d;
            }
            return xmz * d * d;
        }

        @Override
        void solve(double lam) {
            int n = pb.n;
            double[] curv = new double[pb.p];
            double[] as = new double[pb.p];
            while (true) {
                while (true) {
                    residuals();
                    for (int j = 0; j < pb.p; j++) {
                        if (pb.strong[j]) {
                            double[] zj = pb.z[j];
                            double s = 0;
                            for (int i = 0; i < n; i++) {
                                s += v[i] * zj[i] * zj[i];
                            }
                            curv[j] = s;
                        }
                        as[j] = pb.a[j];
                    }
                    double b0s = b0;
                    descend(j -> coordinate(j, lam, curv), this::interceptStep, shr);
                    for (int i = 0; i < n; i++) {
                        double e = Math.max(-EXMX, Math.min(EXMX, eta[i]));
                        q[i] = 1 / (1 + Math.exp(-e));
                    }
                    boolean converged = xmz * (b0 - b0s) * (b0 - b0s) < shr;
                    for (int k = 0; k < pb.nActive && converged; k++) {
                        int j = pb.activeList[k];
                        double d = pb.a[j] - as[j];
                        converged = curv[j] * d * d < shr;
                    }
                    if (converged) {
                        break;
                    }
                }
                residuals();
                if (!screen.violations(r, lam)) {
                    return;
                }
            }
        }

        @Override
        double devRatio() {
            return 1 - deviance() / nullDeviance;
        }

        @Override
        double intercept() {
            return b0;
        }

        @Override
        boolean hasIntercept() {
            return intercept;
        }
    }

    /** Cox by IRLS on the linear predictor with the diagonal of the Hessian (glmnet's coxnet). */
    static final class Cox extends Solver {
        final CoxLikelihood like;
        final double[] f;
        final double[] w;
        final double[] wr;
        final double nullDeviance;
        final double cthr;
        final double l0;
        final Screen screen;

        Cox(Problem pb, double[] time, boolean[] event, Ties ties) {
            super(pb);
            double[] weights = new double[pb.n];
            Arrays.fill(weights, 1.0 / pb.n);
            this.like = new CoxLikelihood(time, event, weights, ties);
            this.f = new double[pb.n];
            this.w = new double[pb.n];
            this.wr = new double[pb.n];
            this.l0 = like.logLikelihood(f);
            this.nullDeviance = 2 * (like.saturated() - l0);
            this.cthr = pb.thr * nullDeviance / 2;
            this.screen = new Screen(pb, 1);
        }

        @Override
        void start() {
            like.derivatives(f, wr, w);
            screen.refresh(wr);
        }

        @Override
        void exactGradients() {
            screen.refresh(wr);
        }

        private double coordinate(int j, double lam, double[] curv) {
            double[] zj = pb.z[j];
            int n = pb.n;
            double ak = pb.a[j];
            double an = pb.update(j, ak * curv[j] + dot(wr, zj, n), curv[j], lam);
            if (an == ak) {
                return 0;
            }
            double del = an - ak;
            pb.a[j] = an;
            for (int i = 0; i < n; i++) {
                wr[i] -= del * w[i] * zj[i];
                f[i] += del * zj[i];
            }
            pb.activate(j);
            return curv[j] * del * del;
        }

        @Override
        void solve(double lam) {
            int n = pb.n;
            double[] curv = new double[pb.p];
            double[] as = new double[pb.p];
            while (true) {
                while (true) {
                    for (int j = 0; j < pb.p; j++) {
                        if (pb.strong[j]) {
                            double[] zj = pb.z[j];
                            double s = 0;
                            for (int i = 0; i < n; i++) {
                                s += w[i] * zj[i] * zj[i];
                            }
                            curv[j] = s;
                        }
                        as[j] = pb.a[j];
                    }
                    descend(j -> coordinate(j, lam, curv), () -> 0, cthr);
                    like.derivatives(f, wr, w);
                    boolean converged = true;
                    for (int k = 0; k < pb.nActive && converged; k++) {
                        int j = pb.activeList[k];
                        double d = pb.a[j] - as[j];
                        converged = curv[j] * d * d < cthr;
                    }
                    if (converged) {
                        break;
                    }
                }
                if (!screen.violations(wr, lam)) {
                    return;
                }
            }
        }

        @Override
        double devRatio() {
            return (like.logLikelihood(f) - l0) / (like.saturated() - l0);
        }
    }
}
