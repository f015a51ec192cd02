package io.daybreak.methods.design.compare;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;

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
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.oc.BlrmPrior;
import io.daybreak.methods.design.oc.CohortPlan;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.SettingsDefaults;
import io.daybreak.methods.design.oc.Simulation;
import io.daybreak.methods.design.threeplusthree.ThreePlusThreeMethod;

/**
 * {@code design.compare}: several dose-finding designs over several scenarios on the same simulated patients.
 * Every design is simulated with the run's seed, so trial r of every design uses random stream r and patient
 * j of that trial has the same latent uniform tolerance under every design (common random numbers; see
 * docs/adr/0004). Differences between designs are then not blurred by different patients.
 */
@Component(service = Method.class)
public final class CompareMethod extends DesignMethod<CompareMethod.CompareSettings> {
    /** The designs compare can run, as users type them (also in the documentation of 'designs'). */
    static final String DESIGN_NAMES = "3plus3, boin, keyboard, crm, blrm";
    static final List<String> DESIGNS = List.of(DESIGN_NAMES.split(", "));

    /** The CRM (empiric, dfcrm's intercept and prior) and BLRM (prior, EWOC) as compare runs them: at their defaults. */
    private static final CrmModelFamily CRM_MODEL = SettingsDefaults.of(CrmModelFamily.class);
    private static final BlrmPrior BLRM_PRIOR = SettingsDefaults.of(BlrmPrior.class);

