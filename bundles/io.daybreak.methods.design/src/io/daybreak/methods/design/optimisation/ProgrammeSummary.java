package io.daybreak.methods.design.optimisation;

/**
 * Operating characteristics of simulated programmes, accumulated as whole counts (so that merging the chunks of a
 * parallel simulation is exact and results do not depend on the number of threads). The duration is a linear function
 * of a trial's escalation cohorts c, randomised patients k and whether the stage ran s, so its mean and variance are
 * computed from the sums of c, k, s and their products. Not thread-safe: one per worker, then {@link #merge}.
 */
final class ProgrammeSummary {
    final int doses;
    /** Final selection per dose, then none. */
    final long[] finalSelected;
    /** Escalation's selected dose per dose, then none. */
    final long[] escalationSelected;
    final long[] escalationPatients;
    final long[] escalationPatientsSquares;
    final long[] randomisedPatients;
    final long[] randomisedPatientsSquares;
    final long[] escalationDlts;
    final long[] randomisedDlts;
    final long[] escalationResponses;
    final long[] randomisedResponses;
    long trials;
    long correct;
    long stages;
    long stageCorrect;
    long totalPatients;
    long totalPatientsSquares;
    long cohorts;
    long cohortsSquares;
    long stagePatients;
    long stagePatientsSquares;
    long cohortsTimesPatients;
    long cohortsTimesStages;

    ProgrammeSummary(int doses) {
        this.doses = doses;
        finalSelected = new long[doses + 1];
        escalationSelected = new long[doses + 1];
        escalationPatients = new long[doses];
        escalationPatientsSquares = new long[doses];
        randomisedPatients = new long[doses];
        randomisedPatientsSquares = new long[doses];
        escalationDlts = new long[doses];
        randomisedDlts = new long[doses];
        escalationResponses = new long[doses];
        randomisedResponses = new long[doses];
    }

    /**
     * @param trueOptimal the right final dose (−1: none)
     * @param stageRight  per escalation selection (index mtd), the right dose among the arms it leads to
     */
    void add(Programme.Outcome outcome, int trueOptimal, int[] stageRight) {
        trials++;
        finalSelected[outcome.selected < 0 ? doses : outcome.selected]++;
        escalationSelected[outcome.mtd < 0 ? doses : outcome.mtd]++;
        long total = 0;
        for (int d = 0; d < doses; d++) {
            long e = outcome.escalationPatients[d];
            long r = outcome.randomisedPatients[d];
            escalationPatients[d] += e;
            escalationPatientsSquares[d] += e * e;
            randomisedPatients[d] += r;
            randomisedPatientsSquares[d] += r * r;
            escalationDlts[d] += outcome.escalationDlts[d];
            randomisedDlts[d] += outcome.randomisedDlts[d];
            escalationResponses[d] += outcome.escalationResponses[d];
            randomisedResponses[d] += outcome.randomisedResponses[d];
            total += e + r;
        }
        totalPatients += total;
        totalPatientsSquares += total * total;
        if (outcome.selected == trueOptimal) {
            correct++;
        }
        long c = outcome.cohorts;
        long k = outcome.randomisedTotal();
        long s = outcome.mtd >= 0 ? 1 : 0;
        if (s == 1) {
            stages++;
            if (outcome.selected == stageRight[outcome.mtd]) {
                stageCorrect++;
            }
        }
        cohorts += c;
        cohortsSquares += c * c;
        stagePatients += k;
        stagePatientsSquares += k * k;
        cohortsTimesPatients += c * k;
        cohortsTimesStages += c * s;
    }

    void merge(ProgrammeSummary o) {
        for (int d = 0; d <= doses; d++) {
            finalSelected[d] += o.finalSelected[d];
            escalationSelected[d] += o.escalationSelected[d];
        }
        for (int d = 0; d < doses; d++) {
            escalationPatients[d] += o.escalationPatients[d];
            escalationPatientsSquares[d] += o.escalationPatientsSquares[d];
            randomisedPatients[d] += o.randomisedPatients[d];
            randomisedPatientsSquares[d] += o.randomisedPatientsSquares[d];
            escalationDlts[d] += o.escalationDlts[d];
            randomisedDlts[d] += o.randomisedDlts[d];
            escalationResponses[d] += o.escalationResponses[d];
            randomisedResponses[d] += o.randomisedResponses[d];
        }
        trials += o.trials;
        correct += o.correct;
        stages += o.stages;
        stageCorrect += o.stageCorrect;
        totalPatients += o.totalPatients;
        totalPatientsSquares += o.totalPatientsSquares;
        cohorts += o.cohorts;
        cohortsSquares += o.cohortsSquares;
        stagePatients += o.stagePatients;
        stagePatientsSquares += o.stagePatientsSquares;
        cohortsTimesPatients += o.cohortsTimesPatients;
        cohortsTimesStages += o.cohortsTimesStages;
    }

    double mean(long sum) {
        return (double) sum / trials;
    }

    /** Standard error of a mean from the sums of a per-trial value and of its square. */
    double meanSe(long sum, long squares) {
        double mean = mean(sum);
        double variance = Math.max(0, (double) squares / trials - mean * mean);
        return Math.sqrt(variance / trials);
    }

    /** Mean duration in months, with per-cohort time a, per-patient time b and per-stage time e. */
    double meanDuration(double a, double b, double e) {
        return a * mean(cohorts) + b * mean(stagePatients) + e * mean(stages);
    }

    /** Standard error of the mean duration (D = a c + b k + e s; s² = s, k s = k since k = 0 without a stage). */
    double durationSe(double a, double b, double e) {
        double t = trials;
        double ec = cohorts / t;
        double ek = stagePatients / t;
        double es = stages / t;
        double second = a * a * cohortsSquares / t + b * b * stagePatientsSquares / t + e * e * es
                + 2 * a * b * cohortsTimesPatients / t + 2 * a * e * cohortsTimesStages / t + 2 * b * e * ek;
        double mean = a * ec + b * ek + e * es;
        return Math.sqrt(Math.max(0, second - mean * mean) / t);
    }
}
