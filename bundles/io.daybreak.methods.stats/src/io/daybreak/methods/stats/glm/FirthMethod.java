package io.daybreak.methods.stats.glm;

import java.util.List;
import java.util.Map;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.Coefficients;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.glm.DesignMatrix;
import io.daybreak.stats.models.glm.FirthFit;
import io.daybreak.stats.models.glm.FirthSums;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * {@code stats.firth}: Firth-penalised logistic regression ({@link FirthFit}); with {@code siteColumn}, the exact
 * federated fit from the information, log-likelihood and modified score each site releases ({@link FirthSums}).
 */
@Component(service = Method.class)
public final class FirthMethod extends SettingsMethod<FirthMethod.FirthSettings> {
    /** What stats.firth takes: the model's columns and the site split, as stats.glm. */
    record FirthSettings(GlmColumns model, SiteSplit split) {
    }

    public FirthMethod() {
        super(FirthSettings.class, MethodDescriptor.builder("stats.firth",
                "Firth-penalised logistic regression")
                .category("statistics")
                .reference("Firth, Biometrika 80:27 (1993); Heinze & Schemper, Stat Med 21:2409 (2002); R logistf")
                .description("Bias-reduced logistic regression that stays finite under separation: coefficients, "
                        + "Wald standard errors, penalised log-likelihood; exact federated fit over sites.")
                .input(SurvivalInput.DATA)
                .output(Coefficients.SPEC));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, FirthSettings settings, MethodContext context) {
        GlmInput input = GlmInput.read(inputs.get("data"), settings.model(), settings.split(), GlmFamily.BINOMIAL);
        if (input.matrix().offset() != null) {
            throw new InvalidParameterException("parameter 'formula': stats.firth takes no offset()");
        }
        List<DesignMatrix> sites = input.sites();
        List<String> terms = input.terms();
        int p = terms.size();
        FirthFit fit;
        try {
            fit = FirthFit.fit(beta -> {
                context.checkCancelled();
                double[][] total = new double[p + 1][p];
                for (DesignMatrix site : sites) {
                    add(total, FirthSums.information(site.x(), site.y(), beta));
                }
                return total;
            }, (beta, inverse) -> {
                double[] total = new double[p];
                for (DesignMatrix site : sites) {
                    double[] score = FirthSums.modifiedScore(site.x(), site.y(), beta, inverse);
                    for (int a = 0; a < p; a++) {
                        total[a] += score[a];
                    }
                }
                return total;
            }, p);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the model cannot be fitted: the information matrix is singular "
                    + "(collinear covariates or a constant column?): " + e.getMessage());
        }
        long n = sites.stream().mapToLong(s -> s.y().length).sum();
        return MethodResult.builder()
                .output("coefficients", Coefficients.table(context.allocator(), terms, fit.coefficients(),
                        fit.standardErrors(), 0))
                .summary("formula", input.matrix().formula().toString())
                .summary("coefficientTable", new java.util.ArrayList<Object>(Coefficients.rows(terms, fit.coefficients(),
                        fit.standardErrors(), null, Coefficients.Layout.glm("OR", 0))))
                .summary("terms", List.copyOf(terms))
                .summary("coefficients", fit.coefficients())
                .summary("standardErrors", fit.standardErrors())
                .summary("penalizedLogLikelihood", fit.penalizedLogLikelihood())
                .summary("iterations", (long) fit.iterations())
                .summary("n", n)
                .summary("droppedRows", (long) input.matrix().dropped())
                .summary("sites", (long) sites.size())
                .build();
    }

    private static void add(double[][] total, double[][] part) {
        for (int a = 0; a < total.length; a++) {
            for (int b = 0; b < total[a].length; b++) {
                total[a][b] += part[a][b];
            }
        }
    }
}
