package io.daybreak.examples.externalcontrol;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.data.Table;
import io.daybreak.stats.random.RandomStreams;

/**
 * Synthetic patients for the example: a single-arm trial and a larger pool of historical (real-world) controls
 * who differ from the trial patients the way real external controls do. The controls are older and sicker
 * (ECOG 2 occurs, more prior lines), their follow-up starts at diagnosis and reaches the qualifying line of
 * therapy at {@code indexDay} (some die before it), and their records end when the database does. Survival
 * after time zero is exponential with hazard h·exp(0.03(age − 62) + 0.45·ECOG + 0.25(lines − 1) − 0.35·marker)
 * for everyone, times {@link #TRUE_HAZARD_RATIO} on the trial drug: the effect the analysis should recover.
 *
 * <p>Columns: {@code trial} (1 trial, 0 historical), {@code age}, {@code ecog}, {@code priorLines},
 * {@code biomarker}, {@code indexDay} (days from the start of follow-up to time zero: 0 in the trial),
 * {@code eventDay} (days from the start of follow-up to death or censoring), {@code status} (1 death),
 * {@code response} (1 objective response).
 */
final class SyntheticCohorts {
    /** The trial drug's true conditional hazard ratio in the generated data. */
    static final double TRUE_HAZARD_RATIO = 0.65;
    private static final double BASE_HAZARD = Math.log(2) / 300;
    private static final double TRIAL_FOLLOW_UP = 730;

    private SyntheticCohorts() {
    }

    static Table generate(int trialPatients, int historicalPatients, long seed, BufferAllocator allocator) {
        int n = trialPatients + historicalPatients;
        double[][] c = new double[9][n];
        RandomStreams streams = new RandomStreams(seed);
        for (int i = 0; i < n; i++) {
            UniformRandomProvider random = streams.stream(i);
            boolean trial = i < trialPatients;
            double age = Math.min(85, Math.max(25, trial ? normal(random, 61, 8) : normal(random, 66, 10)));
            double ecog = trial ? bernoulli(random, 0.45) : categorical(random, 0.25, 0.45);
            double lines = trial ? 1 + bernoulli(random, 0.35) : Math.min(4, 1 + Math.floor(-Math.log(random.nextDouble())
                    * 1.1));
            double marker = bernoulli(random, trial ? 0.45 : 0.30);
            double hazard = controlHazard(Math.round(age), ecog, lines, marker) * (trial ? TRUE_HAZARD_RATIO : 1);
            double index = trial ? 0 : 60 + 540 * random.nextDouble();
            double death = index + exponential(random, hazard);
            if (!trial && random.nextDouble() < 0.12) {
                death = index * random.nextDouble(); // died before reaching the qualifying line
            }
            double end = trial ? TRIAL_FOLLOW_UP : index + 200 + 1300 * random.nextDouble();
            double dropout = index + exponential(random, Math.log(2) / 2000);
            double exit = Math.min(death, Math.min(end, dropout));
            double logit = -1.2 + (trial ? 0.9 : 0) - 0.4 * ecog + 0.5 * marker;
            double indexDay = Math.round(index);
            // whole days; someone still followed after time zero keeps at least one day of follow-up
            double exitDay = exit > index ? Math.max(indexDay + 1, Math.round(exit)) : Math.min(indexDay, Math.round(exit));
            double[] row = {trial ? 1 : 0, Math.round(age), ecog, lines, marker, indexDay, exitDay, death <= exit ? 1 : 0,
                bernoulli(random, 1 / (1 + Math.exp(-logit)))};
            for (int k = 0; k < row.length; k++) {
                c[k][i] = row[k];
            }
        }
        return Table.builder(allocator).addFloat64("trial", c[0]).addFloat64("age", c[1]).addFloat64("ecog", c[2])
                .addFloat64("priorLines", c[3]).addFloat64("biomarker", c[4]).addFloat64("indexDay", c[5])
                .addFloat64("eventDay", c[6]).addFloat64("status", c[7]).addFloat64("response", c[8]).build();
    }

    /** A patient's daily hazard of death after time zero without the trial drug. */
    static double controlHazard(double age, double ecog, double priorLines, double biomarker) {
        return BASE_HAZARD * Math.exp(0.03 * (age - 62) + 0.45 * ecog + 0.25 * (priorLines - 1) - 0.35 * biomarker);
    }

    private static double normal(UniformRandomProvider random, double mean, double sd) {
        // Box–Muller; one draw per call keeps each patient's stream use fixed
        double u = 1 - random.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double bernoulli(UniformRandomProvider random, double p) {
        return random.nextDouble() < p ? 1 : 0;
    }

    private static double categorical(UniformRandomProvider random, double p0, double p1) {
        double u = random.nextDouble();
        return u < p0 ? 0 : u < p0 + p1 ? 1 : 2;
    }

    private static double exponential(UniformRandomProvider random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }
}
