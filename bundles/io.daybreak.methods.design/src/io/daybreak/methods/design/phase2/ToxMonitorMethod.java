package io.daybreak.methods.design.phase2;

import static io.daybreak.core.method.TableSpec.column;
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
import io.daybreak.methods.design.oc.DesignMethod;

/** {@code design.tox-monitor}: beta-binomial continuous toxicity monitoring boundaries with exact OC. */
@Component(service = Method.class)
public final class ToxMonitorMethod extends DesignMethod<ToxMonitorMethod.ToxMonitorSettings> {
    /** What design.tox-monitor takes: the rule, its prior and, for exact operating characteristics, true rates. */
    record ToxMonitorSettings(
            @Setting(unit = "patients", min = 1, max = 10_000)
            int maxPatients,
            @Setting(unit = "toxicity rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "unacceptable toxicity rate")
            double pTox,
            @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.9",
                    doc = "stop when P(rate > pTox | data) exceeds this")
            double cutoff,
            BetaPrior prior,
            @Setting(unit = "patients", min = 1, defaultValue = "1", doc = "first patient after whom the rule applies")
            int firstLook,
            @Setting(unit = "toxicity rate", min = 0, max = 1, optional = true,
                    doc = "true toxicity rates for the exact operating characteristics")
            double[] truth) {

        ToxMonitorSettings {
            if (firstLook > maxPatients) {
                throw new InvalidParameterException("parameter 'firstLook' = " + firstLook + " exceeds 'maxPatients' = "
                        + maxPatients);
            }
        }

        ToxicityMonitor monitor() {
            return new ToxicityMonitor(maxPatients, pTox, cutoff, prior.priorA(), prior.priorB(), firstLook);
        }

        @Override
        public double[] truth() {
            return truth == null ? null : truth.clone();
        }
    }

    public ToxMonitorMethod() {
        super(ToxMonitorSettings.class, MethodDescriptor.builder("design.tox-monitor",
                "Bayesian continuous toxicity monitoring (beta-binomial)")
                .category("design")
                .reference("Thall, Simon & Estey, Stat Med 14:357-379 (1995); Thall & Simon, Biometrics 50:337 (1994)")
                .description("Stopping boundaries: after each patient from firstLook on, stop if P(toxicity rate > "
                        + "pTox | data) > cutoff under a Beta(a, b) prior. For each true rate in 'truth', the exact "
                        + "probability of stopping early and the expected number of patients.")
                .output(TableSpec.of("boundaries", "stop after patient n if toxicities >= stopIfAtLeast (null: never)",
                        column("patients", INT64), column("stopIfAtLeast", INT64)))
                .output(TableSpec.optional("operatingCharacteristics", "per true rate: exact probability of stopping "
                        + "early and expected patients", column("truth", FLOAT64), column("stopPercent", FLOAT64),
                        column("expectedPatients", FLOAT64))));
    }

    @Override
    protected MethodResult run(ToxMonitorSettings settings, MethodContext context) {
        int maxPatients = settings.maxPatients();
        ToxicityMonitor monitor = settings.monitor();
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
        double[] truth = settings.truth();
        if (truth != null) {
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
