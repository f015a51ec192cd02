package io.daybreak.methods.design.backfill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.core.method.MethodResult;
import io.daybreak.methods.design.oc.OperatingCharacteristics;

/**
 * Operating characteristics of trials with backfilling: the usual ones ({@link OperatingCharacteristics}) on all
 * patients treated, escalation and backfill, plus per dose the escalation and backfill patients, the backfill DLTs and
 * the backfill patients in the final analysis, the trial duration, the arrivals turned away, early stopping of
 * escalation and, with efficacy, the selection of the optimal dose. Counts are summed as whole numbers in longs and
 * durations in whole thousandths of a time unit, so results do not depend on how trials were split over threads.
 * Not thread-safe: each worker has its own and they are merged.
 */
public final class BackfillSummary {
    private final OperatingCharacteristics oc;
    private final double[] efficacy;
    private final int maxPatients;
    private final int trueObd;
    private final boolean optimalDoses;
    private final int doses;
    private long trials;
    private final long[][] escalation;
    private final long[][] backfill;
    private final long[][] backfillDlts;
    private final long[][] analysed;
    private final long[] totalBackfill = new long[2];
    private final long[] totalBackfillDlts = new long[2];
    private final long[] duration = new long[2];
    private long turnedAway;
    private long earlyStops;
    private final long[] obdSelected;
    private long noObd;

    BackfillSummary(double[] toxicity, double[] efficacy, double target, int maxPatients, OptimalDose optimal) {
        this.oc = new OperatingCharacteristics(toxicity, target, 0);
        this.efficacy = efficacy == null ? null : efficacy.clone();
        this.maxPatients = maxPatients;
        this.doses = toxicity.length;
        this.optimalDoses = efficacy != null && optimal != null;
        this.trueObd = optimalDoses ? optimal.truth(toxicity, efficacy, target) : -1;
        escalation = new long[doses][2];
        backfill = new long[doses][2];
        backfillDlts = new long[doses][2];
        analysed = new long[doses][2];
        obdSelected = new long[doses];
    }

    private static void add(long[] moments, long value) {
        moments[0] += value;
        moments[1] += value * value;
    }

    private static void merge(long[] into, long[] other) {
        into[0] += other[0];
        into[1] += other[1];
    }

    void add(BackfillOutcome outcome) {
        oc.add(outcome.selectedDose(), outcome.patients(), outcome.dlts(), 1);
        trials++;
        int escalated = 0;
        for (int d = 0; d < doses; d++) {
            add(escalation[d], outcome.escalationPatients()[d]);
            add(backfill[d], outcome.backfillPatients()[d]);
            add(backfillDlts[d], outcome.backfillDlts()[d]);
            add(analysed[d], outcome.analysedBackfill()[d]);
            escalated += outcome.escalationPatients()[d];
        }
        add(totalBackfill, outcome.totalBackfill());
        int dlts = 0;
        for (int y : outcome.backfillDlts()) {
            dlts += y;
        }
        add(totalBackfillDlts, dlts);
        add(duration, Math.round(outcome.endTime() * 1000));
        turnedAway += outcome.turnedAway();
        if (escalated < maxPatients) {
            earlyStops++;
        }
        if (outcome.optimalDose() >= 0) {
            obdSelected[outcome.optimalDose()]++;
        } else {
            noObd++;
        }
    }

    void merge(BackfillSummary other) {
        oc.merge(other.oc);
        trials += other.trials;
        for (int d = 0; d < doses; d++) {
            merge(escalation[d], other.escalation[d]);
            merge(backfill[d], other.backfill[d]);
            merge(backfillDlts[d], other.backfillDlts[d]);
            merge(analysed[d], other.analysed[d]);
            obdSelected[d] += other.obdSelected[d];
        }
        merge(totalBackfill, other.totalBackfill);
        merge(totalBackfillDlts, other.totalBackfillDlts);
        merge(duration, other.duration);
        turnedAway += other.turnedAway;
        earlyStops += other.earlyStops;
        noObd += other.noObd;
    }

    /** The usual operating characteristics, on all patients (escalation and backfill). */
    public OperatingCharacteristics oc() {
        return oc;
    }

    public long trials() {
        return trials;
    }

    private double mean(long[] moments) {
        return (double) moments[0] / trials;
    }

    private double meanSe(long[] moments) {
        if (trials < 2) {
            return 0;
        }
        double mean = mean(moments);
        double variance = Math.max(0, ((double) moments[1] - trials * mean * mean) / (trials - 1));
        return Math.sqrt(variance / trials);
    }

    public double meanEscalationPatients(int dose) {
        return mean(escalation[dose]);
    }

    public double meanBackfillPatients(int dose) {
        return mean(backfill[dose]);
    }

    public double meanBackfillPatientsSe(int dose) {
        return meanSe(backfill[dose]);
    }

    public double meanBackfillDlts(int dose) {
        return mean(backfillDlts[dose]);
    }

