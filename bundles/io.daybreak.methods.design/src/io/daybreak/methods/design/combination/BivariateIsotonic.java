package io.daybreak.methods.design.combination;

/**
 * Isotonic regression on a grid, increasing along rows and along columns: algorithm AS 206 (Bril, Dykstra, Pillers
 * &amp; Robertson, Applied Statistics 33:352-357, 1984, with its published corrections), ported step for step from the
 * Fortran {@code SMOOTH}/{@code PAV}/{@code DIST} that R's {@code Iso::biviso} calls, with biviso's defaults
 * (eps = sqrt(machine epsilon), eps2 = 1e-9, 50,000 cycles), so that the fits, and BOIN's choices made from them,
 * are the same to the last bit. Not thread-safe: give each thread its own (the work arrays are reused).
 */
final class BivariateIsotonic {
    private static final double EPS1 = Math.sqrt(Math.ulp(1.0));
    private static final double EPS2 = 1e-9;
    private static final int NCYCLE = 50_000;
    private static final double DELTA = 0.00001;
    private static final double FRACT = 0.5;

    private final int rows;
    private final int cols;
    // rows x cols, row-major (the Fortran's A(.,.,1..4) and G)
    private final double[] a1;
    private final double[] a2;
    private final double[] a3;
    private final double[] a4;
    private final double[] g;
    private final double[] b1;
    private final double[] b2;
    private final double[] b3;
    private final double[] colX;
    private final double[] colW;
    private final double[] fx;
    private final double[] pw;
    private final double[] w1;
    private final int[] nw;

