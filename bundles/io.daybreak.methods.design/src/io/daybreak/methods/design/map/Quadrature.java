package io.daybreak.methods.design.map;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/** Gauss–Hermite and composite Gauss–Legendre nodes (Hipparchus), computed once. */
final class Quadrature {
    /** Gauss–Hermite nodes and weights for ∫ f(x) e^{-x²} dx. */
    static final double[] HERMITE_X;
    static final double[] HERMITE_W;
    /** Gauss–Legendre nodes and weights on [-1, 1]. */
    static final double[] LEGENDRE_X;
    static final double[] LEGENDRE_W;

    static final int HERMITE_POINTS = 24;
    static final int LEGENDRE_POINTS = 16;

    static {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        GaussIntegrator hermite = factory.hermite(HERMITE_POINTS);
        HERMITE_X = new double[HERMITE_POINTS];
        HERMITE_W = new double[HERMITE_POINTS];
        for (int i = 0; i < HERMITE_POINTS; i++) {
            HERMITE_X[i] = hermite.getPoint(i);
            HERMITE_W[i] = hermite.getWeight(i);
        }
        GaussIntegrator legendre = factory.legendre(LEGENDRE_POINTS, -1, 1);
        LEGENDRE_X = new double[LEGENDRE_POINTS];
        LEGENDRE_W = new double[LEGENDRE_POINTS];
        for (int i = 0; i < LEGENDRE_POINTS; i++) {
            LEGENDRE_X[i] = legendre.getPoint(i);
            LEGENDRE_W[i] = legendre.getWeight(i);
        }
    }

    private Quadrature() {
    }

    /** Nodes and weights of composite Gauss–Legendre on [lo, hi] with {@code panels} equal panels: {x, w}. */
    static double[][] legendre(double lo, double hi, int panels) {
        int n = panels * LEGENDRE_POINTS;
        double[] x = new double[n];
        double[] w = new double[n];
        double width = (hi - lo) / panels;
        for (int p = 0; p < panels; p++) {
            double centre = lo + (p + 0.5) * width;
            for (int i = 0; i < LEGENDRE_POINTS; i++) {
                x[p * LEGENDRE_POINTS + i] = centre + 0.5 * width * LEGENDRE_X[i];
                w[p * LEGENDRE_POINTS + i] = 0.5 * width * LEGENDRE_W[i];
            }
        }
        return new double[][] {x, w};
    }

    /** log(1 + e^x) without overflow. */
    static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** 1 / (1 + e^{-x}). */
    static double expit(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
