package io.daybreak.methods.stats.synthetic;

import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * {@code stats.simulate-trial}: synthetic patients of a two-arm trial, for demonstrations and method
 * development without real data. Age ~ N(60, 10²) truncated to 18–90, sex 1 or 2 with probability ½, arm 0 or
 * 1 with probability ½. Survival is exponential with hazard {@code baseHazard}·exp(β_age(age − 60) +
 * β_sex[sex = 2] + β_arm·arm), censored by uniform dropout over the follow-up and administratively at
 * {@code followUp} days; {@code status} 1 is death. Response is Bernoulli with logit −0.5 + 0.8·arm +
 * 0.02(age − 60). Patient i draws only from random stream i.
 */
@Component(service = Method.class)
public final class SimulateTrialMethod extends SettingsMethod<SimulateTrialMethod.SimulationSettings> {
    /** What stats.simulate-trial takes: the number of patients, their first id, the hazard model and follow-up. */
    record SimulationSettings(
            @Setting(unit = "patients", min = 1, max = 10_000_000, defaultValue = "300")
            int n,
            @Setting(min = 1, defaultValue = "1", doc = "id of the first patient")
            long firstId,
            @Setting(unit = "per day", min = 0, minInclusive = false, defaultValue = "0.002")
            double baseHazard,
            @Setting(defaultValue = "0.02", doc = "log hazard ratio per year of age")
            double logHazardAge,
            @Setting(defaultValue = "-0.4", doc = "log hazard ratio of sex 2")
            double logHazardSex,
            @Setting(defaultValue = "-0.5", doc = "log hazard ratio of arm 1")
            double logHazardArm,
            @Setting(unit = "days", min = 0, minInclusive = false, defaultValue = "730", doc = "administrative censoring time")
            double followUp) {

        /** The hazard of a patient of this age, sex and arm. */
        double hazard(double age, long sex, long arm) {
            return baseHazard * Math.exp(logHazardAge * (age - 60) + (sex == 2 ? logHazardSex : 0) + logHazardArm * arm);
        }
    }

    public SimulateTrialMethod() {
        super(SimulationSettings.class, MethodDescriptor.builder("stats.simulate-trial",
                "Synthetic patients of a two-arm trial (survival and response)")
                .category("statistics")
                .reference("synthetic; exponential proportional hazards with uniform dropout and administrative censoring")
                .description("One row per synthetic patient: id, age, sex, arm, time (days), status (1 = death, "
                        + "0 = censored), response (0/1). Seeded; for demonstrations, never real data.")
                .output(TableSpec.of("patients", "one row per synthetic patient", TableSpec.column("id", ColumnType.INT64),
                        TableSpec.column("age", ColumnType.FLOAT64), TableSpec.column("sex", ColumnType.INT64),
                        TableSpec.column("arm", ColumnType.INT64), TableSpec.column("time", ColumnType.FLOAT64),
                        TableSpec.column("status", ColumnType.INT64), TableSpec.column("response", ColumnType.INT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, SimulationSettings settings, MethodContext context) {
        int n = settings.n();
        long firstId = settings.firstId();
        double followUp = settings.followUp();
        NormalDistribution normal = NormalDistribution.of(0, 1);
        long[] id = new long[n];
        double[] age = new double[n];
        long[] sex = new long[n];
        long[] arm = new long[n];
        double[] time = new double[n];
        long[] status = new long[n];
        long[] response = new long[n];
        long deaths = 0;
        for (int i = 0; i < n; i++) {
            context.checkCancelled();
            UniformRandomProvider random = context.random(i);
            id[i] = firstId + i;
            age[i] = Math.rint(Math.max(18, Math.min(90, 60 + 10 * normal.inverseCumulativeProbability(
                    0.001 + 0.998 * random.nextDouble()))));
            sex[i] = random.nextDouble() < 0.5 ? 1 : 2;
            arm[i] = random.nextDouble() < 0.5 ? 0 : 1;
            double hazard = settings.hazard(age[i], sex[i], arm[i]);
            double death = -Math.log1p(-random.nextDouble()) / hazard;
            double dropout = followUp * (0.3 + 0.7 * random.nextDouble()) * (random.nextDouble() < 0.15 ? 0.5 : 2);
            double censor = Math.min(followUp, dropout);
            time[i] = Math.ceil(Math.min(death, censor));
            status[i] = death <= censor ? 1 : 0;
            deaths += status[i];
            double logit = -0.5 + 0.8 * arm[i] + 0.02 * (age[i] - 60);
            response[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        Table patients = Table.builder(context.allocator()).addInt64("id", id).addFloat64("age", age)
                .addInt64("sex", sex).addInt64("arm", arm).addFloat64("time", time).addInt64("status", status)
                .addInt64("response", response).build();
        return MethodResult.builder().output("patients", patients).summary("n", (long) n).summary("deaths", deaths)
                .build();
    }
}
