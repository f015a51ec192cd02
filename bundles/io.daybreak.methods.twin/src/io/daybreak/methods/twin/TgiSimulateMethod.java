package io.daybreak.methods.twin;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.KaplanMeier;
import io.daybreak.stats.twin.VirtualPatients;

/**
 * {@code twin.tgi-simulate}: seeded virtual patients with tumour size curves, RECIST responses, PFS and optional
 * OS ({@link VirtualPatients}, {@link io.daybreak.stats.twin.Recist}). Patient i uses random stream i.
 */
@Component(service = Method.class)
public final class TgiSimulateMethod extends SettingsMethod<TgiSimulateSettings> {
    static final TableSpec PATIENTS = TableSpec.of("patients", "one row per virtual patient", column("id", INT64),
            column("arm", INT64), column("biomarker", INT64), column("base", FLOAT64), column("kl", FLOAT64),
            column("kd", FLOAT64), column("lambda", FLOAT64), column("d", FLOAT64), column("g", FLOAT64),
            column("ttg", FLOAT64), column("bestResponse", STRING), column("bestChange", FLOAT64),
            column("pfsTime", FLOAT64), column("pfsEvent", INT64), column("osTime", FLOAT64), column("osEvent", INT64));
    static final TableSpec VISITS = TableSpec.of("visits", "one row per patient and assessment (baseline at 0)",
            column("id", INT64), column("time", FLOAT64), column("size", FLOAT64));
    public TgiSimulateMethod() {
        super(TgiSimulateSettings.class, MethodDescriptor.builder("twin.tgi-simulate",
                "Virtual patients: tumour growth inhibition curves, RECIST responses, PFS and OS")
                .category("twin")
                .reference("Claret et al., J Clin Oncol 2009 (TGI model, time to growth); Stein et al., Clin Cancer Res "
                        + "2008 (bi-exponential); Eisenhauer et al., Eur J Cancer 2009 (RECIST 1.1)")
                .description("Claret: TS(t) = BASE exp(KL t - KD/lambda (1 - exp(-lambda t))); gd: TS(t) = BASE (exp(-d t) "
                        + "+ exp(g t) - 1). Log-normal between-patient variability (CV parameters, typical value = "
                        + "median), the drug-effect rate (KD or d) scaled by 'exposure', by 'armRatio' in arm 1 and by "
                        + "'biomarkerRatio' for biomarker-positive patients; multiplicative residual error; assessments "
                        + "every 'interval' days, ended by dropout, death or follow-up. RECIST 1.1 target lesions: PR at "
                        + "<= -30% from baseline, PD at >= +20% and >= minIncrease mm above the nadir; best response "
                        + "PR/SD/PD (CR impossible: sizes never reach 0), unconfirmed. PFS: first PD or death, else "
                        + "censored at the last assessment. Optional OS: exponential, log hazard linear in the week-8 "
                        + "relative change (osLink=ratio8) or in the time to growth in years (osLink=ttg).")
                .output(PATIENTS)
                .output(VISITS));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, TgiSimulateSettings settings, MethodContext context) {
        VirtualPatients generator = settings.generator();
        int n = settings.n();
        TwinTables.Rows patients = new TwinTables.Rows().column("id", INT64).column("arm", INT64)
                .column("biomarker", INT64).column("base", FLOAT64).column("kl", FLOAT64).column("kd", FLOAT64)
                .column("lambda", FLOAT64).column("d", FLOAT64).column("g", FLOAT64).column("ttg", FLOAT64)
                .column("bestResponse", STRING).column("bestChange", FLOAT64).column("pfsTime", FLOAT64)
                .column("pfsEvent", INT64).column("osTime", FLOAT64).column("osEvent", INT64);
        TwinTables.Rows visits = new TwinTables.Rows().column("id", INT64).column("time", FLOAT64)
                .column("size", FLOAT64);
        double[] pfsTime = new double[n];
        boolean[] pfsEvent = new boolean[n];
        double[] osTime = new double[n];
        boolean[] osEvent = new boolean[n];
        long responders = 0;
        long evaluable = 0;
        for (int i = 0; i < n; i++) {
            context.checkCancelled();
            VirtualPatients.Patient p = generator.simulate(context.random(i));
            double[] q = p.parameters();
            boolean claret = generator.claret();
            patients.add((long) (i + 1), (long) p.arm(), (long) p.biomarker(), q[0], claret ? q[1] : Double.NaN,
                    claret ? q[2] : Double.NaN, claret ? q[3] : Double.NaN, claret ? Double.NaN : q[1],
                    claret ? Double.NaN : q[2], p.timeToGrowth(), p.recist().bestResponse(), p.recist().bestChange(),
                    p.pfsTime(), p.pfsEvent() ? 1L : 0L, p.osTime(), p.osEvent() ? 1L : 0L);
            for (int k = 0; k < p.time().length; k++) {
                visits.add((long) (i + 1), p.time()[k], p.size()[k]);
            }
            responders += p.recist().bestResponse().equals("PR") ? 1 : 0;
            evaluable += p.recist().bestResponse().equals("NE") ? 0 : 1;
            pfsTime[i] = p.pfsTime();
            pfsEvent[i] = p.pfsEvent();
            osTime[i] = p.osTime();
            osEvent[i] = p.osEvent();
            if (i % 1000 == 0) {
                context.progress(i / (double) n, "patient " + (i + 1));
            }
        }
        double pfsMedian = KaplanMeier.estimate(EventCounts.of(pfsTime, pfsEvent, null, 1), 0, 0.95).median()[0];
        double osMedian = KaplanMeier.estimate(EventCounts.of(osTime, osEvent, null, 1), 0, 0.95).median()[0];
        MethodResult.Builder result = MethodResult.builder().output("patients", patients.build(context.allocator()))
                .output("visits", visits.build(context.allocator()))
                .summary("n", (long) n)
                .summary("responders", responders)
                .summary("orr", responders / (double) n)
                .summary("evaluable", evaluable)
                .summary("medianPfsReached", !Double.isNaN(pfsMedian));
        if (!Double.isNaN(pfsMedian)) {
            result.summary("medianPfs", pfsMedian);
        }
        if (settings.survival().osHazard() > 0 && !Double.isNaN(osMedian)) {
            result.summary("medianOs", osMedian);
        }
        return result.build();
    }
}
