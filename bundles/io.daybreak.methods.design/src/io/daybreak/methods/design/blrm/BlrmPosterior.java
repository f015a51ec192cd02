package io.daybreak.methods.design.blrm;

import io.daybreak.methods.design.oc.BlrmPrior;

/**
 * The BLRM posterior of θ = (log α, log β) on a {@link BlrmGrid}: unnormalised weights at the nodes (prior
 * times likelihood) and, per row, suffix sums from which interval probabilities are read. Cohorts are added
 * incrementally by multiplying with the tabulated p_d and 1 − p_d.
 *
 * <p>Not thread-safe; each trial has its own (see {@link #fresh} and {@link #copy}).
 */
public final class BlrmPosterior {
    /** Rescale the weights when their total leaves [1e-200, 1e200], long before under- or overflow. */
    private static final double RESCALE_BELOW = 1e-200;
    private static final double RESCALE_ABOVE = 1e200;

    private final BlrmGrid grid;
    private final double[] weight;
    /** Per row (na + 1 entries): sum of the row's weights from node i to its end; the last entry is 0. */
    private final double[] suffix;
    private double total;

    BlrmPosterior(BlrmGrid grid) {
        this(grid, grid.prior.clone());
    }

    private BlrmPosterior(BlrmGrid grid, double[] weight) {
        this.grid = grid;
        this.weight = weight;
        this.suffix = new double[grid.nb * (grid.na + 1)];
        sums();
    }

    /** The model and interval boundaries given; the grid is tabulated here, once. */
    public static BlrmPosterior prior(BlrmModel model, double[] intervalBoundaries) {
        return new BlrmPosterior(new BlrmGrid(model, intervalBoundaries));
    }

    /** The prior a {@link BlrmPrior} setting gives for {@code doses} dose levels. */
    static BlrmPosterior prior(BlrmPrior prior, int doses) {
        return prior(BlrmModel.of(prior, doses), prior.checkedIntervals());
    }

    /** The prior again, sharing this posterior's grid. */
    public BlrmPosterior fresh() {
        return new BlrmPosterior(grid);
    }

    /** An independent posterior in the same state. */
    public BlrmPosterior copy() {
        return new BlrmPosterior(grid, weight.clone());
    }

    public BlrmModel model() {
        return grid.model;
    }

    int nodes() {
        return grid.nodes();
    }

    /** Multiplies in the likelihood of {@code size} patients at {@code dose}, {@code dlts} of whom had a DLT. */
    public void addCohort(int dose, int size, int dlts) {
        double[] p = grid.p[dose];
        double[] q = grid.q[dose];
        int nodes = grid.nodes();
        for (int k = 0; k < dlts; k++) {
            for (int i = 0; i < nodes; i++) {
                weight[i] *= p[i];
            }
        }
        for (int k = dlts; k < size; k++) {
            for (int i = 0; i < nodes; i++) {
                weight[i] *= q[i];
            }
        }
        sums();
    }

