package io.daybreak.methods.stats.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.federated.SiteChecks;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.FirthSums;
import io.daybreak.stats.models.glm.GlmFamily;

/**
 * The site step of federated Firth logistic regression ({@code stats.firth}, {@link FirthSums}). Step
 * "information" releases X'WX and the log-likelihood at the coordinator's β; step "score" releases the modified
 * score at β given the inverse of the pooled information (sent by the coordinator). The same checks as the GLM
 * apply before either release: a large enough subset and complement, and a model far from saturated.
 *
 * <p>Arguments: {@code response} (0/1 column), {@code covariates} (list), {@code beta} (list of p numbers);
 * for "score" also {@code inverseInformation} (p × p numbers, row by row).
 */
@Component(service = SiteStep.class)
public final class FirthSiteStep implements SiteStep {
    public static final String METHOD = "stats.firth";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "information", "score", FormulaReleases.LEVELS_STEP);
        if (step.equals(FormulaReleases.LEVELS_STEP)) {
            return FormulaReleases.levels(guard, data, arguments);
        }
        DesignMatrix design = arguments.containsKey("formula") ? FormulaReleases.design(guard, data, arguments, false)
                : columnsDesign(arguments, data, guard);
        int p = design.x().length == 0 ? 0 : design.x()[0].length;
        double[] beta = Arguments.numbers(arguments, "beta", p);
        double[] flat = step.equals("score") ? Arguments.numbers(arguments, "inverseInformation", p * p) : null;
        for (double value : design.y()) {
            if (GlmFamily.BINOMIAL.checkResponse(value) != null) {
                throw new IllegalArgumentException("argument 'response': the response must hold only 0 and 1");
            }
        }
        if (step.equals("information")) {
            return Aggregates.builder().putMatrix("information", FirthSums.information(design.x(), design.y(), beta))
                    .build();
        }
        double[][] inverse = new double[p][p];
        for (int a = 0; a < p; a++) {
            System.arraycopy(flat, a * p, inverse[a], 0, p);
        }
        return Aggregates.builder().put("score", FirthSums.modifiedScore(design.x(), design.y(), beta, inverse)).build();
    }

    private static DesignMatrix columnsDesign(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        String response = Arguments.string(arguments, "response");
        List<String> covariates = Arguments.strings(arguments, "covariates");
        int p = covariates.size() + 1;
        NumericColumns rows = Arguments.columns(data, Arguments.named("response", response, "covariates", covariates));
        guard.rows("the rows of the model", rows.rowSet());
        guard.parameters("the model", p, rows.rows());
        List<String> columns = new ArrayList<>(List.of(response));
        columns.addAll(covariates);
        SiteChecks.binaryColumns(guard, rows, columns);
        return DesignMatrix.of(rows, response, covariates);
    }
}
