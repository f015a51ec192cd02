package io.daybreak.methods.design.blrm;

/**
 * The quadrature grid of a {@link BlrmPosterior}, tabulated once per design and shared (immutable) by all
 * trials: an equally spaced grid over ±{@value #HALF_WIDTH_SDS} prior standard deviations of θ = (log α,
 * log β) around the prior mean, {@value #A_NODES_PER_SD} nodes per standard deviation of log α and
 * {@value #B_NODES_PER_SD} of log β, with p_d and 1 − p_d at every node and the prior density. For a mixture prior
 * the mean and standard deviations are the mixture's (spread between components included), so the grid covers
 * every component.
 *
 * <p>Why this grid: with every node's probabilities tabulated, adding a cohort costs a few multiplications
 * per node and no transcendental functions, which is what makes 1,000 simulated trials take well under a
 * second. Smooth integrals (the normalising constant, posterior means) by the trapezoidal rule converge
 * geometrically while the step is below the posterior standard deviation: log α's step is a twentieth of its
 * prior SD, log β's a twelfth. Interval probabilities P(p_d ≥ c) are integrals over a half-plane whose
 * boundary crosses each row of the grid at one point, log α = logit(c) − β·log(x_d/x*); along each row that
 * one-sided integral uses a cubic interpolant for the cut cell and Gregory's end correction beyond it (error
 * O(h⁴)), and the rows are then summed by the trapezoidal rule (smooth in log β). docs/validation.md compares
 * the result with nested adaptive quadrature in R.
 */
final class BlrmGrid {
    static final int HALF_WIDTH_SDS = 7;
    static final int A_NODES_PER_SD = 20;
    static final int B_NODES_PER_SD = 12;
    /** A mixture prior's grid has at most this many times a single normal's nodes per axis. */
    static final int MAX_MIXTURE_FACTOR = 2;
    /** Stencil points of a cut: log α nodes k − 1 … k + 4 around the cut cell [k, k + 1]. */
    static final int STENCIL = 6;
    /** Gregory's left-end correction to the trapezoidal sum from node m, on f_m … f_{m+3}, in units of h. */
    private static final double[] GREGORY = {-469.0 / 720, 177.0 / 720, -87.0 / 720, 19.0 / 720};

    final BlrmModel model;
    final int na;
    final int nb;
    final double[] logAlpha;
    final double[] logBeta;
    /** p_d and 1 − p_d per dose and node (node = row · na + column; a row has one log β). */
    final double[][] p;
    final double[][] q;
    final double[] prior;
    /** Logits of the interval boundaries, ascending. */
    final double[] boundaries;
    /** Cuts per boundary and dose. */
    final Cut[][] cuts;

    /** Where the half-plane log α ≥ c(log β) starts on each row, with the stencil weights of the cut cell. */
    static final class Cut {
        /** First node counted whole, per row (0: the whole row; na: none of it). */
        final int[] from;
        /** First stencil node per row. */
        final int[] base;
        /** {@link #STENCIL} weights per row, added to the suffix sum from {@link #from}. */
        final double[] weights;

        Cut(int rows) {
            from = new int[rows];
            base = new int[rows];
            weights = new double[rows * STENCIL];
        }
    }

    BlrmGrid(BlrmModel model, double[] intervalBoundaries) {
        this.model = model;
        BivariateNormalMixture mixture = model.prior();
        if (mixture.size() == 1) {
            na = 2 * HALF_WIDTH_SDS * A_NODES_PER_SD + 1;
            nb = 2 * HALF_WIDTH_SDS * B_NODES_PER_SD + 1;
            logAlpha = axis(mixture.meanLogAlpha(), mixture.sdLogAlpha(), A_NODES_PER_SD, na);
            logBeta = axis(mixture.meanLogBeta(), mixture.sdLogBeta(), B_NODES_PER_SD, nb);
        } else {
            logAlpha = mixtureAxis(mixture, true, A_NODES_PER_SD);
            logBeta = mixtureAxis(mixture, false, B_NODES_PER_SD);
            na = logAlpha.length;
            nb = logBeta.length;
        }
        int nodes = na * nb;
        int doses = model.doses();
        p = new double[doses][nodes];
        q = new double[doses][nodes];
        // Padding: a stencil near the end of the last row may read a few zero-weighted nodes past it.
        prior = new double[nodes + STENCIL];
        for (int j = 0; j < nb; j++) {
            double slope = Math.exp(logBeta[j]);
            for (int i = 0; i < na; i++) {
                int node = j * na + i;
                prior[node] = Math.exp(model.logPrior(logAlpha[i], logBeta[j]));
                for (int d = 0; d < doses; d++) {
                    double eta = logAlpha[i] + slope * model.logDose(d);
                    p[d][node] = 1 / (1 + Math.exp(-eta));
                    q[d][node] = 1 / (1 + Math.exp(eta));
                }
            }
        }
        boundaries = new double[intervalBoundaries.length];
        cuts = new Cut[intervalBoundaries.length][doses];
        for (int t = 0; t < intervalBoundaries.length; t++) {
            double c = intervalBoundaries[t];
            boundaries[t] = Math.log(c / (1 - c));
            for (int d = 0; d < doses; d++) {
                cuts[t][d] = cut(boundaries[t], d);
            }
        }
    }

