package io.daybreak.methods.design.decisiontable;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.decision-table}: operating characteristics of a design given only by its decision table (a CSV or
 * JSON file, e.g. one exported by design.decision-table-export or written by hand), on the common-random-numbers
 * engine (see {@link DecisionTableTrial}).
 */
@Component(service = Method.class)
public final class DecisionTableMethod extends DesignMethod<DecisionTableMethod.TableSettings> {
    /** What design.decision-table takes: the doses, the table file and how trials run it. */
    record TableSettings(DoseTruth doses,
            @Setting(doc = "decision table file, .csv (header n,0,1,...; cells E, S, D, DU) or .json "
                    + "(daybreak-decision-table/1); a relative path is resolved against the working directory")
            String table,
            @Setting(unit = "patients", min = 1, max = 100, optional = true,
                    doc = "patients per cohort; required for a CSV table, the JSON table's own if absent")
            Integer cohortSize,
            @Setting(min = 1, max = 1000, optional = true, doc = "maximum cohorts per trial; default maxN / cohortSize")
            Integer cohorts,
            @Setting(min = 1, defaultValue = "1", doc = "starting dose level (1 = lowest)")
            long startDose,
            @Setting(unit = "patients", min = 1, defaultValue = "100",
                    doc = "stop once this many patients were treated at the current dose (BOIN's n.earlystop)")
            int earlyStop,
            Simulation simulation) {
    }

    public DecisionTableMethod() {
        super(TableSettings.class, MethodDescriptor.builder("design.decision-table",
                "Decision-table dose finding: operating characteristics")
                .category("design")
                .reference("Liu & Yuan, JRSS-C 64:507-523 (2015); R package BOIN, get.oc (decision order and MTD "
                        + "selection)")
                .description("Simulates trials that follow an imported decision table (rows n patients at the current "
                        + "dose, columns DLTs, cells E/S/D/DU), in BOIN's decision order, with BOIN's isotonic MTD "
                        + "selection. BOIN's own table gives design.boin's results exactly.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    /**
     * A fresh trial following the table in {@code file} (target checked against the table's), for design.pathways:
     * cohorts of {@code cohortSize} (a JSON table's must be the same), early stopping at BOIN's default 100.
     */
    public static DoseFindingTrial newTrial(String file, int cohortSize, int doses, double target, int cohorts,
            int startDose) {
        DecisionTable table = DecisionTableFiles.read(Path.of(file), cohortSize);
        checkTarget(table, target, file);
        return new DecisionTableTrial(new DecisionTableTrial.Settings(table, doses, cohorts, startDose, 100, target));
    }

    private static void checkTarget(DecisionTable table, double target, String file) {
        if (!Double.isNaN(table.target()) && Math.abs(table.target() - target) > 1e-12) {
            throw new InvalidParameterException("parameter 'target' = " + target + " differs from the target "
                    + table.target() + " of decision table " + file + "; allowed: " + table.target());
        }
    }

    @Override
    protected MethodResult run(TableSettings given, MethodContext context) {
        DecisionTable table = DecisionTableFiles.read(Path.of(given.table()), given.cohortSize());
        double[] truth = given.doses().truth();
        double target = given.doses().target();
        checkTarget(table, target, given.table());
        int cohorts = given.cohorts() != null ? given.cohorts() : table.maxN() / table.cohortSize();
        int startDose = Cohorts.startIndex(given.startDose(), truth.length);
        DecisionTableTrial.Settings settings = new DecisionTableTrial.Settings(table, truth.length, cohorts, startDose,
                given.earlyStop(), target);
        long trials = given.simulation().trials();
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new DecisionTableTrial(settings), truth, target,
                cohorts * table.cohortSize(), trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials))
                .summary("tableDesign", table.design())
                .summary("tableCohortSize", (long) table.cohortSize())
                .summary("tableMaxN", (long) table.maxN())
                .summary("cohorts", (long) cohorts);
        oc.summarize(result, trials);
        return result.build();
    }
}
