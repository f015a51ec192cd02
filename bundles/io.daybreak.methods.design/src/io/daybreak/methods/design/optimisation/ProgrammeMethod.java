package io.daybreak.methods.design.optimisation;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.design.backfill.Backfill;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.SettingsDefaults;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.programme}: a dose-optimisation programme simulated as one trial per random stream (docs/adr/0039):
 * escalation (BOIN, Keyboard or CRM at their published defaults, as design.compare runs them, or BOIN12), then a randomised
 * stage among the escalation's selected dose and the doses below it ({@link ArmRules}). Trial r draws escalation
 * toxicities from stream r (as every design), escalation responses from r + EFFICACY_STREAMS and the randomised
 * stage from r + RANDOMISED_STREAMS, so the escalation part is the escalation design's own simulation.
 */
@Component(service = Method.class)
public final class ProgrammeMethod extends DesignMethod<ProgrammeMethod.ProgrammeSettings> {
    private static final CrmModelFamily CRM_MODEL = SettingsDefaults.of(CrmModelFamily.class);

    static final TableSpec BY_DOSE = TableSpec.of("byDose", "per dose: truth, selection by the escalation and by the "
            + "programme (percent of trials, with its Monte Carlo SE), mean patients, DLTs and responses per stage",
            column("dose", INT64), column("toxicity", FLOAT64), column("efficacy", FLOAT64), column("utility", FLOAT64),
            column("escalationSelectedPercent", FLOAT64), column("finalSelectedPercent", FLOAT64),
            column("finalSelectedPercentSe", FLOAT64), column("escalationPatients", FLOAT64),
            column("escalationPatientsSe", FLOAT64), column("backfillPatients", FLOAT64),
            column("backfillPatientsSe", FLOAT64), column("backfillDlts", FLOAT64), column("randomisedPatients", FLOAT64),
            column("randomisedPatientsSe", FLOAT64), column("escalationDlts", FLOAT64), column("randomisedDlts", FLOAT64),
            column("escalationResponses", FLOAT64), column("randomisedResponses", FLOAT64));