    /** Mean backfill patients per dose in the final analysis (outcome known when the trial ended). */
    public double meanAnalysedBackfill(int dose) {
        return mean(analysed[dose]);
    }

    public double meanAnalysedBackfillSe(int dose) {
        return meanSe(analysed[dose]);
    }

    public double meanBackfill() {
        return mean(totalBackfill);
    }

    public double meanBackfillSe() {
        return meanSe(totalBackfill);
    }

    /** Mean trial duration in the rules' time unit (to 0.001). */
    public double meanDuration() {
        return mean(duration) / 1000;
    }

    public double meanDurationSe() {
        return meanSe(duration) / 1000;
    }

    public double meanTurnedAway() {
        return (double) turnedAway / trials;
    }

    /** Percentage of trials whose escalation enrolled fewer than its maximum sample size. */
    public double earlyStopPercent() {
        return 100.0 * earlyStops / trials;
    }

    /** Percentage of trials selecting {@code dose} as the optimal dose (0 without efficacy). */
    public double obdSelectionPercent(int dose) {
        return 100.0 * obdSelected[dose] / trials;
    }

    /** The true optimal dose (0-based), −1 without efficacy or when every dose is above the target. */
    public int trueObd() {
        return trueObd;
    }

    /**
     * Writes the dose-finding summary (on all patients) and the backfill fields: per dose escalationPatientsPerDose,
     * backfillPatientsPerDose, backfillDltsPerDose, analysedBackfillPerDose (each with its SE) and the table
     * backfillDoses; meanBackfillPatients, meanBackfillDlts, meanDuration (each with its SE), meanTurnedAway,
     * earlyStopPercent; with efficacy and an optimal-dose rule obdSelectionPercent (per dose), noObdPercent and
     * trueObd.
     */
    public void summarize(MethodResult.Builder result) {
        oc.summarize(result, trials);
        double[] esc = new double[doses];
        double[] escSe = new double[doses];
        double[] bf = new double[doses];
        double[] bfSe = new double[doses];
        double[] bfDlts = new double[doses];
        double[] bfDltsSe = new double[doses];
        double[] an = new double[doses];
        double[] anSe = new double[doses];
        List<Object> rows = new ArrayList<>();
        for (int d = 0; d < doses; d++) {
            esc[d] = mean(escalation[d]);
            escSe[d] = meanSe(escalation[d]);
            bf[d] = mean(backfill[d]);
            bfSe[d] = meanSe(backfill[d]);
            bfDlts[d] = mean(backfillDlts[d]);
            bfDltsSe[d] = meanSe(backfillDlts[d]);
            an[d] = mean(analysed[d]);
            anSe[d] = meanSe(analysed[d]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dose", (long) d + 1);
            row.put("escalationPatients", esc[d]);
            row.put("backfillPatients", bf[d]);
            row.put("backfillPatientsSe", bfSe[d]);
            row.put("backfillDlts", bfDlts[d]);
            row.put("backfillDltsSe", bfDltsSe[d]);
            row.put("analysedBackfill", an[d]);
            if (efficacy != null) {
                row.put("efficacy", efficacy[d]);
            }
            if (optimalDoses) {
                row.put("obdSelectionPercent", obdSelectionPercent(d));
            }
            rows.add(row);
        }
        result.summary("backfillDoses", rows)
                .summary("escalationPatientsPerDose", esc).summary("escalationPatientsPerDoseSe", escSe)
                .summary("backfillPatientsPerDose", bf).summary("backfillPatientsPerDoseSe", bfSe)
                .summary("backfillDltsPerDose", bfDlts).summary("backfillDltsPerDoseSe", bfDltsSe)
                .summary("analysedBackfillPerDose", an).summary("analysedBackfillPerDoseSe", anSe)
                .summary("meanBackfillPatients", meanBackfill()).summary("meanBackfillPatientsSe", meanBackfillSe())
                .summary("meanBackfillDlts", mean(totalBackfillDlts)).summary("meanBackfillDltsSe", meanSe(totalBackfillDlts))
                .summary("meanDuration", meanDuration()).summary("meanDurationSe", meanDurationSe())
                .summary("meanTurnedAway", meanTurnedAway())
                .summary("maxPatients", (long) maxPatients)
                .summary("earlyStopPercent", earlyStopPercent())
                .summary("earlyStopPercentSe", OperatingCharacteristics.percentSe(earlyStopPercent() / 100, trials));
        if (optimalDoses) {
            double[] obd = new double[doses];
            double[] obdSe = new double[doses];
            for (int d = 0; d < doses; d++) {
                obd[d] = obdSelectionPercent(d);
                obdSe[d] = OperatingCharacteristics.percentSe(obd[d] / 100, trials);
            }
            result.summary("obdSelectionPercent", obd).summary("obdSelectionPercentSe", obdSe)
                    .summary("noObdPercent", 100.0 * noObd / trials)
                    .summary("trueObd", (long) trueObd + 1);
        }
    }
}
