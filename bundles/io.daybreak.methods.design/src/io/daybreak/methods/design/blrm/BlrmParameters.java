package io.daybreak.methods.design.blrm;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;

/** The defaults of the BLRM methods, and the {@link BlrmPrior} group for methods that read parameters by name. */
final class BlrmParameters {
    static final double DEFAULT_MEAN_LOG_ALPHA = Math.log(0.25 / 0.75);
    static final double[] DEFAULT_INTERVALS = {0.16, 0.33};
    static final double DEFAULT_EWOC = 0.25;

    private BlrmParameters() {
    }

    /** Adds the model, prior and EWOC parameters to a descriptor. */
    static MethodDescriptor.Builder declare(MethodDescriptor.Builder descriptor) {
        return descriptor.settings(BlrmPrior.class);
    }

    static BlrmPrior bind(Parameters parameters) {
        return Settings.bind(BlrmPrior.class, parameters);
    }

    /** The model with every default: dose levels 1..K, reference the middle one, the default prior. */
    static BlrmModel defaultModel(int doses) {
        double[] amounts = levels(doses);
        return BlrmModel.of(amounts, middle(amounts), DEFAULT_MEAN_LOG_ALPHA, 2, 0, 1, 0);
    }

    static double[] levels(int doses) {
        double[] levels = new double[doses];
        for (int d = 0; d < doses; d++) {
            levels[d] = d + 1;
        }
        return levels;
    }

    /** The default reference dose: the amount of the middle level, ceil(K/2). */
    static double middle(double[] amounts) {
        return amounts[(amounts.length - 1) / 2];
    }
}
