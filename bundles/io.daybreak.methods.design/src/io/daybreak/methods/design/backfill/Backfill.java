package io.daybreak.methods.design.backfill;

import java.util.function.Supplier;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.interval.BoinBoundaries;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;

/**
 * Settings group: backfill cohorts (BF-BOIN) for the simulated dose-finding designs (design.boin, design.blrm, ...).
 * Off by default; then the design runs exactly as without the group. See {@link BackfillRules} and
 * {@link BackfillSimulation}, and docs/designs.md, "Backfill cohorts".
 */
public record Backfill(
        @Setting(defaultValue = "false", doc = "backfill patients at cleared doses below the current dose while the "
                + "escalation cohort's DLT outcomes are pending (BF-BOIN); simulates in calendar time")
        boolean backfill,
        @Setting(unit = "patients", min = 1, max = 1000, defaultValue = "12",
                doc = "a dose closes for backfilling once it holds this many patients, escalation and backfill")
        int backfillCap,
        @Setting(unit = "patients", min = 0, max = 100000, defaultValue = "1000",
                doc = "the most patients backfilled in one trial")
        int backfillTotal,
        @Setting(unit = "patients per month", min = 0, minInclusive = false, max = 1000, defaultValue = "3",
                doc = "patient arrival rate; an arrival joins the escalation cohort while it has room, else is backfilled "
                        + "or turned away")
        double backfillRate,
        @Setting(unit = "months", min = 0, minInclusive = false, max = 120, defaultValue = "1",
                doc = "DLT assessment window (DLT times Weibull with half the DLT probability by half the window)")
        double backfillWindow,
        @Setting(defaultValue = "uniform", doc = "arrival gaps uniform on (0, 2/rate) (BF-BOIN's software) or "
                + "exponential (a Poisson process)")
        @Choice({"uniform", "poisson"})
        String backfillAccrual,
        @Setting(defaultValue = "true", doc = "pool backfill patients with known outcomes into the escalation "
                + "decisions and the MTD selection (BF-BOIN); false: they inform only backfilling and the optimal dose")
        boolean backfillUseInDecisions,
        @Setting(unit = "responses", min = 0, max = 1000, defaultValue = "0",
                doc = "responses that must be known at a dose before it opens for backfilling (BF-BOIN: 1; needs "
                        + "true response probabilities, 'efficacy')")
        int backfillMinResponses,
        @Setting(unit = "patients per month", min = 0, max = 1000, defaultValue = "0",
                doc = "a second accrual stream of patients eligible for backfill only (e.g. from expansion sites), "
                        + "on top of backfillRate; they are backfilled while a full escalation cohort's outcomes are "
                        + "pending, else turned away (0: none)")
        double backfillOnlyRate) {

    /** The rules, with the closing rule at the de-escalation boundary {@code lambdaD}. */
    public BackfillRules rules(double lambdaD) {
        return new BackfillRules(backfillCap, backfillTotal, backfillRate, backfillAccrual.equals("poisson"),
                backfillWindow, backfillUseInDecisions, backfillMinResponses, lambdaD, backfillOnlyRate);
    }

    /** BOIN's de-escalation boundary at the default φ2 = 1.4 target, for designs that have none of their own. */
    public static double defaultLambdaD(double target) {
        return BoinBoundaries.of(target, 0.6 * target, 1.4 * target).lambdaD();
    }

    /**
     * Simulates the design with backfilling and writes the byDose table and the summary
     * ({@link BackfillSummary#summarize}) into a new result builder.
     *
     * @param efficacy true response probabilities per dose, or null
     */
    public MethodResult.Builder simulate(Supplier<DoseFindingTrial> design, double[] truth, double[] efficacy,
            double target, int maxPatients, double lambdaD, long trials, MethodContext context) {
        return simulate(design, truth, efficacy, target, maxPatients, lambdaD, OptimalDose.BOIN12_UTILITY, trials,
                context);
    }

    /** As above with the optimal-dose rule given; null for a design that selects the optimal dose itself (BOIN12). */
    public MethodResult.Builder simulate(Supplier<DoseFindingTrial> design, double[] truth, double[] efficacy,
            double target, int maxPatients, double lambdaD, OptimalDose optimal, long trials, MethodContext context) {
        if (efficacy != null && efficacy.length != truth.length) {
            throw new InvalidParameterException("parameter 'efficacy' has " + efficacy.length + " values but 'truth' has "
                    + truth.length + " doses; they must match");
        }
        if (efficacy == null && backfillMinResponses > 0) {
            throw new InvalidParameterException("parameter 'backfillMinResponses' = " + backfillMinResponses
                    + " needs 'efficacy' (true response probabilities per dose); give it or set backfillMinResponses = 0");
        }
        if (efficacy != null) {
            for (int d = 0; d < efficacy.length; d++) {
                if (Double.isNaN(efficacy[d])) {
                    throw new InvalidParameterException("parameter 'efficacy': value " + (d + 1) + " is not a number");
                }
            }
        }
        BackfillSummary summary = BackfillSimulation.simulate(design, truth, efficacy, target, maxPatients,
                rules(lambdaD), optimal, trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), summary.oc().table(context.allocator(), trials));
        summary.summarize(result);
        return result;
    }
}