    /** What design.programme takes. */
    record ProgrammeSettings(
            @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "true DLT probability at each dose, lowest first")
            double[] truth,
            @Setting(unit = "response probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "true response probability at each dose, lowest first")
            double[] efficacy,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "target DLT rate of the escalation")
            double target,
            @Setting(defaultValue = "boin", doc = "escalation design, at its published defaults; boin12 "
                    + "uses target as phi_T and the criteria's minEfficacy and utilities, and its OBD leads the arms")
            @Choice({"boin", "keyboard", "crm", "boin12"})
            String escalation,
            Cohorts cohorts,
            Backfill backfilling,
            @Setting(min = 1, max = 3, defaultValue = "2",
                    doc = "doses randomised: the escalation's selected dose and up to arms - 1 doses below it")
            int arms,
            @Setting(unit = "patients per arm", min = 1, max = 1000, defaultValue = "30",
                    doc = "patients per arm of the randomised stage (size it with design.randomised-selection)")
            int patientsPerArm,
            SelectionCriteria criteria,
            @Setting(unit = "patients per month", min = 0, minInclusive = false, defaultValue = "2", doc = "accrual rate "
                    + "(with backfill, escalation runs on the backfill group's calendar: backfillRate, backfillWindow)")
            double accrualRate,
            @Setting(unit = "months", min = 0, defaultValue = "1", doc = "DLT assessment window after each cohort")
            double dltWindow,
            @Setting(unit = "months", min = 0, defaultValue = "3",
                    doc = "response assessment window after the randomised stage's last patient")
            double efficacyWindow,
            Simulation simulation) {

        ProgrammeSettings {
            if (efficacy.length != truth.length) {
                throw new InvalidParameterException("parameter 'efficacy' has " + efficacy.length + " values but 'truth' has "
                        + truth.length + "; they must match");
            }
        }
    }

    public ProgrammeMethod() {
        super(ProgrammeSettings.class, MethodDescriptor.builder("design.programme",
                "Dose-optimisation programme: escalation, then a randomised stage among the top doses (one trial)")
                .category("design")
                .reference("FDA, Optimizing the Dosage of Human Prescription Drugs and Biological Products for the "
                        + "Treatment of Oncologic Diseases (2024); Yang et al., Stat Med 43:2972 (2024) (MERIT)")
                .description("Simulates escalation (BOIN, Keyboard or CRM) and a randomised stage of patientsPerArm per "
                        + "arm at the selected dose and the doses below it as one trial on common random numbers; "
                        + "reports the final selection, PCS against the true optimal dose, patients, DLTs and "
                        + "responses per stage and dose, and the programme's duration. With backfill=true the "
                        + "escalation backfills cleared doses (BF-BOIN) in calendar time.")
                .output(BY_DOSE));
    }

    /**
     * The escalation stage: BOIN12, or trials of a toxicity design as copies of one prototype (its boundary tables or
     * quadrature grid are set up once).
     */
    static Programme.Escalation escalation(ProgrammeSettings settings, Programme.Timing timing) {
        int doses = settings.truth().length;
        Cohorts cohorts = settings.cohorts();
        int start = cohorts.startIndex(doses);
        SelectionCriteria c = settings.criteria();
        if (settings.escalation().equals("boin12") && settings.backfilling().backfill()) {
            Backfill backfill = settings.backfilling();
            return Programme.Escalation.withBackfill(() -> Boin12Method.newBackfillTrial(settings.target(),
                    c.minEfficacy(), c.utilityBoth(), c.utilityNeither(), doses, cohorts.cohortSize(), cohorts.cohorts(),
                    start, backfill.backfillCap()), settings.truth(), settings.efficacy(),
                    backfill.rules(Backfill.defaultLambdaD(settings.target())));
        }
        if (settings.escalation().equals("boin12")) {
            Boin12Method.Escalator boin12 = new Boin12Method.Escalator(settings.target(), c.minEfficacy(),
                    c.utilityBoth(), c.utilityNeither(), cohorts.cohortSize(), cohorts.cohorts(), start, settings.truth(),
                    settings.efficacy());
            return (outcome, context, r) -> {
                Boin12Method.Escalation e = boin12.run(context.random(r),
                        context.random(r + DoseFindingSimulation.EFFICACY_STREAMS),
                        context.random(r + DoseFindingSimulation.TIE_STREAMS));
                System.arraycopy(e.patients(), 0, outcome.escalationPatients, 0, doses);
                System.arraycopy(e.toxicities(), 0, outcome.escalationDlts, 0, doses);
                System.arraycopy(e.responses(), 0, outcome.escalationResponses, 0, doses);
                outcome.escalationMonths = timing.escalation(e.cohorts(), cohorts.cohortSize());
                outcome.mtd = e.selected();
            };
        }
        DoseFindingTrial prototype = switch (settings.escalation()) {
        case "keyboard" -> BoinMethod.newKeyboardTrial(settings.target(), doses, cohorts.cohortSize(), cohorts.cohorts(),
                start);
        case "crm" -> CrmMethod.newTrial(new CrmSkeletonSource(null, 0.05, (long) (doses + 1) / 2), CRM_MODEL, doses,
                settings.target(), cohorts.cohortSize(), cohorts.cohorts(), start);
        default -> BoinMethod.newTrial(settings.target(), doses, cohorts.cohortSize(), cohorts.cohorts(), start);
        };
        if (settings.backfilling().backfill()) {
            return Programme.Escalation.withBackfill(prototype::copy, settings.truth(), settings.efficacy(),
                    settings.backfilling().rules(Backfill.defaultLambdaD(settings.target())));
        }
        return Programme.Escalation.of(prototype::copy, settings.truth(), settings.efficacy(), timing);
    }

    static Programme programme(ProgrammeSettings settings) {
        Programme.Timing timing = new Programme.Timing(settings.accrualRate(), settings.dltWindow(),
                settings.efficacyWindow());
        return new Programme(escalation(settings, timing), settings.truth(), settings.efficacy(), settings.arms(),
                new ArmRules(settings.criteria(), settings.patientsPerArm()), timing);
    }

    @Override
    protected MethodResult run(ProgrammeSettings settings, MethodContext context) {
        Programme programme = programme(settings);
        double[] toxicity = settings.truth();
        double[] efficacy = settings.efficacy();
        int doses = toxicity.length;
        SelectionCriteria criteria = settings.criteria();
        int trueOptimal = criteria.correctArm(toxicity, efficacy);
        int[] stageRight = stageRight(criteria, toxicity, efficacy, settings.arms());
        long trials = settings.simulation().trials();
        List<ProgrammeSummary> parts = DoseFindingSimulation.inChunks(trials, context, () -> new ProgrammeSummary(doses),
                (local, r) -> local.add(programme.run(context, r), trueOptimal, stageRight));
        ProgrammeSummary total = new ProgrammeSummary(doses);
        parts.forEach(total::merge);
        double pcs = (double) total.correct / trials;
        double stagePcs = total.stages == 0 ? Double.NaN : (double) total.stageCorrect / total.stages;
        return MethodResult.builder()
                .output(BY_DOSE.name(), table(total, settings, context))
                .summary("trueOptimalDose", (long) (trueOptimal + 1))
                .summary("pcs", pcs)
                .summary("pcsSe", Math.sqrt(pcs * (1 - pcs) / trials))
                .summary("stagePcs", stagePcs)
                .summary("stagePcsSe", total.stages == 0 ? Double.NaN : Math.sqrt(stagePcs * (1 - stagePcs) / total.stages))
                .summary("noSelectionPercent", 100.0 * total.finalSelected[doses] / trials)
                .summary("escalationNoSelectionPercent", 100.0 * total.escalationSelected[doses] / trials)
                .summary("randomisedStagePercent", 100.0 * total.stages / trials)
                .summary("meanEscalationPatients", total.mean(Arrays.stream(total.escalationPatients).sum()))
                .summary("meanBackfillPatients", total.mean(total.totalBackfill))
                .summary("meanBackfillPatientsSe", total.meanSe(total.totalBackfill, total.totalBackfillSquares))
                .summary("meanRandomisedPatients", total.mean(total.stagePatients))
                .summary("meanPatients", total.mean(total.totalPatients))
                .summary("meanPatientsSe", total.meanSe(total.totalPatients, total.totalPatientsSquares))
                .summary("meanDurationMonths", total.meanDuration())
                .summary("meanDurationMonthsSe", total.durationSe())
                .summary("escalationSelectionPercent", percents(total.escalationSelected, doses, trials))
                .summary("finalSelectionPercent", percents(total.finalSelected, doses, trials))
                .summary("escalationPatientsPerDose", means(total.escalationPatients, trials))
                .summary("backfillPatientsPerDose", means(total.backfillPatients, trials))
                .summary("randomisedPatientsPerDose", means(total.randomisedPatients, trials))
                .summary("trials", trials)
                .build();
    }

    private static double[] percents(long[] counts, int doses, long trials) {
        double[] percent = new double[doses];
        for (int d = 0; d < doses; d++) {
            percent[d] = 100.0 * counts[d] / trials;
        }
        return percent;
    }

    private static double[] means(long[] sums, long trials) {
        double[] mean = new double[sums.length];
        for (int d = 0; d < sums.length; d++) {
            mean[d] = (double) sums[d] / trials;
        }
        return mean;
    }

    /** For each possible escalation selection m, the right dose among the arms it leads to (−1: none). */
    static int[] stageRight(SelectionCriteria criteria, double[] toxicity, double[] efficacy, int arms) {
        int[] right = new int[toxicity.length];
        for (int m = 0; m < toxicity.length; m++) {
            int lowest = Math.max(0, m - arms + 1);
            int arm = criteria.correctArm(Arrays.copyOfRange(toxicity, lowest, m + 1),
                    Arrays.copyOfRange(efficacy, lowest, m + 1));
            right[m] = arm < 0 ? -1 : lowest + arm;
        }
        return right;
    }

    private static Table table(ProgrammeSummary total, ProgrammeSettings settings, MethodContext context) {
        int doses = total.doses;
        long trials = total.trials;
        long[] dose = new long[doses];
        double[] utility = new double[doses];
        double[][] columns = new double[14][doses];
        for (int d = 0; d < doses; d++) {
            dose[d] = d + 1;
            utility[d] = settings.criteria().utility(settings.efficacy()[d], settings.truth()[d]);
            double selected = (double) total.finalSelected[d] / trials;
            columns[0][d] = 100.0 * total.escalationSelected[d] / trials;
            columns[1][d] = 100.0 * total.finalSelected[d] / trials;
            columns[2][d] = OperatingCharacteristics.percentSe(selected, trials);
            columns[3][d] = total.mean(total.escalationPatients[d]);
            columns[4][d] = total.meanSe(total.escalationPatients[d], total.escalationPatientsSquares[d]);
            columns[5][d] = total.mean(total.randomisedPatients[d]);
            columns[6][d] = total.meanSe(total.randomisedPatients[d], total.randomisedPatientsSquares[d]);
            columns[7][d] = total.mean(total.escalationDlts[d]);
            columns[8][d] = total.mean(total.randomisedDlts[d]);
            columns[9][d] = total.mean(total.escalationResponses[d]);
            columns[10][d] = total.mean(total.randomisedResponses[d]);
            columns[11][d] = total.mean(total.backfillPatients[d]);
            columns[12][d] = total.meanSe(total.backfillPatients[d], total.backfillPatientsSquares[d]);
            columns[13][d] = total.mean(total.backfillDlts[d]);
        }
        return Table.builder(context.allocator()).addInt64("dose", dose).addFloat64("toxicity", settings.truth())
                .addFloat64("efficacy", settings.efficacy()).addFloat64("utility", utility)
                .addFloat64("escalationSelectedPercent", columns[0]).addFloat64("finalSelectedPercent", columns[1])
                .addFloat64("finalSelectedPercentSe", columns[2]).addFloat64("escalationPatients", columns[3])
                .addFloat64("escalationPatientsSe", columns[4]).addFloat64("backfillPatients", columns[11])
                .addFloat64("backfillPatientsSe", columns[12]).addFloat64("backfillDlts", columns[13])
                .addFloat64("randomisedPatients", columns[5])
                .addFloat64("randomisedPatientsSe", columns[6]).addFloat64("escalationDlts", columns[7])
                .addFloat64("randomisedDlts", columns[8]).addFloat64("escalationResponses", columns[9])
                .addFloat64("randomisedResponses", columns[10]).build();
    }
}
