package io.daybreak.methods.design.threeplusthree;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.3plus3}: operating characteristics of the 3+3 design, exactly (every outcome sequence
 * enumerated with its probability) or by simulating trials. See {@link ThreePlusThreeTrial} for the rules.
 */
@Component(service = Method.class)
public final class ThreePlusThreeMethod extends DesignMethod<ThreePlusThreeMethod.ThreePlusThreeSettings> {
    static final int MAX_EXACT_DOSES = 20;

    /** What design.3plus3 takes: the rules are fixed, so the target only defines the true MTD. */
    record ThreePlusThreeSettings(
            @Adjust(name = "target", defaultValue = "0.3",
                    doc = "defines the true MTD (highest dose with truth <= target) for overdosePercent")
            DoseTruth doses,
            @Setting(defaultValue = "false", doc = "de-escalation variant: the MTD must have 6 patients with <= 1 DLT")
            boolean deescalation,
            @Setting(defaultValue = "exact",
                    doc = "exact enumeration (up to " + MAX_EXACT_DOSES + " doses) or simulation")
            @Choice({"exact", "simulate"})
            String oc,
            Simulation simulation) {
    }

    public ThreePlusThreeMethod() {
        super(ThreePlusThreeSettings.class, MethodDescriptor.builder("design.3plus3",
                "3+3 dose escalation: operating characteristics")
                .category("design")
                .reference("Storer, Biometrics 45:925-937 (1989); Le Tourneau, Lee & Siu, JNCI 101:708-720 (2009)")
                .description("Probability of selecting each dose as the MTD, patients and DLTs per dose, stopping "
                        + "and overdosing, for true DLT probabilities per dose. Exact by enumerating every outcome "
                        + "sequence (oc=exact) or by simulation (oc=simulate, with Monte Carlo standard errors).")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    @Override
    protected MethodResult run(ThreePlusThreeSettings settings, MethodContext context) {
        double[] truth = settings.doses().truth();
        boolean deescalation = settings.deescalation();
        boolean exact = settings.oc().equals("exact");
        if (exact && truth.length > MAX_EXACT_DOSES) {
            throw new InvalidParameterException("parameter 'truth' has " + truth.length + " doses; exact enumeration "
                    + "allows at most " + MAX_EXACT_DOSES + " (use oc=simulate)");
        }
        double target = settings.doses().target();
        long trials = exact ? 0 : settings.simulation().trials();
        OperatingCharacteristics oc = exact ? enumerate(truth, target, deescalation)
                : DoseFindingSimulation.simulate(() -> new ThreePlusThreeTrial(truth.length, deescalation), truth,
                        target, 0, trials, context); // 3+3 has no planned sample size
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials));
        oc.summarize(result, trials);
        return result.build();
    }

    /** A fresh 3+3 trial, for other methods that drive designs (pathways). */
    public static DoseFindingTrial newTrial(int doses, boolean deescalation) {
        return new ThreePlusThreeTrial(doses, deescalation);
    }

    static OperatingCharacteristics enumerate(double[] truth, double target, boolean deescalation) {
        OperatingCharacteristics oc = new OperatingCharacteristics(truth, target);
        explore(new ThreePlusThreeTrial(truth.length, deescalation), 1.0, truth, oc);
        return oc;
    }

    /** Depth-first over cohort outcomes 0..3 DLTs, each with its binomial probability. */
    private static void explore(ThreePlusThreeTrial trial, double probability, double[] truth,
            OperatingCharacteristics oc) {
        if (trial.finished()) {
            oc.add(trial.selectedDose(), trial.patients(), trial.dlts(), probability);
            return;
        }
        double p = truth[trial.nextDose()];
        for (int k = 0; k <= ThreePlusThreeTrial.COHORT; k++) {
            double pk = binomial3(k, p);
            ThreePlusThreeTrial branch = trial.copy();
            branch.record(k);
            explore(branch, probability * pk, truth, oc);
        }
    }

    /** P(k DLTs among 3 patients) for DLT probability p. */
    static double binomial3(int k, double p) {
        double q = 1 - p;
        return switch (k) {
        case 0 -> q * q * q;
        case 1 -> 3 * p * q * q;
        case 2 -> 3 * p * p * q;
        default -> p * p * p;
        };
    }
}
