package io.daybreak.methods.design.phase2;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
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

/** {@code design.pp-monitor}: Lee &amp; Liu predictive-probability monitoring of a single-arm Phase II trial. */
@Component(service = Method.class)
public final class PpMonitorMethod extends DesignMethod<PpMonitorMethod.PpMonitorSettings> {
    /** What design.pp-monitor takes: the trial so far, the null rate, the prior and the decision thresholds. */
    record PpMonitorSettings(
            @Setting(unit = "patients", min = 1, max = 10_000, doc = "maximum sample size")
            int nmax,
            @Setting(unit = "patients", min = 0, doc = "patients evaluated so far, n")
            int patients,
            @Setting(unit = "patients", min = 0, doc = "responses so far, x")
            int responses,
            @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "response rate the treatment must beat")
            double p0,
            BetaPrior prior,
            @Setting(optional = true, doc = "a mixture-of-betas prior used instead of Beta(priorA, priorB): 'w1,a1,b1;"
                    + "w2,a2,b2;...' (weights summing to 1), e.g. design.map-prior's mixture or robustMixture")
            String priorMixture,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.9",
                    doc = "success at the end: P(p > p0 | data) > thetaT")
            double thetaT,
            @Setting(min = 0, max = 1, maxInclusive = false, defaultValue = "0.05", doc = "stop for futility when PP < thetaL")
            double thetaL,
            @Setting(min = 0, minInclusive = false, max = 1, defaultValue = "1",
                    doc = "stop for efficacy when PP > thetaU (1: never)")
            double thetaU,
            @Setting(unit = "patients", min = 1, defaultValue = "1", doc = "smallest interim size in the boundary table")
            int firstLook) {

        PpMonitorSettings {
            if (patients > nmax) {
                throw new InvalidParameterException("parameter 'patients' = " + patients + " exceeds 'nmax' = " + nmax);
            }
            if (responses > patients) {
                throw new InvalidParameterException("parameter 'responses' = " + responses + " exceeds 'patients' = "
                        + patients);
            }
            if (priorMixture != null) {
                BetaMixture.parse("priorMixture", priorMixture);
            }
            if (thetaL >= thetaU) {
                throw new InvalidParameterException("need thetaL < thetaU; got thetaL = " + thetaL + ", thetaU = "
                        + thetaU);
            }
        }

        /** The predictive probability of success with {@code x} responses among {@code n} patients. */
        double predictiveProbability(int x, int n) {
            BetaMixture mixture = mixture();
            return mixture != null ? PredictiveProbability.of(x, n, nmax, mixture, p0, thetaT)
                    : PredictiveProbability.of(x, n, nmax, prior.priorA(), prior.priorB(), p0, thetaT);
        }

        /** The mixture prior, or null for Beta(priorA, priorB). */
        BetaMixture mixture() {
            return priorMixture == null ? null : BetaMixture.parse("priorMixture", priorMixture);
        }
    }

    public PpMonitorMethod() {
        super(PpMonitorSettings.class, MethodDescriptor.builder("design.pp-monitor",
                "Predictive probability monitoring (Lee & Liu)")
                .category("design")
                .reference("Lee & Liu, Clin Trials 5:93-106 (2008)")
                .description("Predictive probability that a single-arm trial ends in success (P(p > p0 | data) > "
                        + "thetaT at nmax patients) given the responses so far, the decision (stop for futility if "
                        + "PP < thetaL, for efficacy if PP > thetaU, else continue), the futility boundary for "
                        + "every interim size from firstLook to nmax - 1, the minimum number of future responses "
                        + "that still makes the trial a success, and Lee & Liu's table of the future responses.")
                .output(TableSpec.of("futilityBoundary", "per interim size n: stop for futility if responses <= "
                        + "stopIfAtMost (null: never at this n)", column("patients", INT64), column("stopIfAtMost", INT64),
                        column("predictiveProbabilityAtBoundary", FLOAT64)))
                .output(TableSpec.of("predictive", "at the current interim, per number i = 0..nmax - patients of "
                        + "future responses: its predictive probability P(Y = i | data), the posterior probability "
                        + "P(p > p0 | responses + i, nmax) at the end, and whether that declares success (> thetaT); "
                        + "the predictive probability is the sum of probability over the successful rows",
                        column("futureResponses", INT64), column("totalResponses", INT64), column("probability", FLOAT64),
                        column("posteriorAtEnd", FLOAT64), column("success", BOOLEAN))));
    }

    @Override
    protected MethodResult run(PpMonitorSettings settings, MethodContext context) {
        int nmax = settings.nmax();
        int n = settings.patients();
        int x = settings.responses();
        double thetaL = settings.thetaL();
        double pp = settings.predictiveProbability(x, n);
        String decision = pp < thetaL ? "stop-futility" : pp > settings.thetaU() ? "stop-efficacy" : "continue";

        List<Object> sizes = new ArrayList<>();
        List<Object> bounds = new ArrayList<>();
        List<Object> boundaryPp = new ArrayList<>();
        for (int m = settings.firstLook(); m < nmax; m++) {
            int bound = -1;
            for (int r = 0; r <= m && settings.predictiveProbability(r, m) < thetaL; r++) {
                bound = r; // PP increases with the responses: the boundary is the last r still below thetaL
            }
            sizes.add((long) m);
            bounds.add(bound < 0 ? null : (long) bound);
            boundaryPp.add(bound < 0 ? null : settings.predictiveProbability(bound, m));
        }
        Table table = Table.builder(context.allocator())
                .add("patients", ColumnType.INT64, sizes)
                .add("stopIfAtMost", ColumnType.INT64, bounds)
                .add("predictiveProbabilityAtBoundary", ColumnType.FLOAT64, boundaryPp)
                .build();
        double a = settings.prior().priorA();
        double b = settings.prior().priorB();
        BetaMixture mixture = settings.mixture();
        double[][] rows = mixture != null ? PredictiveProbability.table(x, n, nmax, mixture, settings.p0(), settings.thetaT())
                : PredictiveProbability.table(x, n, nmax, a, b, settings.p0(), settings.thetaT());
        int size = rows.length;
        long[] future = new long[size];
        long[] total = new long[size];
        double[] probability = new double[size];
        double[] posterior = new double[size];
        boolean[] success = new boolean[size];
        for (int i = 0; i < size; i++) {
            future[i] = (long) rows[i][0];
            total[i] = x + future[i];
            probability[i] = rows[i][1];
            posterior[i] = rows[i][2];
            success[i] = rows[i][3] == 1;
        }
        Table predictive;
        try {
            predictive = Table.builder(context.allocator())
                    .addInt64("futureResponses", future)
                    .addInt64("totalResponses", total)
                    .addFloat64("probability", probability)
                    .addFloat64("posteriorAtEnd", posterior)
                    .addBoolean("success", success)
                    .build();
        } catch (RuntimeException | Error e) {
            table.close();
            throw e;
        }
        int minFinal = mixture != null ? PredictiveProbability.minFinalResponses(nmax, mixture, settings.p0(), settings.thetaT())
                : PredictiveProbability.minFinalResponses(nmax, a, b, settings.p0(), settings.thetaT());
        boolean reachable = minFinal >= 0 && minFinal - x <= nmax - n;
        MethodResult.Builder result = MethodResult.builder()
                .output("futilityBoundary", table)
                .output("predictive", predictive)
                .summary("predictiveProbability", pp)
                .summary("decision", decision)
                .summary("posteriorProbability", mixture != null ? mixture.posterior(x, n).survival(settings.p0())
                        : org.apache.commons.statistics.distribution.BetaDistribution
                        .of(settings.prior().priorA() + x, settings.prior().priorB() + n - x)
                        .survivalProbability(settings.p0()))
                .summary("successReachable", reachable);
        if (reachable) {
            // success is monotone in the final count, so exactly the future counts >= this one succeed
            result.summary("minFinalResponses", (long) minFinal)
                    .summary("minFutureResponses", (long) Math.max(0, minFinal - x));
        }
        return result.build();
    }
}
