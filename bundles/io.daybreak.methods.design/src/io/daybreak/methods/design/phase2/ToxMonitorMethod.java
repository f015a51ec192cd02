package io.daybreak.methods.design.phase2;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/** {@code design.tox-monitor}: beta-binomial continuous toxicity monitoring boundaries with exact OC. */
@Component(service = Method.class)
public final class ToxMonitorMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("design.tox-monitor",
            "Bayesian continuous toxicity monitoring (beta-binomial)")
            .category("design")
            .reference("Thall, Simon & Estey, Stat Med 14:357-379 (1995); Thall & Simon, Biometrics 50:337 (1994)")
            .description("Stopping boundaries: after each patient from firstLook on, stop if P(toxicity rate > "
                    + "pTox | data) > cutoff under a Beta(a, b) prior. For each true rate in 'truth', the exact "
                    + "probability of stopping early and the expected number of patients.")
            .parameter(ParameterSpec.integer("maxPatients").min(1).max(10_000).unit("patients"))
            .parameter(ParameterSpec.real("pTox").greaterThan(0).lessThan(1).unit("toxicity rate")
                    .doc("unacceptable toxicity rate"))
            .parameter(ParameterSpec.real("cutoff").greaterThan(0.5).lessThan(1).defaultValue(0.9)
                    .doc("stop when P(rate > pTox | data) exceeds this"))
            .parameter(ParameterSpec.real("priorA").greaterThan(0).defaultValue(1.0).doc("a of the Beta(a, b) prior"))
            .parameter(ParameterSpec.real("priorB").greaterThan(0).defaultValue(1.0).doc("b of the Beta(a, b) prior"))
            .parameter(ParameterSpec.integer("firstLook").min(1).defaultValue(1L).unit("patients")
                    .doc("first patient after whom the rule applies"))
            .parameter(ParameterSpec.reals("truth").min(0).max(1).optional().unit("toxicity rate")
                    .doc("true toxicity rates for the exact operating characteristics"))
            .output(TableSpec.of("boundaries", "stop after patient n if toxicities >= stopIfAtLeast (null: never)",
                    column("patients", INT64), column("stopIfAtLeast", INT64)))
            .output(TableSpec.optional("operatingCharacteristics", "per true rate: exact probability of stopping "
                    + "early and expected patients", column("truth", FLOAT64), column("stopPercent", FLOAT64),
                    column("expectedPatients", FLOAT64)))
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        int maxPatients = (int) parameters.integer("maxPatients");
        int firstLook = (int) parameters.integer("firstLook");
        if (firstLook > maxPatients) {
            throw new InvalidParameterException("parameter 'firstLook' = " + firstLook + " exceeds 'maxPatients' = "
                    + maxPatients);
        }
        ToxicityMonitor monitor = new ToxicityMonitor(maxPatients, parameters.real("pTox"), parameters.real("cutoff"),
                parameters.real("priorA"), parameters.real("priorB"), firstLook);
        List<Object> sizes = new ArrayList<>();
        List<Object> bounds = new ArrayList<>();
        List<Object> boundsForSummary = new ArrayList<>();
        for (int n = 1; n <= maxPatients; n++) {
            sizes.add((long) n);
            bounds.add(monitor.boundary(n) < 0 ? null : (long) monitor.boundary(n));
            boundsForSummary.add((long) monitor.boundary(n));
        }
        MethodResult.Builder result = MethodResult.builder()
                .output("boundaries", Table.builder(context.allocator()).add("patients", ColumnType.INT64, sizes)
                        .add("stopIfAtLeast", ColumnType.INT64, bounds).build())
                .summary("stopIfAtLeast", boundsForSummary);
        if (parameters.has("truth")) {
            double[] truth = parameters.reals("truth");
            double[] stop = new double[truth.length];
            double[] patients = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                double[] oc = monitor.operatingCharacteristics(truth[i]);
                stop[i] = 100 * oc[0];
                patients[i] = oc[1];
            }
            result.output("operatingCharacteristics", Table.builder(context.allocator()).addFloat64("truth", truth)
                    .addFloat64("stopPercent", stop).addFloat64("expectedPatients", patients).build())
                    .summary("stopPercent", stop)
                    .summary("expectedPatients", patients);
        }
        return result.build();
    }
}
