package io.daybreak.methods.design.oc;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;

/**
 * The text form of a mixture prior parameter, {@code "w,x,y,...;w,x,y,...;..."}: components separated by ';', each a
 * weight and the component's numbers separated by ','. Shared by the beta mixtures of the Phase II designs and the
 * bivariate normal mixtures of the BLRM; each checks its own ranges.
 */
public final class MixtureText {
    private MixtureText() {
    }

    /**
     * The components' numbers, each row {@code form.split(",").length} long, weights (first number) summing to 1
     * within 1e-6. Errors name {@code parameter}, the component and {@code form}.
     */
    public static List<double[]> components(String parameter, String text, String form) {
        int fields = form.split(",").length;
        String[] parts = text.trim().split(";");
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            if (parts[k].isBlank()) {
                continue;
            }
            String[] values = parts[k].trim().split(",");
            if (values.length != fields) {
                throw new InvalidParameterException("parameter '" + parameter + "': component " + (k + 1) + " '"
                        + parts[k].trim() + "' is not '" + form + "' (" + fields + " numbers separated by commas; "
                        + "components separated by ';')");
            }
            double[] row = new double[fields];
            for (int j = 0; j < fields; j++) {
                try {
                    row[j] = Double.parseDouble(values[j].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("parameter '" + parameter + "': component " + (k + 1) + ": '"
                            + values[j].trim() + "' is not a number");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidParameterException("parameter '" + parameter + "' holds no component '" + form + "'");
        }
        double sum = rows.stream().mapToDouble(r -> r[0]).sum();
        if (Math.abs(sum - 1) > 1e-6) {
            throw new InvalidParameterException("parameter '" + parameter + "': the weights sum to " + sum
                    + "; they must sum to 1 (within 1e-6)");
        }
        return rows;
    }
}
