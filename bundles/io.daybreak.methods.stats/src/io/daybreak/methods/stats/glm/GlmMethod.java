package io.daybreak.methods.stats.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.methods.stats.data.Coefficients;
import io.daybreak.methods.stats.data.NumericColumns;
import io.daybreak.methods.stats.survival.SurvivalInput;

/**
 * {@code stats.glm}: generalised linear models (gaussian, binomial, poisson; canonical links) by IRLS, as R's
 * {@code glm}. With {@code siteColumn}, the exact federated fit: per iteration each site releases only
 * X'WX, X'Wz, its deviance and n ({@link GlmSums}).
 */
@Component(service = Method.class)
public final class GlmMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("stats.glm",
            "Generalised linear model (gaussian, binomial, poisson)")
            .category("statistics")
            .reference("McCullagh & Nelder, Generalized Linear Models (1989); R stats::glm; DataSHIELD ds.glm")
            .description("Coefficients with standard errors and Wald tests, residual and null deviance, "
                    + "dispersion; exact federated fit over sites (sites release X'WX, X'Wz and deviance).")
            .input(SurvivalInput.DATA)
            .parameter(ParameterSpec.string("response").doc("numeric response column"))
            .parameter(ParameterSpec.string("covariates").doc("comma-separated numeric columns; an intercept is added"))
            .parameter(ParameterSpec.choice("family", "gaussian", "binomial", "poisson").defaultValue("gaussian"))
            .parameter(ParameterSpec.string("siteColumn").optional()
                    .doc("split the rows into sites by this column and run the exact federated algorithm on them"))
            .output(Coefficients.SPEC)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        Table data = inputs.get("data");
        if (data == null) {
            throw new InvalidParameterException("input table 'data' is required (run with --in data=file.csv)");
        }
        GlmFamily family = GlmFamily.valueOf(parameters.string("family").toUpperCase(Locale.ROOT));
        String response = parameters.string("response");
        List<String> covariates = NumericColumns.names("covariates", parameters.string("covariates"));
        List<String> names = new ArrayList<>(List.of(response));
        names.addAll(covariates);
        String siteColumn = parameters.has("siteColumn") ? parameters.string("siteColumn") : null;
        if (siteColumn != null && !names.contains(siteColumn)) {
            names.add(siteColumn);
        }
        NumericColumns all = NumericColumns.completeCases(data, "response/covariates", names);
        for (double y : all.column(response)) {
            String problem = family.checkResponse(y);
            if (problem != null) {
                throw new InvalidParameterException("column '" + response + "' has the value " + y + "; it " + problem);
            }
        }
        List<Site> sites = new ArrayList<>();
        if (siteColumn == null) {
            sites.add(Site.of(all, response, covariates));
        } else {
            for (double value : all.distinct(siteColumn)) {
                sites.add(Site.of(all.subset(siteColumn, value), response, covariates));
            }
        }
        int p = covariates.size() + 1;
        GlmFit fit = fit(sites, family, p, context, false);
        GlmFit nullFit = fit(sites, family, 1, context, true);
        List<String> terms = new ArrayList<>(List.of("(Intercept)"));
        terms.addAll(covariates);
        double tDf = family.estimatesDispersion() ? fit.n() - p : 0;
        return MethodResult.builder()
                .output("coefficients", Coefficients.table(context.allocator(), terms, fit.coefficients(),
                        fit.standardErrors(), tDf))
                .summary("coefficients", fit.coefficients())
                .summary("standardErrors", fit.standardErrors())
                .summary("deviance", fit.deviance())
                .summary("nullDeviance", nullFit.deviance())
                .summary("dispersion", fit.dispersion())
                .summary("iterations", (long) fit.iterations())
                .summary("n", fit.n())
                .summary("droppedRows", (long) all.dropped())
                .summary("sites", (long) sites.size())
                .build();
    }

    private static GlmFit fit(List<Site> sites, GlmFamily family, int p, MethodContext context, boolean interceptOnly) {
        Function<double[], GlmSums> released = beta -> {
            context.checkCancelled();
            GlmSums total = null;
            for (Site site : sites) {
                GlmSums sums = GlmSums.of(interceptOnly ? site.intercept : site.x, site.y, family, beta);
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
                    + "a constant column, or complete separation?): " + e.getMessage());
        }
    }

    /** One site's design matrix (intercept first) and response. */
    private record Site(double[][] x, double[][] intercept, double[] y) {
        static Site of(NumericColumns rows, String response, List<String> covariates) {
            int n = rows.rows();
            double[][] x = new double[n][covariates.size() + 1];
            double[][] intercept = new double[n][1];
            for (int i = 0; i < n; i++) {
                x[i][0] = 1;
                intercept[i][0] = 1;
            }
            for (int c = 0; c < covariates.size(); c++) {
                double[] column = rows.column(covariates.get(c));
                for (int i = 0; i < n; i++) {
                    x[i][c + 1] = column[i];
                }
            }
            return new Site(x, intercept, rows.column(response));
        }
    }
}
