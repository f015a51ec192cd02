package io.daybreak.methods.stats.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import io.daybreak.stats.federated.GlmReleases;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmSums;

/**
 * The site step of the federated GLM ({@code stats.glm}): step "sums" releases X'WX, X'Wz, the deviance and
 * n at the coordinator's coefficients (or at R's starting means when none are given), and nothing of a single
 * row. Before release the site checks the rows used (subset, complement and differencing against its
 * earlier answers), that the model is far from saturated, and that every level of a two-valued response or
 * covariate has at least the minimum cell count (its count follows from the sums).
 *
 * <p>Arguments: {@code response} (column), {@code covariates} (list of columns), {@code family},
 * optional {@code beta} (list), optional {@code interceptOnly} (boolean).
 */
@Component(service = SiteStep.class)
public final class GlmSiteStep implements SiteStep {
    public static final String METHOD = GlmReleases.METHOD;
    /** The rows and design of the latest models, so one fit's rounds read the columns once. */
    private final PreparedDesigns prepared = new PreparedDesigns();

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "sums", FormulaReleases.LEVELS_STEP);
        if (step.equals(FormulaReleases.LEVELS_STEP)) {
            return FormulaReleases.levels(guard, data, arguments);
        }
        GlmFamily family;
        try {
            family = GlmFamily.valueOf(Arguments.string(arguments, "family").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argument 'family' must be gaussian, binomial or poisson");
        }
        boolean interceptOnly = Boolean.TRUE.equals(arguments.get("interceptOnly"));
        DesignMatrix design = arguments.containsKey("formula") ? FormulaReleases.design(guard, data, arguments, true)
                : columnsDesign(arguments, data, guard);
        if (interceptOnly) {
            design = design.interceptOnly();
        }
        int p = design.x().length == 0 ? 0 : design.x()[0].length;
        double[] beta = arguments.containsKey("beta") ? Arguments.numbers(arguments, "beta", p) : null;
        for (double value : design.y()) {
            String problem = family.checkResponse(value);
            if (problem != null) {
                throw new IllegalArgumentException("argument 'response': " + (arguments.containsKey("formula")
                        ? "the formula's response" : "column '" + arguments.get("response") + "'") + ": every value " + problem);
            }
        }
        return GlmReleases.release(GlmSums.of(design.x(), design.y(), design.offset(), family, beta)).build();
    }

    /** The design of a response and numeric covariates, after the checks on its rows and columns. */
    private DesignMatrix columnsDesign(Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        String response = Arguments.string(arguments, "response");
        List<String> covariates = Arguments.strings(arguments, "covariates");
        PreparedDesigns.Prepared model = prepared.get(data, response, covariates, () -> {
            NumericColumns read = Arguments.columns(data, Arguments.named("response", response, "covariates",
                    covariates));
            return new PreparedDesigns.Prepared(read, DesignMatrix.of(read, response, covariates));
        });
        NumericColumns rows = model.rows();
        guard.rows("the rows of the model", rows.rowSet());
        guard.parameters("the model", covariates.size() + 1, rows.rows());
        List<String> columns = new ArrayList<>(List.of(response));
        columns.addAll(covariates);
        SiteChecks.binaryColumns(guard, rows, columns);
        return model.design();
    }
}
