package io.daybreak.methods.stats.glm;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The regression methods' input, read once: the data table's response, covariates and optional site column
 * ({@link GlmColumns}, {@link SiteSplit}) as {@link DesignMatrix}es (the library's engine), complete cases only.
 */
final class GlmInput {
    private GlmInput() {
    }

    /** The sites' design matrices (one site without siteColumn) and the rows dropped for missing values. */
    static List<DesignMatrix> sites(Table data, GlmColumns model, SiteSplit split, GlmFamily family, int[] dropped) {
        SurvivalInput.data(data);
        String response = model.response();
        List<String> covariates = model.covariateNames();
        List<String> names = new ArrayList<>(List.of(response));
        names.addAll(covariates);
        String siteColumn = split.siteColumn();
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
        return split.sites(all).stream().map(rows -> DesignMatrix.of(rows, response, covariates)).toList();
    }
}
