package io.daybreak.methods.design.pathways;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.decisiontable.DecisionTableMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.oc.BlrmPrior;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.threeplusthree.ThreePlusThreeMethod;

/**
 * {@code design.pathways}: dose-transition pathways (Yap et al., Clin Cancer Res 23:7440, 2017): every
 * next-dose decision of a design for every outcome sequence of the next k cohorts, from the start of the
 * trial. The designs are driven through the same state machines as their simulations.
 */
@Component(service = Method.class)
public final class PathwaysMethod extends DesignMethod<PathwaysMethod.PathwaysSettings> {
    static final int MAX_COHORTS = 5;

    /** What design.pathways takes: the design, its doses and cohorts, and the settings of the CRM and BLRM it drives. */
    record PathwaysSettings(
            @Setting(doc = "the design")
            @Choice({"3plus3", "boin", "keyboard", "crm", "blrm", "decision-table"})
            String design,
            @Setting(min = 1, max = 30, doc = "number of dose levels")
            int doses,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.3")
            double target,
            @Setting(min = 1, max = MAX_COHORTS, defaultValue = "2",
                    doc = "how many cohorts ahead (the table has up to (cohortSize + 1)^cohorts rows per level)")
            int cohorts,
            // cohortSize and startDose as in the Cohorts group, which cannot serve here: its cohorts has other bounds.
            @Setting(unit = "patients", min = 1, max = 100, defaultValue = "3")
            int cohortSize,
            @Setting(min = 1, defaultValue = "1", doc = "starting dose level (1 = lowest)")
            long startDose,
            @Adjust(name = "skeleton", doc = "CRM: prior DLT probabilities per dose (or halfwidth and priorMtd)")
            @Adjust(name = "halfwidth", doc = "CRM: compute the skeleton by Lee & Cheung")
            @Adjust(name = "priorMtd", doc = "CRM: prior guess of the MTD")
            CrmSkeletonSource crmSkeleton,
            @Adjust(name = "model", doc = "CRM model")
            @Adjust(name = "intercept", doc = "CRM logistic intercept a0")
            CrmModelFamily crmModel,
            BlrmPrior blrmPrior,
            @Setting(optional = true, doc = "decision-table: the table file, .csv or .json (as design.decision-table)")
            String table) {

        PathwaysSettings {
            if (design.equals("decision-table") != (table != null)) {
                throw new InvalidParameterException("parameter 'table' goes with design decision-table, and only with it");
            }
            if (Math.pow(cohortSize + 1, cohorts) > 100_000) {
                throw new InvalidParameterException("(cohortSize + 1)^cohorts = " + (long) Math.pow(cohortSize + 1, cohorts)
                        + " outcome sequences; allowed: at most 100000 (fewer cohorts or a smaller cohort size)");
            }
            int start = Cohorts.startIndex(startDose, doses);
            if (design.equals("3plus3") && (cohortSize != 3 || start != 0)) {
                throw new InvalidParameterException("design 3plus3 has cohorts of 3 starting at dose 1; leave "
                        + "'cohortSize' and 'startDose' at their defaults");
            }
        }

        /** The 0-based start dose, checked against the number of doses. */
        int startIndex() {
            return Cohorts.startIndex(startDose, doses);
        }
    }

    public PathwaysMethod() {
        super(PathwaysSettings.class, MethodDescriptor.builder("design.pathways",
                "Dose-transition pathways")
                .category("design")
                .reference("Yap et al., Clin Cancer Res 23:7440-7447 (2017); R package escalation")
                .description("For 3+3, BOIN, Keyboard, CRM, BLRM or an imported decision table: the dose each outcome "
                        + "sequence of the first k cohorts leads to, one row per cohort outcome, with the decision taken.")
                .output(TableSpec.of("pathways", "one row per cohort outcome: the history before it, the dose and DLTs of "
                        + "the cohort, and the next dose (null when the trial stopped there)", column("cohort", INT64),
                        column("history", STRING), column("dose", INT64), column("dlts", INT64), column("nextDose", INT64),
                        column("decision", STRING))));
    }

    @Override
    protected MethodResult run(PathwaysSettings settings, MethodContext context) {
        DoseFindingTrial start = newTrial(settings, settings.cohorts() + 1);
        Rows rows = new Rows();
        walk(start, 1, settings.cohorts(), "", rows);
        Table table = Table.builder(context.allocator())
                .add("cohort", ColumnType.INT64, rows.cohort).add("history", ColumnType.STRING, rows.history)
                .add("dose", ColumnType.INT64, rows.dose).add("dlts", ColumnType.INT64, rows.dlts)
                .add("nextDose", ColumnType.INT64, rows.next).add("decision", ColumnType.STRING, rows.decision)
                .build();
        return MethodResult.builder().output("pathways", table).summary("rows", (long) rows.cohort.size()).build();
    }

    /** Column buffers of the pathways table. */
    private static final class Rows {
        final List<Object> cohort = new ArrayList<>();
        final List<Object> history = new ArrayList<>();
        final List<Object> dose = new ArrayList<>();
        final List<Object> dlts = new ArrayList<>();
        final List<Object> next = new ArrayList<>();
        final List<Object> decision = new ArrayList<>();
    }

    private static void walk(DoseFindingTrial trial, int cohort, int cohorts, String history, Rows rows) {
        if (cohort > cohorts || trial.finished()) {
            return;
        }
        int dose = trial.nextDose();
        int size = trial.nextCohortSize();
        for (int y = 0; y <= size; y++) {
            DoseFindingTrial branch = trial.copy();
            branch.record(y);
            rows.cohort.add((long) cohort);
            rows.history.add(history);
            rows.dose.add((long) dose + 1);
            rows.dlts.add((long) y);
            rows.next.add(branch.finished() ? null : (long) branch.nextDose() + 1);
            rows.decision.add(decision(dose, branch));
            walk(branch, cohort + 1, cohorts, (history.isEmpty() ? "" : history + " ") + "D" + (dose + 1) + ":" + y + "/"
                    + size, rows);
        }
    }

    private static String decision(int dose, DoseFindingTrial after) {
        if (after.finished()) {
            return after.selectedDose() < 0 ? "stop, no dose selected" : "stop, MTD = dose " + (after.selectedDose() + 1);
        }
        int next = after.nextDose();
        return next > dose ? "escalate" : next < dose ? "de-escalate" : "stay";
    }

    private static DoseFindingTrial newTrial(PathwaysSettings settings, int cohortsPlusOne) {
        int doses = settings.doses();
        int cohortSize = settings.cohortSize();
        int startDose = settings.startIndex();
        double target = settings.target();
        return switch (settings.design()) {
        case "3plus3" -> ThreePlusThreeMethod.newTrial(doses, false);
        case "boin" -> BoinMethod.newTrial(target, doses, cohortSize, cohortsPlusOne, startDose);
        case "keyboard" -> BoinMethod.newKeyboardTrial(target, doses, cohortSize, cohortsPlusOne, startDose);
        case "decision-table" -> DecisionTableMethod.newTrial(settings.table(), cohortSize, doses, target,
                cohortsPlusOne, startDose);
        case "blrm" -> BlrmMethod.newTrial(settings.blrmPrior(), doses, cohortSize, cohortsPlusOne, startDose);
        default -> CrmMethod.newTrial(settings.crmSkeleton(), settings.crmModel(), doses, target, cohortSize,
                cohortsPlusOne, startDose);
        };
    }
}
