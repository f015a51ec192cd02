package io.daybreak.methods.design.optimisation;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;

/** Parses per-arm probabilities given as text: arms separated by ',', scenarios by '/' (as design.compare). */
final class Scenarios {
    private Scenarios() {
    }

    static List<double[]> parse(String parameter, String text, int minArms, int maxArms) {
        List<double[]> scenarios = new ArrayList<>();
        String[] parts = text.split("/");
        for (int s = 0; s < parts.length; s++) {
            String[] values = parts[s].split(",");
            if (values.length < minArms || values.length > maxArms) {
                throw new InvalidParameterException("parameter '" + parameter + "': scenario " + (s + 1) + " has "
                        + values.length + " values; allowed: " + minArms + " to " + maxArms + " (one per arm, lowest "
                        + "dose first)");
            }
            double[] rates = new double[values.length];
            for (int j = 0; j < values.length; j++) {
                try {
                    rates[j] = Double.parseDouble(values[j].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("parameter '" + parameter + "': scenario " + (s + 1) + ", arm "
                            + (j + 1) + ": '" + values[j].strip() + "' is not a number");
                }
                if (!(rates[j] > 0 && rates[j] < 1)) {
                    throw new InvalidParameterException("parameter '" + parameter + "': scenario " + (s + 1) + ", arm "
                            + (j + 1) + " = " + rates[j] + " is out of range; allowed: real in (0, 1)");
                }
            }
            scenarios.add(rates);
        }
        return scenarios;
    }
}
