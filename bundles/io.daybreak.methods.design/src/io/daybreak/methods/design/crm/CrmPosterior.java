package io.daybreak.methods.design.crm;

import java.util.Arrays;

/**
 * The CRM posterior of β under a normal prior N(0, σ²), by deterministic quadrature: the trapezoidal rule
 * on an equally spaced grid over ±{@value #HALF_WIDTH_SDS} prior standard deviations with
 * {@value #NODES_PER_SD} nodes per standard deviation. For smooth integrands that decay like a normal
 * density the trapezoidal rule converges geometrically; its error is about exp(−2π²(s/h)²) for posterior
 * standard deviation s and step h, far below 1e-12 until s falls under a third of the prior SD. Log
 * probabilities are tabulated per node once per design, so an update costs one pass over the nodes.
 *
 * <p>Instances are reusable but not thread-safe ({@link #update} overwrites the weights).
 */
public final class CrmPosterior {
    static final int HALF_WIDTH_SDS = 8;
    static final int NODES_PER_SD = 10;
    /**
     * Nodes whose density is below e^−{@value} of the largest get weight 0: together at most 161 × e^−46 ≈ 2e-18
     * of the total mass, far below the rule's own error.
     */
    static final double NEGLIGIBLE = 46;
    private static final int[] NO_DOSES = {};
    private static final double[] NO_WEIGHTS = {};

    private final CrmModel model;
    private final double[] beta;
    private final double[] logPrior;
    private final double[][] logP;
    private final double[][] log1mP;
    /** p_d per node, for the weighted (TITE) likelihood of pending patients. Tables are [dose][node]. */
    private final double[][] probability;
    private final double[] weight;
    /** Scratch: the pending patients' likelihood factor per node. */
    private final double[] pendingProduct;
    private final double step;
    private final double priorVariance;
    private double total;
    private double maxLogDensity;
    /** The nodes with non-zero weight are first … last. */
    private int first;
    private int last;
    private int[] patients = new int[0];
    private int[] dlts = new int[0];
    private int[] pendingDose = NO_DOSES;
    private double[] pendingWeight = NO_WEIGHTS;

