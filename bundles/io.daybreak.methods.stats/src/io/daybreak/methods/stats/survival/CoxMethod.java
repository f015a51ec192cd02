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
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.federated.MetaCombination;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalInput;

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
            @Setting(optional = true, doc = "numeric column of strata (separate baseline hazards)")
            String strata,
            @Adjust(name = "stratifyBySite", doc = "with siteColumn: each site is a stratum (its own baseline hazard)")
            SiteStrata bySite,
            Combine combine) {
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
        List<String> covariates = settings.model().covariateNames();
        String strata = settings.strata();
        List<String> extra = new ArrayList<>(covariates);
        if (strata != null) {
            extra.add(strata);
        }
        NumericColumns all = SurvivalInput.read(inputs.get("data"), settings.survival(), settings.split(), extra);
        boolean efron = settings.model().efron();
        List<NumericColumns> sites = settings.split().sites(all);
        double[] strataLevels = strata == null ? new double[] {0} : all.distinct(strata);
        // The units whose risk sets are pooled: per stratum, either all sites together or each site alone.
        List<List<Subject>> units = new ArrayList<>();
        for (double level : strataLevels) {
            List<Subject> stratumSites = new ArrayList<>();
            for (NumericColumns site : sites) {
                NumericColumns rows = strata == null ? site : site.subset(strata, level);
                stratumSites.add(Subject.of(rows, settings.survival(), covariates));
            }
            if (settings.stratifyBySite()) {
                stratumSites.forEach(s -> units.add(List.of(s)));
            } else {
                units.add(stratumSites);
            }
        }
        int p = covariates.size();
        if (!settings.combine().exact()) {
            return metaAnalysis(sites, strataLevels, settings, covariates, context, all);
        }
        CoxFit fit = fit(units, p, efron, context);
        long events = units.stream().flatMap(List::stream).mapToLong(s -> s.events()).sum();
        return MethodResult.builder()
                .output("coefficients", Coefficients.table(context.allocator(), covariates, fit.coefficients(),
                        fit.standardErrors(), 0))
                .summary("terms", List.copyOf(covariates))
                .summary("coefficients", fit.coefficients())
                .summary("standardErrors", fit.standardErrors())
                .summary("logLikelihood", fit.logLikelihoodNull(), fit.logLikelihood())
                .summary("iterations", (long) fit.iterations())
                .summary("n", (long) all.rows())
                .summary("events", events)
                .summary("droppedRows", (long) all.dropped())
                .summary("ties", settings.model().ties())
                .summary("sites", (long) sites.size())
                .build();
    }

    /** Fits the model whose partial likelihood sums over the units, each pooling the risk sets of its sites. */
    private static CoxFit fit(List<List<Subject>> units, int p, boolean efron, MethodContext context) {
        List<double[]> grids = new ArrayList<>();
        for (List<Subject> unit : units) {
            grids.add(unionOfEventTimes(unit)); // each site releases its distinct event times once
        }
        Function<double[], CoxFit.Evaluation> evaluate = beta -> {
            context.checkCancelled();
            CoxFit.Evaluation total = null;
            for (int u = 0; u < units.size(); u++) {
                CoxSums pooled = null;
                for (Subject site : units.get(u)) {
                    CoxSums released = CoxSums.of(site.time, site.event, site.x, beta, grids.get(u));
                    if (pooled == null) {
                        pooled = released;
                    } else {
                        pooled.add(released);
                    }
                }
                CoxFit.Evaluation evaluation = pooled.evaluate(beta, efron);
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
    private static MethodResult metaAnalysis(List<NumericColumns> sites, double[] strataLevels, CoxSettings settings,
            List<String> covariates, MethodContext context, NumericColumns all) {
        if (sites.size() < 2) {
            throw settings.combine().tooFewSites();
        }
        String strata = settings.strata();
        int p = covariates.size();
        List<double[]> estimates = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        for (NumericColumns site : sites) {
            List<List<Subject>> units = new ArrayList<>();
            for (double level : strataLevels) {
                NumericColumns rows = strata == null ? site : site.subset(strata, level);
                units.add(List.of(Subject.of(rows, settings.survival(), covariates)));
            }
            CoxFit fit = fit(units, p, settings.model().efron(), context);
            estimates.add(fit.coefficients());
            errors.add(fit.standardErrors());
        }
        MetaCombination combined = MetaCombination.of(estimates, errors, settings.combine().random());
        return combined.result(context, covariates)
                .summary("n", (long) all.rows())
                .summary("sites", (long) sites.size())
                .build();
    }

    private static double[] unionOfEventTimes(List<Subject> sites) {
        return sites.stream().flatMapToDouble(s -> java.util.Arrays.stream(CoxSums.eventTimes(s.time, s.event)))
                .distinct().sorted().toArray();
    }

    /** One site's (or stratum's) rows in the arrays the Cox sums need. */
    private record Subject(double[] time, boolean[] event, double[][] x) {
        static Subject of(NumericColumns rows, SurvivalColumns survival, List<String> covariates) {
            return new Subject(survival.times(rows), survival.events(rows), SurvivalInput.covariateRows(rows, covariates));
        }

        long events() {
            long count = 0;
            for (boolean e : event) {
                count += e ? 1 : 0;
            }
            return count;
        }
    }
}
