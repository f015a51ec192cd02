package io.daybreak.methods.stats.survival;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.federated.StatusReleases;
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
        Arguments.step(METHOD, step, "eventTimes", "sums", "stratumLikelihood", StatusReleases.STEP,
                FormulaReleases.LEVELS_STEP);
        if (step.equals(StatusReleases.STEP)) {
            return StatusReleases.release(guard, data, arguments);
        }
        if (step.equals(FormulaReleases.LEVELS_STEP)) {
            return FormulaReleases.levels(guard, data, arguments);
        }
        Design design = arguments.containsKey("formula") ? formulaDesign(arguments, data, guard, step)
                : columnsDesign(arguments, data, guard, step);
        double[] t = design.time();
        boolean[] event = design.event();
        double[][] x = design.x();
        switch (step) {
        case "eventTimes" -> {
            return Aggregates.builder().put("eventTimes", CoxSums.eventTimes(t, event)).build();
        }
        case "sums" -> {
            CoxSums sums = CoxSums.of(t, event, x, design.beta(), design.grid());
            CoxReleases.checkRiskSets(guard, "the Cox model's risk-set sums", sums, t.length);
            return CoxReleases.toAggregates(sums);
        }
        default -> {
            CoxFit.Evaluation own = CoxSums.of(t, event, x, design.beta(), CoxSums.eventTimes(t, event))
                    .evaluate(design.beta(), !"breslow".equals(arguments.get("ties")));
            return Aggregates.builder().put("logLikelihood", own.logLikelihood()).put("score", own.score())
                    .putMatrix("information", own.information()).put("events", count(event)).build();
        }
        }
    }



    /** A site's rows as the Cox sums need them. */
    private record Design(double[] time, boolean[] event, double[][] x, double[] beta, double[] grid) {
    }

    /** The design of a formula and its agreed levels, after the checks of {@link FormulaReleases#matrix}. */
    private static Design formulaDesign(Map<String, Object> arguments, Table data, ReleaseGuard guard, String step) {
        String eventValue = arguments.containsKey("eventValue")
                ? io.daybreak.stats.models.columns.SummaryValues.level(Arguments.number(arguments, "eventValue")) : null;
        policyFirst(guard, step);
        ModelMatrix matrix = FormulaReleases.matrix(guard, data, arguments, eventValue).withoutIntercept();
        if (matrix.time() == null || matrix.strata() != null || matrix.offset() != null) {
            throw new IllegalArgumentException("argument 'formula' must be Surv(time, status) ~ terms, without strata() "
                    + "and offset()");
        }
        double[] status = new double[matrix.rows()];
        for (int i = 0; i < status.length; i++) {
            status[i] = matrix.event()[i] ? 1 : 0;
        }
        guard.counts("the events and censored rows", SiteChecks.levelCounts(status));
        int p = matrix.columns();
        return new Design(matrix.time(), matrix.event(), matrix.x(), beta(arguments, step, p), grid(arguments, step, p));
    }

    /** The design of numeric covariates, after the checks on its rows and columns. */
    private static Design columnsDesign(Map<String, Object> arguments, Table data, ReleaseGuard guard, String step) {
        List<String> covariates = Arguments.strings(arguments, "covariates");
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        double eventValue = Arguments.number(arguments, "eventValue");
        int p = covariates.size();
        double[] beta = beta(arguments, step, p);
        double[] grid = grid(arguments, step, p);
        policyFirst(guard, step);
        NumericColumns rows = Arguments.columns(data, Arguments.named("time", time, "status", status, "covariates",
                covariates));
        guard.rows("the rows of the model", rows.rowSet());
        guard.parameters("the model", p, rows.rows());
        SiteChecks.lookupColumn(guard, status, rows.column(status));
        SiteChecks.binaryColumns(guard, rows, covariates);
        return new Design(rows.column(time), SurvivalInput.events(rows.column(status), eventValue),
                SurvivalInput.covariateRows(rows, covariates), beta, grid);
    }

    private static double[] beta(Map<String, Object> arguments, String step, int p) {
        return step.equals("eventTimes") ? null : Arguments.numbers(arguments, "beta", p);
    }

    private static double[] grid(Map<String, Object> arguments, String step, int p) {
        return step.equals("sums") ? CoxReleases.grid(arguments, p) : null;
    }

    /** A policy refusal first: it depends on no row. */
    private static void policyFirst(ReleaseGuard guard, String step) {
        if (!step.equals("stratumLikelihood")) {
            guard.eventTimes(step.equals("sums") ? "the Cox model's risk-set sums" : "the Cox model's event times");
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
