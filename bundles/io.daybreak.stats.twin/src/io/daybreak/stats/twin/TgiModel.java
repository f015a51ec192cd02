package io.daybreak.stats.twin;

import java.util.List;

/**
 * The four Stein/Wilkerson models of the tumour size ratio f(t) = size(t) / size(first measurement), t in days
 * since the first measurement (R package tumgr's {@code gdrate}): every one has f(0) = 1, so the baseline carries
 * no information about the rates. Parameters are in the order of {@link #parameters()}; all are at least 0 and
 * φ is at most 1.
 */
public enum TgiModel {
    /** f = e^(−dt): regression only. */
    DX("dx", List.of("d")) {
        @Override
        double value(double[] p, double t) {
            return Math.exp(-p[0] * t);
        }

        @Override
        void gradient(double[] p, double t, double[] out) {
            out[0] = -t * Math.exp(-p[0] * t);
        }
    },
    /** f = e^(gt): growth only. */
    GX("gx", List.of("g")) {
        @Override
        double value(double[] p, double t) {
            return Math.exp(p[0] * t);
        }

        @Override
        void gradient(double[] p, double t, double[] out) {
            out[0] = t * Math.exp(p[0] * t);
        }
    },
    /** f = e^(−dt) + e^(gt) − 1: regression and growth. */
    GD("gd", List.of("d", "g")) {
        @Override
        double value(double[] p, double t) {
            return Math.exp(-p[0] * t) + Math.exp(p[1] * t) - 1;
        }

        @Override
        void gradient(double[] p, double t, double[] out) {
            out[0] = -t * Math.exp(-p[0] * t);
            out[1] = t * Math.exp(p[1] * t);
        }
    },
    /** f = φe^(gt) + (1 − φ)e^(−dt): a resistant fraction φ grows, the rest regresses. */
    GDPHI("gdphi", List.of("phi", "d", "g")) {
        @Override
        double value(double[] p, double t) {
            return p[0] * Math.exp(p[2] * t) + (1 - p[0]) * Math.exp(-p[1] * t);
        }

        @Override
        void gradient(double[] p, double t, double[] out) {
            out[0] = Math.exp(p[2] * t) - Math.exp(-p[1] * t);
            out[1] = -(1 - p[0]) * t * Math.exp(-p[1] * t);
            out[2] = p[0] * t * Math.exp(p[2] * t);
        }
    };

    private static final double[] D_STARTS = {0.001, 0.005, 0.01, 0.02, 0.05};
    private static final double[] G_STARTS = {0.0005, 0.002, 0.005, 0.01};
    private static final double[] PHI_STARTS = {0.1, 0.5, 0.9};

    private final String label;
    private final List<String> parameters;

    TgiModel(String label, List<String> parameters) {
        this.label = label;
        this.parameters = parameters;
    }

    /** The model at t for parameters p. */
    abstract double value(double[] p, double t);

    /** ∂f/∂p at t into {@code out}. */
    abstract void gradient(double[] p, double t, double[] out);

    /** The name used by tumgr and in the outputs (dx, gx, gd, gdphi). */
    public String label() {
        return label;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** Index of a parameter (d, g or phi), or −1 if the model does not have it. */
    public int index(String parameter) {
        return parameters.indexOf(parameter);
    }

    double upper(int k) {
        return parameters.get(k).equals("phi") ? 1 : Double.POSITIVE_INFINITY;
    }

    /** The starting grid: every combination of d, g and φ starts the model uses (as twin.R). */
    double[][] starts() {
        int count = 1;
        double[][] values = new double[parameters.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = switch (parameters.get(k)) {
            case "d" -> D_STARTS;
            case "g" -> G_STARTS;
            default -> PHI_STARTS;
            };
            count *= values[k].length;
        }
        double[][] starts = new double[count][values.length];
        for (int s = 0; s < count; s++) {
            int rest = s;
            for (int k = 0; k < values.length; k++) {
                starts[s][k] = values[k][rest % values[k].length];
                rest /= values[k].length;
            }
        }
        return starts;
    }

    /** The model by its label. */
    public static TgiModel of(String label) {
        for (TgiModel model : values()) {
            if (model.label.equals(label)) {
                return model;
            }
        }
        throw new IllegalArgumentException("no TGI model " + label);
    }
}