    /** 8-point Gauss-Legendre rule on [-1, 1]: nodes (positive half) and weights. */
    private static final double[] GL_NODES = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267,
        0.9602898564975363};
    private static final double[] GL_WEIGHTS = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745,
        0.1012285362903763};

    public CrmPosterior(CrmModel model, double priorVariance) {
        this.model = model;
        this.priorVariance = priorVariance;
        double sd = Math.sqrt(priorVariance);
        int nodes = 2 * HALF_WIDTH_SDS * NODES_PER_SD + 1;
        step = sd / NODES_PER_SD;
        beta = new double[nodes];
        logPrior = new double[nodes];
        logP = new double[model.doses()][nodes];
        log1mP = new double[model.doses()][nodes];
        probability = new double[model.doses()][nodes];
        weight = new double[nodes];
        pendingProduct = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            beta[i] = -HALF_WIDTH_SDS * sd + i * step;
            logPrior[i] = -0.5 * beta[i] * beta[i] / priorVariance;
            for (int d = 0; d < model.doses(); d++) {
                double[] logs = model.logProbabilities(d, beta[i]);
                logP[d][i] = logs[0];
                log1mP[d][i] = logs[1];
                probability[d][i] = Math.exp(logs[0]);
            }
        }
    }

    /** A posterior for another trial: shares the tabulated grid, has its own weights. */
    public CrmPosterior fresh() {
        return new CrmPosterior(this);
    }

    private CrmPosterior(CrmPosterior template) {
        this.model = template.model;
        this.beta = template.beta;
        this.logPrior = template.logPrior;
        this.logP = template.logP;
        this.log1mP = template.log1mP;
        this.probability = template.probability;
        this.step = template.step;
        this.priorVariance = template.priorVariance;
        this.weight = new double[template.beta.length];
        this.pendingProduct = new double[template.beta.length];
    }

    public CrmModel model() {
        return model;
    }

    /** Conditions on patients and DLTs per dose (replacing earlier data). */
    public void update(int[] patients, int[] dlts) {
        update(patients, dlts, NO_DOSES, NO_WEIGHTS, 0);
    }

    /**
     * Conditions on complete outcomes (patients and DLTs per dose) plus pending patients without a DLT so far,
     * each with a weight w in [0, 1), by the TITE-CRM weighted likelihood: a pending patient contributes
     * 1 − w·p_d (Cheung &amp; Chappell 2000). Replaces earlier data.
     */
    public void update(int[] patients, int[] dlts, int[] pendingDose, double[] pendingWeight, int pendingCount) {
        this.patients = patients.clone();
        this.dlts = dlts.clone();
        this.pendingDose = Arrays.copyOf(pendingDose, pendingCount);
        this.pendingWeight = Arrays.copyOf(pendingWeight, pendingCount);
        // Dose by dose over all nodes (the tables are dose-major), so that the inner loop runs over contiguous arrays;
        // each node still adds the prior and then the doses in increasing order.
        System.arraycopy(logPrior, 0, weight, 0, beta.length);
        for (int d = 0; d < patients.length; d++) {
            if (patients[d] > 0) {
                double y = dlts[d];
                double m = patients[d] - dlts[d];
                double[] logs = logP[d];
                double[] logs1m = log1mP[d];
                for (int i = 0; i < beta.length; i++) {
                    weight[i] += y * logs[i] + m * logs1m[i];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < beta.length; i++) {
            max = Math.max(max, weight[i]);
        }
        if (pendingCount > 0) {
            max = addPending(max, pendingCount);
        }
        maxLogDensity = max;
        total = 0;
        first = beta.length;
        last = -1;
        for (int i = 0; i < beta.length; i++) {
            double relative = weight[i] - max;
            if (relative < -NEGLIGIBLE) {
                weight[i] = 0;
                continue;
            }
            weight[i] = Math.exp(relative) * (i == 0 || i == beta.length - 1 ? 0.5 : 1);
            total += weight[i];
            first = Math.min(first, i);
            last = i;
        }
    }

    /**
     * Adds the pending patients' log-likelihood Σ log(1 − w_k·p_d(β)) to the nodes' complete-data log densities and
     * returns the new maximum. The factors are multiplied and logged once per node: each is at least 1 − w_k &gt; 0
     * and there are at most a few dozen, so the product cannot underflow, and its logarithm differs from the sum of
     * log1p terms by rounding only (about 1e-16 per factor). Every factor is at most 1, so a node whose
     * complete-data log density is more than {@value #NEGLIGIBLE} below the full log density of the complete-data
     * mode (a lower bound of the full maximum) is negligible whatever its factors are; it is not logged.
     */
    private double addPending(double completeMax, int pendingCount) {
        double[] product = pendingProduct;
        Arrays.fill(product, 1);
        for (int k = 0; k < pendingCount; k++) {
            double w = pendingWeight[k];
            double[] p = probability[pendingDose[k]];
            for (int i = 0; i < beta.length; i++) {
                product[i] *= 1 - w * p[i];
            }
        }
        int mode = 0;
        while (weight[mode] != completeMax) {
            mode++;
        }
        double skipBelow = completeMax + Math.log(product[mode]) - NEGLIGIBLE;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < beta.length; i++) {
            if (weight[i] < skipBelow) {
                weight[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            weight[i] += Math.log(product[i]);
            max = Math.max(max, weight[i]);
        }
        return max;
    }

    public double meanBeta() {
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += weight[i] * beta[i];
        }
        return sum / total;
    }

    public double varianceBeta() {
        double mean = meanBeta();
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += weight[i] * (beta[i] - mean) * (beta[i] - mean);
        }
        return sum / total;
    }

    /** Posterior mean of p_d. */
    public double meanProbability(int dose) {
        double[] p = probability[dose];
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += weight[i] * p[i];
        }
        return sum / total;
    }

    /**
     * The dose whose estimated DLT probability is closest to {@code target} (ties: the lower dose): p_d at the
     * posterior mean of β (dfcrm), or the posterior mean of p_d.
     */
    public int doseClosestTo(double target, boolean posteriorMeanOfP) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double meanBeta = meanBeta();
        for (int d = 0; d < model.doses(); d++) {
            double estimate = posteriorMeanOfP ? meanProbability(d) : model.probability(d, meanBeta);
            double distance = Math.abs(estimate - target);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = d;
            }
        }
        return best;
    }

    /** p_d at the posterior mean of β (dfcrm's estimate). */
    public double plugInProbability(int dose) {
        return model.probability(dose, meanBeta());
    }

    /**
     * P(p_1 &gt; rate | data): the posterior mass below the β where the lowest dose's probability equals
     * {@code rate}. A one-sided integral loses the trapezoidal rule's geometric convergence, so it is
     * computed with composite 8-point Gauss-Legendre panels, one prior standard deviation wide, on the
     * unnormalised density, and divided by the whole-line trapezoidal total.
     */
    public double probabilityLowestDoseAbove(double rate) {
        double cut = model.betaWhereLowestDoseReaches(rate);
        double low = beta[0];
        if (cut <= low) {
            return 0;
        }
        if (cut >= beta[beta.length - 1]) {
            return 1;
        }
        int panels = (int) Math.ceil((cut - low) / Math.sqrt(priorVariance));
        double width = (cut - low) / panels;
        double mass = 0;
        for (int panel = 0; panel < panels; panel++) {
            double centre = low + (panel + 0.5) * width;
            for (int k = 0; k < GL_NODES.length; k++) {
                double offset = 0.5 * width * GL_NODES[k];
                mass += GL_WEIGHTS[k] * (density(centre - offset) + density(centre + offset));
            }
        }
        mass *= 0.5 * width;
        return Math.min(1, mass / (total * step));
    }

    /** The unnormalised posterior density at β, on the scale of the grid weights. */
    private double density(double b) {
        double logDensity = -0.5 * b * b / priorVariance;
        for (int d = 0; d < patients.length; d++) {
            if (patients[d] > 0) {
                double[] logs = model.logProbabilities(d, b);
                logDensity += dlts[d] * logs[0] + (patients[d] - dlts[d]) * logs[1];
            }
        }
        for (int k = 0; k < pendingDose.length; k++) {
            logDensity += Math.log1p(-pendingWeight[k] * Math.exp(model.logProbabilities(pendingDose[k], b)[0]));
        }
        return Math.exp(logDensity - maxLogDensity);
    }
}