    /**
     * Conditions the prior on patients and DLTs per dose, in the log domain (any counts, without underflow);
     * replaces earlier data.
     */
    public void condition(int[] patients, int[] dlts) {
        double[] log = new double[grid.nodes()];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < grid.nb; j++) {
            double slope = Math.exp(grid.logBeta[j]);
            for (int i = 0; i < grid.na; i++) {
                double value = grid.model.logPrior(grid.logAlpha[i], grid.logBeta[j]);
                for (int d = 0; d < patients.length; d++) {
                    double eta = grid.logAlpha[i] + slope * grid.model.logDose(d);
                    if (dlts[d] > 0) {
                        value -= dlts[d] * log1pExp(-eta);
                    }
                    if (patients[d] > dlts[d]) {
                        value -= (patients[d] - dlts[d]) * log1pExp(eta);
                    }
                }
                log[j * grid.na + i] = value;
                max = Math.max(max, value);
            }
        }
        for (int i = 0; i < log.length; i++) {
            weight[i] = Math.exp(log[i] - max);
        }
        sums();
    }

    private static double log1pExp(double x) {
        return x > 35 ? x : Math.log1p(Math.exp(x));
    }

    private void sums() {
        int na = grid.na;
        total = 0;
        for (int j = 0; j < grid.nb; j++) {
            int row = j * na;
            int out = j * (na + 1);
            double sum = 0;
            suffix[out + na] = 0;
            for (int i = na - 1; i >= 0; i--) {
                sum += weight[row + i];
                suffix[out + i] = sum;
            }
            total += sum;
        }
        if (total < RESCALE_BELOW || total > RESCALE_ABOVE) {
            double scale = 1 / total;
            for (int i = 0; i < grid.nodes(); i++) {
                weight[i] *= scale;
            }
            for (int i = 0; i < suffix.length; i++) {
                suffix[i] *= scale;
            }
            total = 1;
        }
    }

    /** P(p_dose ≥ the boundary'th interval boundary | data). */
    public double probabilityAbove(int boundary, int dose) {
        BlrmGrid.Cut cut = grid.cuts[boundary][dose];
        int na = grid.na;
        double mass = 0;
        for (int j = 0; j < grid.nb; j++) {
            double tail = suffix[j * (na + 1) + cut.from[j]];
            int base = j * na + cut.base[j];
            int w = j * BlrmGrid.STENCIL;
            for (int s = 0; s < BlrmGrid.STENCIL; s++) {
                tail += cut.weights[w + s] * weight[base + s];
            }
            mass += tail;
        }
        return Math.min(1, Math.max(0, mass / total));
    }

    /**
     * Interval probabilities of a dose: element t is P(boundary_t ≤ p_d &lt; boundary_{t+1}), with boundaries
     * 0 and 1 added at the ends (for 0.16, 0.33: underdose, target, overdose).
     */
    public double[] intervalProbabilities(int dose) {
        int boundaries = grid.boundaries.length;
        double[] above = new double[boundaries + 2];
        above[0] = 1;
        for (int t = 0; t < boundaries; t++) {
            // Monotone by construction up to rounding: keep it so, so no interval is negative.
            above[t + 1] = Math.min(above[t], probabilityAbove(t, dose));
        }
        double[] intervals = new double[boundaries + 1];
        for (int t = 0; t <= boundaries; t++) {
            intervals[t] = above[t] - above[t + 1];
        }
        return intervals;
    }

    /** Posterior means of log α and log β. */
    public double[] meanTheta() {
        double a = 0;
        double b = 0;
        for (int j = 0; j < grid.nb; j++) {
            for (int i = 0; i < grid.na; i++) {
                double w = weight[j * grid.na + i];
                a += w * grid.logAlpha[i];
                b += w * grid.logBeta[j];
            }
        }
        return new double[] {a / total, b / total};
    }

    /** Posterior variances of log α and log β and their covariance (used by design.blrm-map-prior's checks). */
    public double[] covarianceTheta() {
        double[] mean = meanTheta();
        double vaa = 0;
        double vbb = 0;
        double vab = 0;
        for (int j = 0; j < grid.nb; j++) {
            double b = grid.logBeta[j] - mean[1];
            for (int i = 0; i < grid.na; i++) {
                double w = weight[j * grid.na + i];
                double a = grid.logAlpha[i] - mean[0];
                vaa += w * a * a;
                vbb += w * b * b;
                vab += w * a * b;
            }
        }
        return new double[] {vaa / total, vbb / total, vab / total};
    }

    /** Posterior mean and standard deviation of p_d. */
    public double[] meanAndSdProbability(int dose) {
        double[] p = grid.p[dose];
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < grid.nodes(); i++) {
            m1 += weight[i] * p[i];
            m2 += weight[i] * p[i] * p[i];
        }
        double mean = m1 / total;
        return new double[] {mean, Math.sqrt(Math.max(0, m2 / total - mean * mean))};
    }
}