    /**
     * What design.compare takes: designs and scenarios as text lists (checked here), the target and cohorts all
     * designs share, the CRM's skeleton settings and the number of trials.
     */
    record CompareSettings(
            @Setting(defaultValue = "3plus3,boin,keyboard,crm", doc = "comma-separated, from: " + DESIGN_NAMES)
            String designs,
            @Setting(doc = "true DLT probabilities per dose; scenarios separated by '/', e.g. 0.05,0.1,0.2/0.1,0.25,0.4 "
                    + "('/' because ';' ends a command in the Gogo shell)")
            String scenarios,
            // target as in the DoseTruth group, which cannot serve here: it brings truth, which scenarios replaces
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, doc = "target DLT rate")
            double target,
            CohortPlan cohorts,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "CRM skeleton: indifference half-width (Lee & Cheung)")
            double halfwidth,
            @Setting(min = 1, optional = true, doc = "CRM skeleton: prior guess of the MTD (default: the middle dose)")
            Long priorMtd,
            Simulation simulation) {

        CompareSettings {
            // Parsed here too, so that a bad list is refused when the parameters are bound, before any simulation.
            CompareMethod.designs(designs);
            CompareMethod.scenarios(scenarios);
        }

        List<String> designList() {
            return CompareMethod.designs(designs);
        }

        List<double[]> scenarioList() {
            return CompareMethod.scenarios(scenarios);
        }

        /** The CRM's skeleton for this many doses: Lee &amp; Cheung's, around priorMtd or the middle dose. */
        CrmSkeletonSource crmSkeleton(int doses) {
            return new CrmSkeletonSource(null, halfwidth, priorMtd != null ? priorMtd : (doses + 1) / 2);
        }
    }

    public CompareMethod() {
        super(CompareSettings.class, MethodDescriptor.builder("design.compare",
                "Compare dose-finding designs on common random numbers")
                .category("design")
                .reference("see the designs compared; common random numbers: one latent uniform per patient")
                .description("Simulates each design for each scenario on the same simulated patients and tabulates "
                        + "selection %, patients and DLTs per dose. Designs use their published defaults (BOIN and "
                        + "Keyboard as design.boin / design.keyboard; CRM empiric with a Lee & Cheung skeleton; BLRM as "
                        + "design.blrm with its default prior, doses 1..K and EWOC 0.25).")
                .output(TableSpec.of("comparison", "per scenario, design and dose: selection %, its Monte Carlo SE, "
                        + "mean patients and DLTs", column("scenario", INT64), column("design", STRING), column("dose", INT64),
                        column("truth", FLOAT64), column("selectionPercent", FLOAT64), column("selectionPercentSe", FLOAT64),
                        column("patients", FLOAT64), column("dlts", FLOAT64), column("target", FLOAT64),
                        column("trueMtd", INT64), column("noSelectionPercent", FLOAT64),
                        column("earlyStopPercent", FLOAT64), column("meanPatients", FLOAT64),
                        column("patientsAboveMtdPercent", FLOAT64), column("selectionAboveMtdPercent", FLOAT64))));
    }

    @Override
    protected MethodResult run(CompareSettings settings, MethodContext context) {
        List<String> designs = settings.designList();
        List<double[]> scenarios = settings.scenarioList();
        double target = settings.target();
        long trials = settings.simulation().trials();
        Columns columns = new Columns();
        List<Object> correct = new ArrayList<>();
        List<Object> byScenario = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            double[] truth = scenarios.get(s);
            List<Object> rows = new ArrayList<>();
            OperatingCharacteristics first = null;
            for (String design : designs) {
                context.checkCancelled();
                Supplier<DoseFindingTrial> factory = factory(design, truth.length, settings);
                OperatingCharacteristics oc = DoseFindingSimulation.simulate(factory, truth, target,
                        design.equals("3plus3") ? 0 : settings.cohorts().maxPatients(), trials, context);
                double correctPercent = oc.trueMtd() < 0 ? oc.noSelectionPercent() : oc.selectionPercent(oc.trueMtd());
                columns.add(s + 1, design, truth, target, oc, trials);
                correct.add(correctPercent);
                rows.add(ScenarioSummary.designRow(design, oc, correctPercent));
                first = first == null ? oc : first;
            }
            byScenario.add(ScenarioSummary.of(s + 1, truth, target, first.trueMtd(), rows));
        }
        return MethodResult.builder()
                .output("comparison", columns.table(context))
                .summary("designs", new ArrayList<>(designs))
                .summary("scenarios", (long) scenarios.size())
                .summary("correctSelectionPercent", correct)
                .summary("byScenario", byScenario)
                .build();
    }

    /**
     * Trials of a design, as copies of one fresh prototype: the prototype's set-up (boundary tables, the CRM's
     * quadrature grid) is done once, not once per trial.
     */
    private static Supplier<DoseFindingTrial> factory(String design, int doses, CompareSettings settings) {
        double target = settings.target();
        int cohortSize = settings.cohorts().cohortSize();
        int cohorts = settings.cohorts().cohorts();
        DoseFindingTrial prototype = switch (design) {
        case "3plus3" -> ThreePlusThreeMethod.newTrial(doses, false);
        case "boin" -> BoinMethod.newTrial(target, doses, cohortSize, cohorts, 0);
        case "keyboard" -> BoinMethod.newKeyboardTrial(target, doses, cohortSize, cohorts, 0);
        case "blrm" -> BlrmMethod.newTrial(BLRM_PRIOR, doses, cohortSize, cohorts, 0);
        default -> CrmMethod.newTrial(settings.crmSkeleton(doses), CRM_MODEL, doses, target, cohortSize, cohorts, 0);
        };
        return prototype::copy;
    }

    static List<String> designs(String text) {
        Set<String> designs = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String design = part.strip();
            if (!DESIGNS.contains(design)) {
                throw new InvalidParameterException("parameter 'designs': unknown design '" + design + "'; allowed: "
                        + String.join(", ", DESIGNS));
            }
            designs.add(design);
        }
        return List.copyOf(designs);
    }

    static List<double[]> scenarios(String text) {
        List<double[]> scenarios = new ArrayList<>();
        String[] parts = text.split("/");
        for (int s = 0; s < parts.length; s++) {
            String[] values = parts[s].split(",");
            double[] truth = new double[values.length];
            for (int d = 0; d < values.length; d++) {
                try {
                    truth[d] = Double.parseDouble(values[d].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("parameter 'scenarios': scenario " + (s + 1) + ", dose " + (d + 1)
                            + ": '" + values[d].strip() + "' is not a number");
                }
                if (!(truth[d] > 0 && truth[d] < 1)) {
                    throw new InvalidParameterException("parameter 'scenarios': scenario " + (s + 1) + ", dose " + (d + 1)
                            + " = " + truth[d] + " is out of range; allowed: real in (0, 1)");
                }
            }
            scenarios.add(truth);
        }
        return scenarios;
    }

    /** Column buffers of the comparison table. */
    private static final class Columns {
        final List<Object> scenario = new ArrayList<>();
        final List<Object> design = new ArrayList<>();
        final List<Object> dose = new ArrayList<>();
        final List<Object> truth = new ArrayList<>();
        final List<Object> selection = new ArrayList<>();
        final List<Object> selectionSe = new ArrayList<>();
        final List<Object> patients = new ArrayList<>();
        final List<Object> dlts = new ArrayList<>();
        final List<Object> target = new ArrayList<>();
        final List<Object> trueMtd = new ArrayList<>();
        final List<Object> noSelection = new ArrayList<>();
        final List<Object> earlyStop = new ArrayList<>();
        final List<Object> meanPatients = new ArrayList<>();
        final List<Object> patientsAboveMtd = new ArrayList<>();
        final List<Object> selectionAboveMtd = new ArrayList<>();

        /** Rows of one scenario and design; its trial-level values repeat on each dose's row (the table stays flat). */
        void add(int scenarioNumber, String name, double[] rates, double targetRate, OperatingCharacteristics oc,
                long trials) {
            for (int d = 0; d < rates.length; d++) {
                scenario.add((long) scenarioNumber);
                design.add(name);
                dose.add((long) d + 1);
                truth.add(rates[d]);
                selection.add(oc.selectionPercent(d));
                selectionSe.add(OperatingCharacteristics.percentSe(oc.selectionProbability(d), trials));
                patients.add(oc.meanPatients(d));
                dlts.add(oc.meanDlts(d));
                target.add(targetRate);
                trueMtd.add((long) oc.trueMtd() + 1);
                noSelection.add(oc.noSelectionPercent());
                earlyStop.add(Double.isNaN(oc.earlyStopPercent()) ? null : oc.earlyStopPercent());
                meanPatients.add(oc.meanPatients());
                patientsAboveMtd.add(oc.patientsAboveMtdPercent());
                selectionAboveMtd.add(oc.selectionAboveMtdPercent());
            }
        }

        Table table(MethodContext context) {
            return Table.builder(context.allocator()).add("scenario", ColumnType.INT64, scenario)
                    .add("design", ColumnType.STRING, design).add("dose", ColumnType.INT64, dose)
                    .add("truth", ColumnType.FLOAT64, truth).add("selectionPercent", ColumnType.FLOAT64, selection)
                    .add("selectionPercentSe", ColumnType.FLOAT64, selectionSe)
                    .add("patients", ColumnType.FLOAT64, patients).add("dlts", ColumnType.FLOAT64, dlts)
                    .add("target", ColumnType.FLOAT64, target).add("trueMtd", ColumnType.INT64, trueMtd)
                    .add("noSelectionPercent", ColumnType.FLOAT64, noSelection)
                    .add("earlyStopPercent", ColumnType.FLOAT64, earlyStop)
                    .add("meanPatients", ColumnType.FLOAT64, meanPatients)
                    .add("patientsAboveMtdPercent", ColumnType.FLOAT64, patientsAboveMtd)
                    .add("selectionAboveMtdPercent", ColumnType.FLOAT64, selectionAboveMtd).build();
        }
    }
}
