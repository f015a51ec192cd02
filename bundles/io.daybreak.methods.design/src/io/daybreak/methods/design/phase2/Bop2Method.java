package io.daybreak.methods.design.phase2;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.List;

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
import io.daybreak.methods.design.map.BetaMixture;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.ResponseRates;

/** {@code design.bop2}: BOP2 futility monitoring for a binary endpoint, calibrated to a type I error. */
@Component(service = Method.class)
public final class Bop2Method extends DesignMethod<Bop2Method.Bop2Settings> {
    /** What design.bop2 takes. */
    record Bop2Settings(ResponseRates rates,
            @Setting(unit = "patients", min = 2, max = 1000, doc = "N")
            int maxPatients,
            @Setting(unit = "patients", min = 1, max = 1000, doc = "interim look after every this many patients")
            int interimEvery,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.1",
                    doc = "maximum type I error")
            double alpha,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "a of the Beta(a, b) prior; default p0")
            Double priorA,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "b of the prior; default 1 - p0")
            Double priorB,
            @Setting(optional = true, doc = "a mixture-of-betas prior instead of Beta(priorA, priorB): 'w1,a1,b1;w2,a2,b2;"
                    + "...' (weights summing to 1), e.g. design.map-prior's mixture or robustMixture")
            String priorMixture) {

        Bop2Settings {
            if (interimEvery >= maxPatients) {
                throw new InvalidParameterException("parameter 'interimEvery' = " + interimEvery + " leaves no interim "
                        + "look before 'maxPatients' = " + maxPatients);
            }
            if (priorMixture != null) {
                if (priorA != null || priorB != null) {
                    throw new InvalidParameterException("give either 'priorMixture' or 'priorA'/'priorB', not both");
                }
                BetaMixture.parse("priorMixture", priorMixture);
            }
        }
    }

    public Bop2Method() {
        super(Bop2Settings.class, MethodDescriptor.builder("design.bop2",
                "BOP2: Bayesian optimal Phase II design (binary endpoint)")
                .category("design")
                .reference("Zhou, Lee & Yuan, Stat Med 36:3302-3314 (2017)")
                .description("Futility boundaries P(p > p0 | data) < lambda (n/N)^gamma at interim looks and a final "
                        + "success rule P(p > p0 | data) > lambda, with (lambda, gamma) calibrated to maximise power at "
                        + "p1 with type I error at p0 <= alpha; exact type I error, power, early-stopping "
                        + "probabilities and expected sizes.")
                .output(TableSpec.of("boundaries", "per look: stop for futility if responses <= stopIfAtMost; at the "
                        + "final look the treatment is promising if responses >= goIfAtLeast",
                        column("patients", INT64), column("stopIfAtMost", INT64), column("goIfAtLeast", INT64))));
    }

    @Override
    protected MethodResult run(Bop2Settings settings, MethodContext context) {
        double p0 = settings.rates().p0();
        double p1 = settings.rates().p1();
        int maxPatients = settings.maxPatients();
        int every = settings.interimEvery();
        double a = settings.priorA() != null ? settings.priorA() : p0;
        double b = settings.priorB() != null ? settings.priorB() : 1 - p0;
        Bop2 bop2 = settings.priorMixture() != null
                ? new Bop2(p0, maxPatients, every, BetaMixture.parse("priorMixture", settings.priorMixture()))
                : new Bop2(p0, maxPatients, every, a, b);
        Bop2.Design design = bop2.calibrate(p1, settings.alpha());
        if (design == null) {
            throw new InvalidParameterException("no (lambda, gamma) on the grid keeps the type I error <= alpha; "
                    + "increase 'alpha' or 'maxPatients'");
        }
        List<Object> patients = new ArrayList<>();
        List<Object> stop = new ArrayList<>();
        List<Object> go = new ArrayList<>();
        for (int k = 0; k < design.looks().length; k++) {
            boolean last = k == design.looks().length - 1;
            patients.add((long) design.looks()[k]);
            stop.add(last || design.stopIfAtMost()[k] < 0 ? null : (long) design.stopIfAtMost()[k]);
            go.add(last ? (long) design.goIfAtLeast() : null);
        }
        Table table = Table.builder(context.allocator()).add("patients", ColumnType.INT64, patients)
                .add("stopIfAtMost", ColumnType.INT64, stop).add("goIfAtLeast", ColumnType.INT64, go).build();
        List<Object> stopSummary = new ArrayList<>();
        for (int bound : design.stopIfAtMost()) {
            stopSummary.add((long) bound);
        }
        return MethodResult.builder()
                .output("boundaries", table)
                .summary("lambda", design.lambda())
                .summary("gamma", design.gamma())
                .summary("stopIfAtMost", stopSummary)
                .summary("goIfAtLeast", (long) design.goIfAtLeast())
                .summary("typeIError", design.typeIError())
                .summary("power", design.power())
                .summary("earlyStopPercentH0", 100 * design.pet0())
                .summary("earlyStopPercentH1", 100 * design.pet1())
                .summary("expectedPatientsH0", design.en0())
                .summary("expectedPatientsH1", design.en1())
                .build();
    }
}