    int nodes() {
        return na * nb;
    }

    double stepLogAlpha() {
        return logAlpha[1] - logAlpha[0];
    }

    double stepLogBeta() {
        return logBeta[1] - logBeta[0];
    }

    private static double[] axis(double mean, double sd, int perSd, int nodes) {
        double[] axis = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            axis[i] = mean + sd * ((double) (i - (nodes - 1) / 2) / perSd);
        }
        return axis;
    }

    /**
     * A mixture's axis: from the lowest component's mean − {@value #HALF_WIDTH_SDS} of its sds to the highest
     * component's mean + as many, so no component is cut short (a wide robust component included), with a step of
     * the narrowest component's sd / nodes per sd, but at most {@value #MAX_MIXTURE_FACTOR} times the nodes of a
     * single-normal grid (the step is then coarser, still a fraction of the narrowest sd for usual MAP mixtures).
     */
    private static double[] mixtureAxis(BivariateNormalMixture prior, boolean alpha, int perSd) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double narrowest = Double.POSITIVE_INFINITY;
        for (BivariateNormalMixture.Component c : prior.components()) {
            double mean = alpha ? c.meanLogAlpha() : c.meanLogBeta();
            double sd = alpha ? c.sdLogAlpha() : c.sdLogBeta();
            lo = Math.min(lo, mean - HALF_WIDTH_SDS * sd);
            hi = Math.max(hi, mean + HALF_WIDTH_SDS * sd);
            narrowest = Math.min(narrowest, sd);
        }
        int most = MAX_MIXTURE_FACTOR * 2 * HALF_WIDTH_SDS * perSd;
        int intervals = (int) Math.min(most, Math.ceil((hi - lo) / (narrowest / perSd)));
        intervals = Math.max(intervals, 2 * HALF_WIDTH_SDS * perSd);
        double[] axis = new double[intervals + 1];
        double step = (hi - lo) / intervals;
        for (int i = 0; i <= intervals; i++) {
            axis[i] = lo + i * step;
        }
        return axis;
    }

    /** The cut log α ≥ logit − β·log(x_d/x*) on every row. */
    private Cut cut(double logit, int dose) {
        Cut cut = new Cut(nb);
        double h = stepLogAlpha();
        for (int j = 0; j < nb; j++) {
            double c = logit - Math.exp(logBeta[j]) * model.logDose(dose);
            double position = (c - logAlpha[0]) / h;
            if (position <= 0) {
                cut.from[j] = 0;
            } else if (position >= na - 1) {
                cut.from[j] = na;
            } else {
                int k = (int) Math.floor(position);
                double u = position - k;
                cut.from[j] = k + 1;
                if (k >= 1 && k + 4 <= na - 1) {
                    cut.base[j] = k - 1;
                    cubicCellWeights(u, cut.weights, j * STENCIL);
                    for (int m = 0; m < GREGORY.length; m++) {
                        cut.weights[j * STENCIL + 2 + m] += GREGORY[m];
                    }
                } else {
                    // At the edge of the grid, where the posterior is negligible: linear cell, trapezoid beyond.
                    cut.base[j] = k;
                    cut.weights[j * STENCIL] = (1 - u) * (1 - u) / 2;
                    cut.weights[j * STENCIL + 1] = -u * u / 2;
                }
            }
        }
        return cut;
    }

    /**
     * Weights on f_{k−1} … f_{k+2} of ∫ from s = u to 1 of the cubic through them (s = 0 at node k, in units
     * of the step), by the two-point Gauss–Legendre rule, which is exact for cubics.
     */
    private static void cubicCellWeights(double u, double[] weights, int offset) {
        double mid = (1 + u) / 2;
        double half = (1 - u) / 2;
        double spread = half / Math.sqrt(3);
        for (double s : new double[] {mid - spread, mid + spread}) {
            weights[offset] += half * (-s * (s - 1) * (s - 2) / 6);
            weights[offset + 1] += half * ((s + 1) * (s - 1) * (s - 2) / 2);
            weights[offset + 2] += half * (-(s + 1) * s * (s - 2) / 2);
            weights[offset + 3] += half * ((s + 1) * s * (s - 1) / 6);
        }
    }
}
