package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
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
import io.daybreak.stats.models.survival.Concordance;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRobust;
import io.daybreak.stats.models.survival.CoxRows;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.models.survival.AdamParameter;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;
import io.daybreak.stats.models.survival.SurvivalInput;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;

/**
 * {@code stats.cox}: Cox proportional hazards by Newton–Raphson on the partial likelihood, Efron (default, as
 * R) or Breslow ties, optionally stratified. With {@code siteColumn}, the exact federated algorithm: each site
 * releases its distinct event times once, then per iteration only the risk-set and tie sums of
 * {@link CoxSums} (pooled risk sets, a common baseline hazard), or its own likelihood, score and information
 * (stratified by site).
 */
@Component(service = Method.class)
public final class CoxMethod extends SettingsMethod<CoxMethod.CoxSettings> {
    /** What stats.cox takes: the survival columns, the site split, the model, strata and how sites combine. */
    record CoxSettings(SurvivalColumns survival, SiteSplit split, CoxModel model,
            @Setting(optional = true, doc = "column of strata (separate baseline hazards); or strata(x) in the formula")
            String strata,
            @Adjust(name = "stratifyBySite", doc = "with siteColumn: each site is a stratum (its own baseline hazard)")
            SiteStrata bySite,
            Combine combine,
            @Setting(defaultValue = "false", doc = "robust (sandwich) standard errors, as coxph(robust = TRUE); "
                    + "cluster(x) in the formula sums the score residuals by cluster")
            boolean robust,
            AdamParameter adam) {
        CoxSettings {
            combine.requireSites(split);
        }

        /** Each site its own stratum: asked, and there are sites. */
        boolean stratifyBySite() {
            return bySite.stratifyBySite() && split.split();
        }
    }

    public CoxMethod() {
        super(CoxSettings.class, MethodDescriptor.builder("stats.cox",
                "Cox proportional hazards regression")
                .category("statistics")
                .reference("Cox, JRSS-B 34:187 (1972); Efron, JASA 72:557 (1977); Lu et al., JAMIA 22:1212 (2015); "
                        + "R survival::coxph")
                .description("Coefficients, standard errors, Wald tests and log partial likelihoods; Efron or Breslow "
                        + "ties; strata; exact federated fit over sites with pooled risk sets or site strata.")
                .input(SurvivalInput.DATA)
                .output(Coefficients.SPEC));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, CoxSettings settings, MethodContext context) {
        try (SurvivalData data = SurvivalData.of(inputs.get("data"), settings.survival(), settings.adam().param(), null,
                false, context.allocator())) {
            settings.model().checkCensoringFlag();
            return run(Map.of("data", data.table()), settings, data, context);
        }
    }

    private MethodResult run(Map<String, Table> inputs, CoxSettings settings, SurvivalData data, MethodContext context) {
        ModelMatrix all = CoxData.read(inputs.get("data"), data.survival(), settings.model(), settings.strata(),
                settings.split());
        List<String> covariates = all.columnNames();
        boolean efron = settings.model().efron();
        List<ModelMatrix> sites = settings.split().split()
                ? all.split(ModelFrame.values(inputs.get("data"), all, settings.split().siteColumn())) : List.of(all);
        int strataCount = all.strata() == null ? 1 : all.strataLabels().size();
        // The units whose risk sets are pooled: per stratum, either all sites together or each site alone.
        List<List<Subject>> units = new ArrayList<>();
        for (int stratum = 0; stratum < strataCount; stratum++) {
            List<Subject> stratumSites = new ArrayList<>();
            for (ModelMatrix site : sites) {
                stratumSites.add(Subject.of(all.strata() == null ? site : site.stratum(stratum)));
            }
            if (settings.stratifyBySite()) {
                stratumSites.forEach(s -> units.add(List.of(s)));
            } else {
                units.add(stratumSites);
            }
        }
        int p = covariates.size();
        if (!settings.combine().exact()) {
            return data.describe(metaAnalysis(sites, strataCount, settings, covariates, context, all)).build();
        }
        CoxFit fit = fit(units, p, efron, context);
        long events = all.events();
        String cluster = all.formula().cluster();
        double[][] robust = settings.robust() || cluster != null ? robustVariance(units, fit, efron,
                cluster == null ? null : ModelFrame.labels(inputs.get("data"), all, cluster), all) : null;
        double[] robustSe = robust == null ? null : java.util.stream.IntStream.range(0, p)
                .mapToDouble(a -> Math.sqrt(robust[a][a])).toArray();
        double[] concordance = concordance(all, fit, settings.stratifyBySite() ? siteCodes(inputs.get("data"), all,
                settings) : null);
        return data.describe(MethodResult.builder())
                .output("coefficients", Coefficients.table(context.allocator(), covariates, fit.coefficients(),
                        fit.standardErrors(), 0))
                .summary("formula", all.formula().toString())
                .summary("coefficientTable", new ArrayList<Object>(Coefficients.rows(covariates, fit.coefficients(),
                        fit.standardErrors(), robustSe, Coefficients.Layout.cox())))
                .summary("terms", List.copyOf(covariates))
                .summary("coefficients", fit.coefficients())
                .summary("standardErrors", fit.standardErrors())
                .summary("n", (long) all.rows())
                .summary("events", events)
                .summary("censored", (long) all.rows() - events)
                .summary("droppedRows", (long) all.dropped())
                .summary("eventValue", all.eventValue())
                .summary("logLikelihood", fit.logLikelihoodNull(), fit.logLikelihood())
                .summary("tests", new ArrayList<Object>(CoxTests.of(fit, robust)))
                .summary("concordance", concordance)
                .summary("iterations", (long) fit.iterations())
                .summary("ties", settings.model().ties())
                .summary("strata", new ArrayList<Object>(all.strataLabels()))
                .summary("sites", (long) sites.size())
                .build();
    }

