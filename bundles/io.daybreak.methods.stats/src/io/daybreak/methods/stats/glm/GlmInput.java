package io.daybreak.methods.stats.glm;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The regression methods' input, declared and read once: the data table, the response, the covariates and an
 * optional site column; read as {@link DesignMatrix}es (the library's engine), complete cases only.
 */
final class GlmInput {
    private GlmInput() {
    }

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
            sites.add(DesignMatrix.of(all, response, covariates));
        } else {
            for (double value : all.distinct(siteColumn)) {
                sites.add(DesignMatrix.of(all.subset(siteColumn, value), response, covariates));
            }
        }
        return sites;
    }

    static List<String> covariates(Parameters parameters) {
        return NumericColumns.names("covariates", parameters.string("covariates"));
    }

    /** The term names: (Intercept) and the covariates. */
    static List<String> terms(Parameters parameters) {
        return DesignMatrix.terms(covariates(parameters));
    }
}
