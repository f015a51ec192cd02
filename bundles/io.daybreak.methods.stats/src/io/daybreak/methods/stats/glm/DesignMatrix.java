package io.daybreak.methods.stats.glm;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.methods.stats.data.NumericColumns;
import io.daybreak.methods.stats.survival.SurvivalInput;

/**
 * A site's regression data: the design matrix with an intercept column first, and the response. Reads the
 * response, covariates and optional site column of the regression methods, complete cases only.
 *
 * @param x rows of (1, covariates…)
 * @param y responses
 */
public record DesignMatrix(double[][] x, double[] y) {

    /** Adds the data input and the response, covariates and siteColumn parameters. */
    static MethodDescriptor.Builder declare(MethodDescriptor.Builder descriptor) {
        return descriptor.input(SurvivalInput.DATA)
                .parameter(ParameterSpec.string("response").doc("numeric response column"))
                .parameter(ParameterSpec.string("covariates").doc("comma-separated numeric columns; an intercept is added"))
                .parameter(ParameterSpec.string("siteColumn").optional()
                        .doc("split the rows into sites by this column and run the exact federated algorithm on them"));
    }

    /** The sites' design matrices (one site without siteColumn) and the rows dropped for missing values. */
    static List<DesignMatrix> sites(Table data, Parameters parameters, GlmFamily family, int[] dropped) {
        SurvivalInput.data(data);
        String response = parameters.string("response");
        List<String> covariates = covariates(parameters);
        List<String> names = new ArrayList<>(List.of(response));
        names.addAll(covariates);
        String siteColumn = parameters.has("siteColumn") ? parameters.string("siteColumn") : null;
        if (siteColumn != null && !names.contains(siteColumn)) {
            names.add(siteColumn);
        }
        NumericColumns all = NumericColumns.completeCases(data, "response/covariates", names);
        dropped[0] = all.dropped();
        for (double y : all.column(response)) {
            String problem = family.checkResponse(y);
            if (problem != null) {
                throw new InvalidParameterException("column '" + response + "' has the value " + y + "; it " + problem);
            }
        }
        List<DesignMatrix> sites = new ArrayList<>();
        if (siteColumn == null) {
            sites.add(of(all, response, covariates));
        } else {
            for (double value : all.distinct(siteColumn)) {
                sites.add(of(all.subset(siteColumn, value), response, covariates));
            }
        }
        return sites;
    }

    static List<String> covariates(Parameters parameters) {
        return NumericColumns.names("covariates", parameters.string("covariates"));
    }

    /** The term names: (Intercept) and the covariates. */
    static List<String> terms(Parameters parameters) {
        return terms(covariates(parameters));
    }

    static List<String> terms(List<String> covariates) {
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
    DesignMatrix interceptOnly() {
        double[][] ones = new double[y.length][1];
        for (double[] row : ones) {
            row[0] = 1;
        }
        return new DesignMatrix(ones, y);
    }
}
