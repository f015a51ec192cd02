package io.daybreak.stats.models.glm;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.stats.models.columns.NumericColumns;

/**
 * A site's regression data: the design matrix with an intercept column first, and the response (complete cases
 * of the columns named).
 *
 * @param x      rows of (1, covariates…)
 * @param y      responses
 * @param offset each row's offset (a known part of the linear predictor), or null for none
 */
public record DesignMatrix(double[][] x, double[] y, double[] offset) {

    /** A design without offset. */
    public DesignMatrix(double[][] x, double[] y) {
        this(x, y, null);
    }

    /** The design, response and offset of a formula's model matrix. */
    public static DesignMatrix of(io.daybreak.stats.models.formula.ModelMatrix matrix) {
        return new DesignMatrix(matrix.x(), matrix.y(), matrix.offset());
    }

    /** The term names: (Intercept) and the covariates. */
    public static List<String> terms(List<String> covariates) {
        List<String> terms = new ArrayList<>(List.of("(Intercept)"));
        terms.addAll(covariates);
        return terms;
    }

    /** The rows' design (intercept, then the covariates in order) and the response column. */
    public static DesignMatrix of(NumericColumns rows, String response, List<String> covariates) {
        int n = rows.rows();
        double[][] x = new double[n][covariates.size() + 1];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
        }
        for (int c = 0; c < covariates.size(); c++) {
            double[] column = rows.column(covariates.get(c));
            for (int i = 0; i < n; i++) {
                x[i][c + 1] = column[i];
            }
        }
        return new DesignMatrix(x, rows.column(response));
    }

    /** The intercept-only design of the same rows (for null deviances). */
    public DesignMatrix interceptOnly() {
        double[][] ones = new double[y.length][1];
        for (double[] row : ones) {
            row[0] = 1;
        }
        return new DesignMatrix(ones, y, offset);
    }
}
