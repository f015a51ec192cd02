package io.daybreak.methods.design.optimisation;

/**
 * Operating characteristics of simulated programmes, accumulated as whole counts (so that merging the chunks of a
 * parallel simulation is exact and results do not depend on the number of threads); a programme's duration is
 * counted in whole hundredths of a month for the same reason. Not thread-safe: one per worker, then {@link #merge}.
 */
final class ProgrammeSummary {
    /** Durations are summed in these units of a month (0.01 month, about 7 hours). */
    static final double MONTH_UNITS = 100;

    final int doses;
    /** Final selection per dose, then none. */
    final long[] finalSelected;
    /** Escalation's selected dose per dose, then none. */
    final long[] escalationSelected;
    final long[] escalationPatients;
    final long[] escalationPatientsSquares;
    final long[] backfillPatients;
    final long[] backfillPatientsSquares;
    final long[] randomisedPatients;
    final long[] randomisedPatientsSquares;
    final long[] escalationDlts;
    final long[] backfillDlts;
    final long[] randomisedDlts;
    final long[] escalationResponses;
    final long[] randomisedResponses;
    long trials;
    long correct;
    long stages;
    long stageCorrect;
    long totalPatients;
    long totalPatientsSquares;
    long totalBackfill;
    long totalBackfillSquares;
    long stagePatients;
    long stagePatientsSquares;
    long duration;
    long durationSquares;

    ProgrammeSummary(int doses) {
        this.doses = doses;
        finalSelected = new long[doses + 1];
        escalationSelected = new long[doses + 1];
        escalationPatients = new long[doses];
        escalationPatientsSquares = new long[doses];
        backfillPatients = new long[doses];
        backfillPatientsSquares = new long[doses];
        randomisedPatients = new long[doses];
        randomisedPatientsSquares = new long[doses];
        escalationDlts = new long[doses];
        backfillDlts = new long[doses];
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
        long backfill = 0;
        long stage = 0;
        for (int d = 0; d < doses; d++) {
            long e = outcome.escalationPatients[d];
            long b = outcome.backfillPatients[d];
            long r = outcome.randomisedPatients[d];
            escalationPatients[d] += e;
            escalationPatientsSquares[d] += e * e;
            backfillPatients[d] += b;
            backfillPatientsSquares[d] += b * b;
            randomisedPatients[d] += r;
            randomisedPatientsSquares[d] += r * r;
            escalationDlts[d] += outcome.escalationDlts[d];
            backfillDlts[d] += outcome.backfillDlts[d];
            randomisedDlts[d] += outcome.randomisedDlts[d];
            escalationResponses[d] += outcome.escalationResponses[d];
            randomisedResponses[d] += outcome.randomisedResponses[d];
            total += e + b + r;
            backfill += b;
            stage += r;
        }
        totalPatients += total;
        totalPatientsSquares += total * total;
        totalBackfill += backfill;
        totalBackfillSquares += backfill * backfill;
        stagePatients += stage;
        stagePatientsSquares += stage * stage;
        if (outcome.selected == trueOptimal) {
            correct++;
        }
        if (outcome.mtd >= 0) {
            stages++;
            if (outcome.selected == stageRight[outcome.mtd]) {
                stageCorrect++;
            }
        }
        long months = Math.round(outcome.months * MONTH_UNITS);
        duration += months;
        durationSquares += months * months;
    }

    void merge(ProgrammeSummary o) {
        for (int d = 0; d <= doses; d++) {
            finalSelected[d] += o.finalSelected[d];
            escalationSelected[d] += o.escalationSelected[d];
        }
        for (int d = 0; d < doses; d++) {
            escalationPatients[d] += o.escalationPatients[d];
            escalationPatientsSquares[d] += o.escalationPatientsSquares[d];
            backfillPatients[d] += o.backfillPatients[d];
            backfillPatientsSquares[d] += o.backfillPatientsSquares[d];
            randomisedPatients[d] += o.randomisedPatients[d];
            randomisedPatientsSquares[d] += o.randomisedPatientsSquares[d];
            escalationDlts[d] += o.escalationDlts[d];
            backfillDlts[d] += o.backfillDlts[d];
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
        totalBackfill += o.totalBackfill;
        totalBackfillSquares += o.totalBackfillSquares;
        stagePatients += o.stagePatients;
        stagePatientsSquares += o.stagePatientsSquares;
        duration += o.duration;
        durationSquares += o.durationSquares;
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

    double meanDuration() {
        return mean(duration) / MONTH_UNITS;
    }

    double durationSe() {
        return meanSe(duration, durationSquares) / MONTH_UNITS;
    }
}
