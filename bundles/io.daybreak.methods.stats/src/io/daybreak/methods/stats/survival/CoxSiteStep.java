package io.daybreak.methods.stats.survival;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.federated.SiteChecks;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The site steps of the federated Cox model ({@code stats.cox}):
 * <ul>
 * <li>{@code eventTimes}: the site's distinct event times (the grid of pooled risk sets);</li>
 * <li>{@code sums}: at β, over the coordinator's grid, the risk-set and tie sums of {@link CoxSums};</li>
 * <li>{@code stratumLikelihood}: at β, the log partial likelihood, score and information of the site's own
 * data as one stratum (the site-stratified model, which releases no event times).</li>
 * </ul>
 * The first two release exact event times and are refused unless the site's policy allows that. Sums are
 * released only where every non-empty risk set has at least {@code minRiskSetSize} patients, consecutive risk
 * sets differ by 0 or at least {@code minRiskSetChange} patients, and every grid time with events has at least
 * {@code minCellCount} of them ({@link #checkRiskSets}). Every step checks the row set, the status column's
 * levels (the event value is looked up in it) and the levels of two-valued covariates.
 *
 * <p>Arguments: {@code time}, {@code status}, {@code eventValue}, {@code covariates} (list), {@code ties}
 * ("efron" or "breslow"), and {@code beta} and {@code grid} (lists) where the step needs them.
 */
@Component(service = SiteStep.class)
public final class CoxSiteStep implements SiteStep {
    public static final String METHOD = CoxReleases.METHOD;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "eventTimes", "sums", "stratumLikelihood");
        List<String> covariates = Arguments.strings(arguments, "covariates");
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        double eventValue = Arguments.number(arguments, "eventValue");
        int p = covariates.size();
        double[] beta = step.equals("eventTimes") ? null : Arguments.numbers(arguments, "beta", p);
        double[] grid = step.equals("sums") ? CoxReleases.grid(arguments, p) : null;
        if (!step.equals("stratumLikelihood")) {
            // a policy refusal first: it depends on no row
            guard.eventTimes(step.equals("sums") ? "the Cox model's risk-set sums" : "the Cox model's event times");
        }
        NumericColumns rows = Arguments.columns(data, Arguments.named("time", time, "status", status, "covariates",
                covariates));
        guard.rows("the rows of the model", rows.rowSet());
        guard.parameters("the model", p, rows.rows());
        SiteChecks.lookupColumn(guard, status, rows.column(status));
        SiteChecks.binaryColumns(guard, rows, covariates);
        double[] t = rows.column(time);
        boolean[] event = SurvivalInput.events(rows.column(status), eventValue);
        double[][] x = SurvivalInput.covariateRows(rows, covariates);
        switch (step) {
        case "eventTimes" -> {
            return Aggregates.builder().put("eventTimes", CoxSums.eventTimes(t, event)).build();
        }
        case "sums" -> {
            CoxSums sums = CoxSums.of(t, event, x, beta, grid);
            CoxReleases.checkRiskSets(guard, "the Cox model's risk-set sums", sums, rows.rows());
            return CoxReleases.toAggregates(sums);
        }
        default -> {
            CoxFit.Evaluation own = CoxSums.of(t, event, x, beta, CoxSums.eventTimes(t, event))
                    .evaluate(beta, !"breslow".equals(arguments.get("ties")));
            return Aggregates.builder().put("logLikelihood", own.logLikelihood()).put("score", own.score())
                    .putMatrix("information", own.information()).put("events", count(event)).build();
        }
        }
    }



    private static double count(boolean[] event) {
        int n = 0;
        for (boolean e : event) {
            n += e ? 1 : 0;
        }
        return n;
    }
}
