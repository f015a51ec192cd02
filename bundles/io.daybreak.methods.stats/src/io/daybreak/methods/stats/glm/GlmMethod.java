package io.daybreak.methods.stats.glm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.data.Table;
import io.daybreak.methods.stats.settings.Combine;
import io.daybreak.stats.models.columns.Coefficients;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.federated.MetaCombination;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * {@code stats.glm}: generalised linear models (gaussian, binomial, poisson; canonical links) by IRLS, as R's
 * {@code glm}. With {@code siteColumn}, the exact federated fit: per iteration each site releases only
 * X'WX, X'Wz, its deviance and n ({@link GlmSums}).
 */
@Component(service = Method.class)
public final class GlmMethod extends SettingsMethod<GlmMethod.GlmSettings> {
    /** What stats.glm takes: the model's columns, the site split, the family and how sites combine. */
    record GlmSettings(GlmColumns model, SiteSplit split,
            @Setting(defaultValue = "gaussian")
            GlmFamily family,
            Combine combine) {
        GlmSettings {
            combine.requireSites(split);
        }
    }

    public GlmMethod() {
        super(GlmSettings.class, MethodDescriptor.builder("stats.glm",
                "Generalised linear model (gaussian, binomial, poisson)")
                .category("statistics")
                .reference("McCullagh & Nelder, Generalized Linear Models (1989); R stats::glm; DataSHIELD ds.glm")
                .description("Coefficients with standard errors and Wald tests, residual and null deviance, "
                        + "dispersion; exact federated fit over sites (sites release X'WX, X'Wz and deviance).")
                .input(SurvivalInput.DATA)
                .output(Coefficients.SPEC));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, GlmSettings settings, MethodContext context) {
        GlmFamily family = settings.family();
        GlmInput input = GlmInput.read(inputs.get("data"), settings.model(), settings.split(), family);
        List<DesignMatrix> sites = input.sites();
        List<String> terms = input.terms();
        int p = terms.size();
        if (!settings.combine().exact()) {
            if (sites.size() < 2) {
                throw settings.combine().tooFewSites();
            }
            List<double[]> estimates = new java.util.ArrayList<>();
            List<double[]> errors = new java.util.ArrayList<>();
            for (DesignMatrix site : sites) {
                GlmFit siteFit = fit(List.of(site), family, p, context);
                estimates.add(siteFit.coefficients());
                errors.add(siteFit.standardErrors());
            }
            return MetaCombination.of(estimates, errors, settings.combine().random()).result(context, terms)
                    .summary("sites", (long) sites.size()).build();
        }
        GlmFit fit = fit(sites, family, p, context);
        boolean intercept = input.matrix().hasIntercept();
        double nullDeviance = nullDeviance(sites, family, intercept, context);
        double tDf = family.estimatesDispersion() ? fit.n() - p : 0;
        List<Object> warnings = new java.util.ArrayList<>();
        if (!fit.converged()) {
            warnings.add("the fit did not converge in " + fit.iterations() + " iterations");
        }
        if (family == GlmFamily.BINOMIAL && fit.separated()) {
            warnings.add("fitted probabilities numerically 0 or 1 occurred: the data may be separated and the "
                    + "estimates infinite; use stats.firth");
        }
        return MethodResult.builder()
                .output("coefficients", Coefficients.table(context.allocator(), terms, fit.coefficients(),
                        fit.standardErrors(), tDf))
                .summary("formula", input.matrix().formula().toString())
                .summary("family", family.name().toLowerCase(java.util.Locale.ROOT))
                .summary("coefficientTable", new java.util.ArrayList<Object>(Coefficients.rows(terms, fit.coefficients(),
                        fit.standardErrors(), null, Coefficients.Layout.glm(ratioName(family), tDf))))
                .summary("terms", List.copyOf(terms))
                .summary("coefficients", fit.coefficients())
                .summary("standardErrors", fit.standardErrors())
                .summary("nullDeviance", nullDeviance)
                .summary("nullDf", fit.n() - (intercept ? 1 : 0))
                .summary("deviance", fit.deviance())
                .summary("residualDf", fit.n() - p)
                .summary("aic", fit.aic(family))
                .summary("dispersion", fit.dispersion())
                .summary("iterations", (long) fit.iterations())
                .summary("n", fit.n())
                .summary("droppedRows", (long) input.matrix().dropped())
                .summary("sites", (long) sites.size())
                .summary("converged", fit.converged())
                .summary("warnings", warnings)
                .build();
    }

    /** The name of exp(estimate): the odds ratio of a logit link, the rate ratio of a log link; none for identity. */
    static String ratioName(GlmFamily family) {
        return switch (family) {
        case BINOMIAL -> "OR";
        case POISSON -> "RR";
        default -> null;
        };
    }

    /**
     * R's null deviance: with an intercept and no offset, the deviance at μ = the mean response of all rows (see
     * {@link GlmSums#nullDeviance}); with an offset, that of the intercept-only model fitted with the offset; without
     * an intercept, the deviance at η = the offset (0 without one), as {@code glm.fit}.
     */
    private static double nullDeviance(List<DesignMatrix> sites, GlmFamily family, boolean intercept,
            MethodContext context) {
        boolean offset = sites.get(0).offset() != null;
        if (intercept && offset) {
            return fit(sites.stream().map(DesignMatrix::interceptOnly).toList(), family, 1, context).deviance();
        }
        double deviance = 0;
        if (!intercept) {
            for (DesignMatrix site : sites) {
                deviance += GlmSums.of(new double[site.y().length][0], site.y(), site.offset(), family, new double[0])
                        .deviance();
            }
            return deviance;
        }
        double sum = 0;
        long n = 0;
        for (DesignMatrix site : sites) {
            for (double y : site.y()) {
                sum += y;
            }
            n += site.y().length;
        }
        for (DesignMatrix site : sites) {
            deviance += GlmSums.nullDeviance(site.y(), family, sum / n);
        }
        return deviance;
    }

    private static GlmFit fit(List<DesignMatrix> sites, GlmFamily family, int p, MethodContext context) {
        Function<double[], GlmSums> released = beta -> {
            context.checkCancelled();
            GlmSums total = null;
            for (DesignMatrix site : sites) {
                GlmSums sums = GlmSums.of(site.x(), site.y(), site.offset(), family, beta);
                if (total == null) {
                    total = sums;
                } else {
                    total.add(sums);
                }
            }
            return total;
        };
        try {
            return GlmFit.fit(released, family, p);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the model cannot be fitted: X'WX is singular (collinear covariates, "
                    + "a constant column, or complete separation; for separated binary data use stats.firth): "
                    + e.getMessage());
        }
    }
}