    /**
     * The robust variance I⁻¹ B I⁻¹ (Lin &amp; Wei), B the sum over subjects, or over clusters, of the outer products of
     * the score residuals at β̂; each unit's residuals from its own pooled risk sets, as coxph computes them.
     *
     * @param clusters each row's cluster (in the order of {@code all}'s rows), or null for one per subject
     */
    private static double[][] robustVariance(List<List<Subject>> units, CoxFit fit, boolean efron, String[] clusters,
            ModelMatrix all) {
        int p = fit.coefficients().length;
        double[] beta = fit.coefficients();
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < all.tableRows().length; i++) {
            position.put(all.tableRows()[i], i);
        }
        java.util.Map<String, double[]> byCluster = new java.util.LinkedHashMap<>();
        double[][] meat = new double[p][p];
        for (List<Subject> unit : units) {
            double[] grid = unionOfEventTimes(unit);
            CoxSums pooled = null;
            for (Subject site : unit) {
                CoxSums sums = CoxSums.of(site.time, site.event, site.x, beta, grid);
                if (pooled == null) {
                    pooled = sums;
                } else {
                    pooled.add(sums);
                }
            }
            CoxRobust robust = CoxRobust.at(pooled, efron);
            for (Subject site : unit) {
                double[][] residuals = robust.residuals(site.time, site.event, site.x, beta);
                for (int i = 0; i < residuals.length; i++) {
                    if (clusters == null) {
                        for (int a = 0; a < p; a++) {
                            for (int b = 0; b < p; b++) {
                                meat[a][b] += residuals[i][a] * residuals[i][b];
                            }
                        }
                    } else {
                        double[] sum = byCluster.computeIfAbsent(clusters[position.get(site.rows[i])], c -> new double[p]);
                        for (int a = 0; a < p; a++) {
                            sum[a] += residuals[i][a];
                        }
                    }
                }
            }
        }
        for (double[] sum : byCluster.values()) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a][b] += sum[a] * sum[b];
                }
            }
        }
        return CoxRobust.sandwich(fit.covariance(), meat);
    }

    /** Rows above which the concordance (which compares every pair of rows) is not computed. */
    static final int CONCORDANCE_ROWS = 20_000;

    /**
     * Harrell's C of the linear predictor and its standard error, as {@code summary.coxph} reports them (within strata,
     * and within sites when each site is a stratum); NaN above {@link #CONCORDANCE_ROWS} rows.
     */
    private static double[] concordance(ModelMatrix all, CoxFit fit, int[] sites) {
        if (all.rows() > CONCORDANCE_ROWS) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] risk = new double[all.rows()];
        for (int i = 0; i < risk.length; i++) {
            for (int a = 0; a < fit.coefficients().length; a++) {
                risk[i] += all.x()[i][a] * fit.coefficients()[a];
            }
        }
        int[] strata = all.strata();
        if (sites != null) {
            strata = new int[risk.length];
            for (int i = 0; i < risk.length; i++) {
                strata[i] = (all.strata() == null ? 0 : all.strata()[i]) * 100_000 + sites[i];
            }
        }
        Concordance c = Concordance.of(all.time(), all.event(), risk, strata);
        return new double[] {c.concordance(), c.standardError()};
    }

    /** Each row's site, as an index into the sorted site values. */
    private static int[] siteCodes(Table data, ModelMatrix all, CoxSettings settings) {
        double[] values = ModelFrame.values(data, all, settings.split().siteColumn());
        double[] distinct = java.util.Arrays.stream(values).distinct().sorted().toArray();
        return java.util.Arrays.stream(values).mapToInt(v -> java.util.Arrays.binarySearch(distinct, v)).toArray();
    }

    /**
     * Fits the model whose partial likelihood sums over the units, each pooling the risk sets of its sites. A unit of
     * one site is evaluated from its rows directly; only a unit of several sites needs the sums on their union of
     * event times.
     */
    private static CoxFit fit(List<List<Subject>> units, int p, boolean efron, MethodContext context) {
        List<List<CoxRows>> rows = new ArrayList<>();
        List<double[]> grids = new ArrayList<>();
        for (List<Subject> unit : units) {
            rows.add(unit.stream().map(site -> CoxRows.of(site.time, site.event, site.x, null)).toList());
            grids.add(unit.size() == 1 ? null : unionOfEventTimes(unit)); // each site releases its event times once
        }
        Function<double[], CoxFit.Evaluation> evaluate = beta -> {
            context.checkCancelled();
            CoxFit.Evaluation total = null;
            for (int u = 0; u < units.size(); u++) {
                CoxFit.Evaluation evaluation;
                if (grids.get(u) == null) {
                    evaluation = rows.get(u).get(0).evaluate(beta, efron);
                } else {
                    CoxSums pooled = null;
                    for (CoxRows site : rows.get(u)) {
                        CoxSums released = site.sums(beta, grids.get(u));
                        if (pooled == null) {
                            pooled = released;
                        } else {
                            pooled.add(released);
                        }
                    }
                    evaluation = pooled.evaluate(beta, efron);
                }
                total = total == null ? evaluation : total.plus(evaluation);
            }
            return total;
        };
        try {
            return CoxFit.fit(evaluate, p);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the Cox model cannot be fitted: the information matrix is singular "
                    + "(collinear covariates or no events?): " + e.getMessage());
        }
    }

    /**
     * The labelled alternative: a separate fit per site, combined per coefficient by inverse-variance fixed
     * effect or DerSimonian–Laird random effects. Not exact: it differs from the pooled fit.
     */
    private static MethodResult.Builder metaAnalysis(List<ModelMatrix> sites, int strataCount, CoxSettings settings,
            List<String> covariates, MethodContext context, ModelMatrix all) {
        if (sites.size() < 2) {
            throw settings.combine().tooFewSites();
        }
        int p = covariates.size();
        List<double[]> estimates = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        for (ModelMatrix site : sites) {
            List<List<Subject>> units = new ArrayList<>();
            for (int stratum = 0; stratum < strataCount; stratum++) {
                units.add(List.of(Subject.of(all.strata() == null ? site : site.stratum(stratum))));
            }
            CoxFit fit = fit(units, p, settings.model().efron(), context);
            estimates.add(fit.coefficients());
            errors.add(fit.standardErrors());
        }
        MetaCombination combined = MetaCombination.of(estimates, errors, settings.combine().random());
        return combined.result(context, covariates)
                .summary("n", (long) all.rows())
                .summary("sites", (long) sites.size());
    }

    private static double[] unionOfEventTimes(List<Subject> sites) {
        return sites.stream().flatMapToDouble(s -> java.util.Arrays.stream(CoxSums.eventTimes(s.time, s.event)))
                .distinct().sorted().toArray();
    }

    /** One site's (or stratum's) rows in the arrays the Cox sums need. */
    private record Subject(double[] time, boolean[] event, double[][] x, int[] rows) {
        static Subject of(ModelMatrix rows) {
            return new Subject(rows.time(), rows.event(), rows.x(), rows.tableRows());
        }
    }
}
