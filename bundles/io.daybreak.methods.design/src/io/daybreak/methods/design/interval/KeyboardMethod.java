package io.daybreak.methods.design.interval;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.keyboard}: operating characteristics of the Keyboard design, or of mTPI-2 ({@code rule=mtpi2}),
 * which makes the same decisions (see {@link KeyboardBoundaries}); elimination, early stopping and MTD
 * selection as BOIN.
 */
@Component(service = Method.class)
public final class KeyboardMethod extends DesignMethod<KeyboardMethod.KeyboardSettings> {
    /** What design.keyboard takes: the key and the rule, around the groups BOIN has too. */
    record KeyboardSettings(DoseTruth doses,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "target key starts at target - marginBelow")
            double marginBelow,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "target key ends at target + marginAbove")
            double marginAbove,
            @Setting(defaultValue = "keyboard",
                    doc = "keyboard (posterior probability of keys) or mtpi2 (unit probability mass); equivalent")
            @Choice({"keyboard", "mtpi2"})
            String rule,
            Cohorts cohorts, Simulation simulation, SafetyRules safety) {
    }

    public KeyboardMethod() {
        super(KeyboardSettings.class, MethodDescriptor.builder("design.keyboard",
                "Keyboard (= mTPI-2) dose finding: operating characteristics")
                .category("design")
                .reference("Yan, Mandrekar & Yuan, Clin Cancer Res 23:3994-4003 (2017); Guo et al., Contemp Clin "
                        + "Trials 58:23-33 (2017)")
                .description("Simulates Keyboard trials: the key (interval of width marginBelow + marginAbove) with the "
                        + "largest posterior probability decides escalate / stay / de-escalate; rule=mtpi2 uses mTPI-2's "
                        + "unit probability mass instead, which gives the same decisions. Elimination, early stopping "
                        + "and MTD selection by isotonic regression as BOIN.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    @Override
    protected MethodResult run(KeyboardSettings settings, MethodContext context) {
        double[] truth = settings.doses().truth();
        double target = settings.doses().target();
        double below = settings.marginBelow();
        double above = settings.marginAbove();
        if (!(target - below > 0 && target + above < 1)) {
            throw new InvalidParameterException("the target key (target - marginBelow, target + marginAbove) = ("
                    + (target - below) + ", " + (target + above) + ") must lie inside (0, 1)");
        }
        KeyboardBoundaries boundaries = new KeyboardBoundaries(target, below, above, settings.rule().equals("mtpi2"));
        IntervalDesignRules rules = BoinMethod.rules(settings.cohorts(), settings.safety(), truth.length, boundaries);
        long trials = settings.simulation().trials();
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new IntervalDesignTrial(rules), truth, target,
                settings.cohorts().maxPatients(), trials, context);
        List<Object> escalate = new ArrayList<>();
        List<Object> deescalate = new ArrayList<>();
        int cohortSize = settings.cohorts().cohortSize();
        for (int c = 1; c <= settings.cohorts().cohorts(); c++) {
            escalate.add((long) boundaries.escalateIfAtMost(c * cohortSize));
            deescalate.add((long) boundaries.deescalateIfAtLeast(c * cohortSize));
        }
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials))
                .summary("escalateIfAtMost", escalate)
                .summary("deescalateIfAtLeast", deescalate);
        oc.summarize(result, trials);
        return result.build();
    }
}
