package io.daybreak.methods.stats.glm;

import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The regression methods' input, read once: the model formula evaluated on the data table ({@link ModelFrame}:
 * complete cases, factors, R's column names), split by the optional site column into {@link DesignMatrix}es (the
 * library's engine).
 *
 * @param sites  one design per site (one without siteColumn)
 * @param matrix the whole model matrix
 */
record GlmInput(List<DesignMatrix> sites, ModelMatrix matrix) {

    /** The design's column names, as R's {@code names(coef(fit))}. */
    List<String> terms() {
        return matrix.columnNames();
    }

    static GlmInput read(Table data, GlmColumns model, SiteSplit split, GlmFamily family) {
        SurvivalInput.data(data);
        ModelMatrix matrix = ModelFrame.build(data, model.model(), ModelFrame.Options.local("formula",
                model.references(), null), split.split() ? List.of(split.siteColumn()) : List.of());
        if (!matrix.responseLevels().isEmpty() && family != GlmFamily.BINOMIAL) {
            throw new InvalidParameterException("parameter 'formula': the response " + model.model().response().label()
                    + " is a factor (levels " + String.join(", ", matrix.responseLevels()) + "); only the binomial "
                    + "family takes one");
        }
        double[] y = matrix.y();
        for (int i = 0; i < y.length; i++) {
            String problem = family.checkResponse(y[i]);
            if (problem != null) {
                throw new InvalidParameterException("column '" + model.model().response().value().column()
                        + "' has the value " + io.daybreak.data.NumberText.text(y[i]) + " at row "
                        + (matrix.tableRows()[i] + 1) + "; it " + problem);
            }
        }
        List<DesignMatrix> sites = split.split()
                ? matrix.split(ModelFrame.values(data, matrix, split.siteColumn())).stream().map(DesignMatrix::of).toList()
                : List.of(DesignMatrix.of(matrix));
        return new GlmInput(sites, matrix);
    }
}
