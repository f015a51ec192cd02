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

/** {@code design.pp-monitor}: Lee &amp; Liu predictive-probability monitoring of a single-arm Phase II trial. */
@Component(service = Method.class)
public final class PpMonitorMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("design.pp-monitor",
            "Predictive probability monitoring (Lee & Liu)")
            .category("design")
            .reference("Lee & Liu, Clin Trials 5:93-106 (2008)")
            .description("Predictive probability that a single-arm trial ends in success (P(p > p0 | data) > "
                    + "thetaT at nmax patients) given the responses so far, the decision (stop for futility if "
                    + "PP < thetaL, for efficacy if PP > thetaU, else continue), and the futility boundary for "
                    + "every interim size from firstLook to nmax - 1.")
            .parameter(ParameterSpec.integer("nmax").min(1).max(10_000).unit("patients").doc("maximum sample size"))
            .parameter(ParameterSpec.integer("patients").min(0).unit("patients").doc("patients evaluated so far, n"))
            .parameter(ParameterSpec.integer("responses").min(0).unit("patients").doc("responses so far, x"))
            .parameter(ParameterSpec.real("p0").greaterThan(0).lessThan(1).unit("response rate")
                    .doc("response rate the treatment must beat"))
            .parameter(ParameterSpec.real("priorA").greaterThan(0).defaultValue(1.0).doc("a of the Beta(a, b) prior"))
            .parameter(ParameterSpec.real("priorB").greaterThan(0).defaultValue(1.0).doc("b of the Beta(a, b) prior"))
            .parameter(ParameterSpec.real("thetaT").greaterThan(0).lessThan(1).defaultValue(0.9)
                    .doc("success at the end: P(p > p0 | data) > thetaT"))
            .parameter(ParameterSpec.real("thetaL").min(0).lessThan(1).defaultValue(0.05)
                    .doc("stop for futility when PP < thetaL"))
            .parameter(ParameterSpec.real("thetaU").greaterThan(0).max(1).defaultValue(1.0)
                    .doc("stop for efficacy when PP > thetaU (1: never)"))
            .parameter(ParameterSpec.integer("firstLook").min(1).defaultValue(1L).unit("patients")
                    .doc("smallest interim size in the boundary table"))
            .output(TableSpec.of("futilityBoundary", "per interim size n: stop for futility if responses <= "
                    + "stopIfAtMost (null: never at this n)", column("patients", INT64), column("stopIfAtMost", INT64),
                    column("predictiveProbabilityAtBoundary", FLOAT64)))
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        int nmax = (int) parameters.integer("nmax");
        int n = (int) parameters.integer("patients");
        int x = (int) parameters.integer("responses");
        if (n > nmax) {
            throw new InvalidParameterException("parameter 'patients' = " + n + " exceeds 'nmax' = " + nmax);
        }
        if (x > n) {
            throw new InvalidParameterException("parameter 'responses' = " + x + " exceeds 'patients' = " + n);
        }
        double a = parameters.real("priorA");
        double b = parameters.real("priorB");
        double p0 = parameters.real("p0");
        double thetaT = parameters.real("thetaT");
        double thetaL = parameters.real("thetaL");
        double thetaU = parameters.real("thetaU");
        if (thetaL >= thetaU) {
            throw new InvalidParameterException("need thetaL < thetaU; got thetaL = " + thetaL + ", thetaU = " + thetaU);
        }
        double pp = PredictiveProbability.of(x, n, nmax, a, b, p0, thetaT);
        String decision = pp < thetaL ? "stop-futility" : pp > thetaU ? "stop-efficacy" : "continue";

        List<Object> sizes = new ArrayList<>();
        List<Object> bounds = new ArrayList<>();
        List<Object> boundaryPp = new ArrayList<>();
        for (int m = (int) parameters.integer("firstLook"); m < nmax; m++) {
            int bound = -1;
            for (int r = 0; r <= m && PredictiveProbability.of(r, m, nmax, a, b, p0, thetaT) < thetaL; r++) {
                bound = r; // PP increases with the responses: the boundary is the last r still below thetaL
            }
            sizes.add((long) m);
            bounds.add(bound < 0 ? null : (long) bound);
            boundaryPp.add(bound < 0 ? null : PredictiveProbability.of(bound, m, nmax, a, b, p0, thetaT));
        }
        Table table = Table.builder(context.allocator())
                .add("patients", ColumnType.INT64, sizes)
                .add("stopIfAtMost", ColumnType.INT64, bounds)
                .add("predictiveProbabilityAtBoundary", ColumnType.FLOAT64, boundaryPp)
                .build();
        return MethodResult.builder()
                .output("futilityBoundary", table)
                .summary("predictiveProbability", pp)
                .summary("decision", decision)
                .summary("posteriorProbability", org.apache.commons.statistics.distribution.BetaDistribution
                        .of(a + x, b + n - x).survivalProbability(p0))
                .build();
    }
}
