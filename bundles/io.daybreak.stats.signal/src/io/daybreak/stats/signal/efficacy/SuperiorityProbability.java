package io.daybreak.stats.signal.efficacy;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Thall &amp; Simon's criterion P(p_E &gt; p_S + δ | y, n): the posterior probability that the experimental response
 * rate p_E, Beta(a_E + y, b_E + n − y) after y responses in n patients, exceeds the standard-of-care rate p_S,
 * Beta(a_S, b_S) (prior only), by at least δ. This is {@code ph2bayes::postprob}.
 *
 * <p>Quadrature. Substituting u = F_S(x) (the standard-of-care CDF) turns the integral
 * ∫<sub>0</sub><sup>1−δ</sup> S_E(x + δ) f_S(x) dx into ∫<sub>0</sub><sup>F_S(1−δ)</sup> S_E(F_S<sup>−1</sup>(u) + δ) du,
 * whose integrand lies in [0, 1] and has no density singularity even when a_S or b_S &lt; 1. It is integrated by
 * composite Gauss–Legendre ({@value #POINTS} points per panel) on panels graded geometrically (ratio 1/8, down
 * to 1e-15 of the range) towards both ends, where the integrand behaves like a power of the distance to the end,
 * and uniform in between. The nodes x = F_S<sup>−1</sup>(u) depend on the standard-of-care prior and δ only, so they
 * are computed once (near the upper end from the survival function, so they keep their precision) and every
 * (y, n) costs one regularised incomplete beta per node. {@link #discrepancy} compares this rule with the
 * {@value #COARSE_POINTS}-point rule on the same panels: an estimate of the coarse rule's error and so, in
 * practice, an upper estimate of the fine one's. The tests check the results against R's adaptive
 * {@code integrate} run to a relative tolerance of 1e-13 (they agree to about 1e-15).
 *
 * <p>Immutable and thread-safe.
 */
public final class SuperiorityProbability {
    static final int POINTS = 20;
    static final int COARSE_POINTS = 10;
    private static final int UNIFORM_PANELS = 16;
    private static final double GRADING = 0.125;
    private static final double SMALLEST = 1e-15;

    private final double priorA;
    private final double priorB;
    private final double delta;
    private final double[] nodes;
    private final double[] weights;
    private final double[] coarseNodes;
    private final double[] coarseWeights;

    /**
     * @param priorA a_E of the experimental Beta prior, &gt; 0
     * @param priorB b_E of the experimental Beta prior, &gt; 0
     * @param standardA a_S of the standard-of-care Beta prior, &gt; 0
     * @param standardB b_S of the standard-of-care Beta prior, &gt; 0
     * @param delta the margin δ, 0 &le; δ &lt; 1
     */
    public SuperiorityProbability(double priorA, double priorB, double standardA, double standardB, double delta) {
        checkShape("priorA", priorA);
        checkShape("priorB", priorB);
        checkShape("standardA", standardA);
        checkShape("standardB", standardB);
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }
        this.priorA = priorA;
        this.priorB = priorB;
        this.delta = delta;
        BetaDistribution standard = BetaDistribution.of(standardA, standardB);
        double upperTail = standard.survivalProbability(1 - delta); // P(p_S > 1 - δ): no room for p_E there
        double range = 1 - upperTail;
        double[][] panels = panels();
        double[][] fine = rule(standard, upperTail, range, panels, POINTS);
        double[][] coarse = rule(standard, upperTail, range, panels, COARSE_POINTS);
        this.nodes = fine[0];
        this.weights = fine[1];
        this.coarseNodes = coarse[0];
        this.coarseWeights = coarse[1];
    }

    /** P(p_E &gt; p_S + δ | y responses in n patients). */
    public double probability(int responses, int patients) {
        return integrate(responses, patients, nodes, weights);
    }

    /**
     * |fine rule − coarse rule| at (y, n): an error estimate for the coarse rule, in practice an upper estimate of
     * the fine one's.
     */
    public double discrepancy(int responses, int patients) {
        return Math.abs(probability(responses, patients) - integrate(responses, patients, coarseNodes, coarseWeights));
    }

    public double delta() {
        return delta;
    }

    private double integrate(int responses, int patients, double[] x, double[] w) {
        if (responses < 0 || patients < responses) {
            throw new IllegalArgumentException("need 0 <= responses <= patients, got " + responses + " of " + patients);
        }
        BetaDistribution experimental = BetaDistribution.of(priorA + responses, priorB + patients - responses);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += w[i] * experimental.survivalProbability(x[i] + delta);
        }
        return Math.min(1, Math.max(0, sum));
    }

    /**
     * Panels as fractions of the range, each {lo, hi, end}: end 0 measures from the lower end, 1 from the upper
     * end. Geometric (ratio {@value #GRADING}) towards each end, uniform in between.
     */
    private static double[][] panels() {
        List<double[]> panels = new ArrayList<>();
        double first = 1.0 / UNIFORM_PANELS;
        List<Double> graded = new ArrayList<>();
        for (double d = first; d > SMALLEST; d *= GRADING) {
            graded.add(d);
        }
        for (int end = 0; end <= 1; end++) {
            panels.add(new double[] {0, graded.get(graded.size() - 1), end});
            for (int j = graded.size() - 1; j > 0; j--) {
                panels.add(new double[] {graded.get(j), graded.get(j - 1), end});
            }
        }
        for (int k = 1; k < UNIFORM_PANELS - 1; k++) {
            double lo = (double) k / UNIFORM_PANELS;
            double hi = (double) (k + 1) / UNIFORM_PANELS;
            panels.add(hi <= 0.5 ? new double[] {lo, hi, 0} : new double[] {1 - hi, 1 - lo, 1});
        }
        return panels.toArray(new double[0][]);
    }

    /**
     * Nodes x_i = F_S^-1(u_i) and weights for u on [0, range]. Points measured from the upper end (distance e)
     * are placed with x = S_S^-1(upperTail + e), so they keep full precision near x = 1 − δ.
     */
    private static double[][] rule(BetaDistribution standard, double upperTail, double range, double[][] panels,
            int points) {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        double[] x = new double[panels.length * points];
        double[] w = new double[panels.length * points];
        int k = 0;
        for (double[] panel : panels) {
            GaussIntegrator gauss = factory.legendreHighPrecision(points, panel[0] * range, panel[1] * range);
            for (int i = 0; i < points; i++) {
                double t = gauss.getPoint(i);
                x[k] = panel[2] == 0 ? standard.inverseCumulativeProbability(t)
                        : standard.inverseSurvivalProbability(upperTail + t);
                w[k] = gauss.getWeight(i);
                k++;
            }
        }
        return new double[][] {x, w};
    }

    private static void checkShape(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