    BivariateIsotonic(int rows, int cols) {
        if (rows < 2 || cols < 2) {
            throw new IllegalArgumentException("AS 206 needs at least 2 rows and 2 columns, got " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        a1 = new double[rows * cols];
        a2 = new double[rows * cols];
        a3 = new double[rows * cols];
        a4 = new double[rows * cols];
        g = new double[rows * cols];
        int nd = Math.max(rows, cols) + 1; // 1-based work arrays, as in the Fortran
        b1 = new double[nd];
        b2 = new double[nd];
        b3 = new double[nd];
        colX = new double[nd];
        colW = new double[nd];
        fx = new double[nd];
        pw = new double[nd];
        w1 = new double[nd];
        nw = new int[nd];
    }

    /**
     * The fit of {@code x} (row-major, rows × cols) with weights {@code w}, written into {@code out} (row-major).
     *
     * @throws IllegalStateException if a weight is negative, all weights are below 1e-5, or 50,000 cycles do not
     *                               converge (where biviso stops with an error)
     */
    void fit(double[] x, double[] w, double[] out) {
        double wsum = 0;
        double wxsum = 0;
        double wmin = 1.0e8;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double ww = w[i * cols + j];
                if (ww < 0) {
                    throw new IllegalStateException("negative weight " + ww);
                }
                if (ww < DELTA) {
                    continue;
                }
                wsum += ww;
                wxsum += ww * x[i * cols + j];
                if (ww < wmin) {
                    wmin = ww;
                }
            }
        }
        if (wsum < DELTA) {
            throw new IllegalStateException("all weights are below " + DELTA);
        }
        double wmean = wxsum / wsum;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double ww = w[i * cols + j];
                a3[i * cols + j] = ww;
                a4[i * cols + j] = x[i * cols + j];
                if (ww < DELTA) {
                    a3[i * cols + j] = FRACT * wmin;
                    a4[i * cols + j] = wmean;
                }
            }
        }
        smooth();
        System.arraycopy(g, 0, out, 0, rows * cols);
    }

    /** SMOOTH from label 8 on: the Dykstra-Robertson cycles with AS 206's choice of which direction goes first. */
    private void smooth() {
        int iflag = 0;
        double delr = 0;
        double delc = 0;
        int itic = 0;
        restart:
        while (true) {
            itic++;
            System.arraycopy(a4, 0, g, 0, g.length);
            java.util.Arrays.fill(a2, 0);
            java.util.Arrays.fill(a1, 0);
            int icount = 0;
            boolean columnsNext = iflag == 1 || (itic == 3 && delc > delr);
            while (true) {
                if (!columnsNext) { // label 25: smooth over rows
                    int jcount = 0;
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            b1[j + 1] = g[i * cols + j] - a1[i * cols + j];
                            b2[j + 1] = a3[i * cols + j];
                        }
                        pav(cols, b1, b2, b3);
                        int kcount = 0;
                        for (int j = 0; j < cols; j++) {
                            double ord = b3[j + 1];
                            a1[i * cols + j] = ord - b1[j + 1];
                            if (Math.abs(ord - g[i * cols + j]) < EPS1) {
                                kcount++;
                            }
                            g[i * cols + j] = ord;
                        }
                        if (kcount == cols) {
                            jcount++;
                        }
                    }
                    icount++;
                    if (icount == 2 && iflag == 1) {
                        delr = dist(a1);
                        iflag++;
                    }
                    if (icount == 2 && iflag == 2 && itic == 2) {
                        continue restart;
                    }
                    if (icount != 1) {
                        if (NCYCLE == icount) {
                            throw new IllegalStateException("bivariate isotonic regression did not converge");
                        }
                        if (jcount == rows) {
                            return;
                        }
                    }
                }
                columnsNext = false;
                // label 55: smooth over columns
                int lcount = 0;
                for (int j = 0; j < cols; j++) {
                    for (int i = 0; i < rows; i++) {
                        a2[i * cols + j] = g[i * cols + j] - a2[i * cols + j];
                        colX[i + 1] = a2[i * cols + j];
                        colW[i + 1] = a3[i * cols + j];
                    }
                    pav(rows, colX, colW, b3);
                    int mcount = 0;
                    for (int i = 0; i < rows; i++) {
                        double ord = b3[i + 1];
                        a2[i * cols + j] = ord - a2[i * cols + j];
                        if (Math.abs(ord - g[i * cols + j]) < EPS1) {
                            mcount++;
                        }
                        g[i * cols + j] = ord;
                    }
                    if (mcount == rows) {
                        lcount++;
                    }
                }
                icount++;
                if (icount == 2 && iflag == 0) {
                    delc = dist(a2);
                    iflag++;
                }
                if (icount == 2 && iflag == 1) {
                    continue restart;
                }
                if (icount == 1) {
                    continue; // back to the rows
                }
                if (lcount == cols) {
                    return;
                }
                if (NCYCLE == icount) {
                    throw new IllegalStateException("bivariate isotonic regression did not converge");
                }
            }
        }
    }

    /** DIST: the sum of squares in the Fortran's (column-major) order. */
    private double dist(double[] a) {
        double del = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                del += a[i * cols + j] * a[i * cols + j];
            }
        }
        return del;
    }

    /** AS 206.1, increasing order: pool adjacent violators of x[1..k] with weights w[1..k] into finalx[1..k]. */
    private void pav(int k, double[] x, double[] w, double[] finalx) {
        int nwc = k;
        for (int i = 1; i <= k; i++) {
            nw[i] = 1;
            fx[i] = x[i];
            pw[i] = w[i] * fx[i];
            w1[i] = w[i];
        }
        int ibel = k - 1;
        while (true) {
            int i = 1;
            while (i <= ibel) {
                int i1 = i + 1;
                if (fx[i] - fx[i1] <= EPS2) {
                    i++;
                    continue;
                }
                pw[i] = pw[i] + pw[i1];
                w1[i] = w1[i] + w1[i1];
                fx[i] = pw[i] / w1[i];
                nw[i] = nw[i] + nw[i1];
                nwc--;
                for (int j = i1; j <= ibel; j++) {
                    int j1 = j + 1;
                    pw[j] = pw[j1];
                    w1[j] = w1[j1];
                    fx[j] = fx[j1];
                    nw[j] = nw[j1];
                }
                ibel--;
            }
            if (ibel <= 0) {
                break;
            }
            int ordered = 0;
            for (int l = 1; l <= ibel; l++) {
                if (fx[l] - fx[l + 1] <= EPS2) {
                    ordered++;
                }
            }
            if (ordered == ibel) {
                break;
            }
        }
        int j = 1;
        int jl = 1;
        int ju = nw[1];
        while (true) {
            for (int l = jl; l <= ju; l++) {
                finalx[l] = fx[j];
            }
            j++;
            if (j > nwc) {
                return;
            }
            jl = ju + 1;
            ju = ju + nw[j];
        }
    }
}
