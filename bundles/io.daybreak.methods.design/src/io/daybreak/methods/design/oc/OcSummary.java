package io.daybreak.methods.design.oc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.core.method.MethodResult;

/**
 * The summary of {@link OperatingCharacteristics} as every dose-finding design reports it, with a Monte Carlo
 * standard error for each mean (0 when trials were enumerated exactly). The per-dose values appear twice: as the
 * table {@code doses} (one object per dose, as {@code BOIN::get.oc} tabulates them) and, for documents written before
 * that table existed, as the flat arrays {@code selectionPercent}, {@code patientsPerDose}, ... The meanings are in
 * docs/cli.md, "Design results".
 */
final class OcSummary {
    private final OperatingCharacteristics oc;
    private final long trials;

    OcSummary(OperatingCharacteristics oc, long trials) {
        this.oc = oc;
        this.trials = trials;
    }

    void write(MethodResult.Builder result) {
        double[] selection = selection();
        double[] selectionSe = selectionSe();
        double[] patients = means(oc.patients);
        double[] patientsSe = meanSes(oc.patients);
        double[] dlts = means(oc.dlts);
        double[] dltsSe = meanSes(oc.dlts);
        List<Object> doses = new ArrayList<>();
        for (int d = 0; d < oc.truth.length; d++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dose", (long) d + 1);
            row.put("truth", oc.truth[d]);
            row.put("selectionPercent", selection[d]);
            row.put("selectionPercentSe", selectionSe[d]);
            row.put("patients", patients[d]);
            row.put("patientsSe", patientsSe[d]);
            row.put("dlts", dlts[d]);
            row.put("dltsSe", dltsSe[d]);
            doses.add(row);
        }
        double noSelection = oc.percent(oc.noSelection);
        result.summary("doses", doses)
                .summary("selectionPercent", selection)
                .summary("selectionPercentSe", selectionSe)
                .summary("noSelectionPercent", noSelection)
                .summary("noSelectionPercentSe", percentSe(oc.noSelection))
                // BOIN::get.oc's percentstop is sum(dselect == 99) / ntrial: every trial without a selected dose
                .summary("stopPercent", noSelection)
                .summary("patientsPerDose", patients)
                .summary("dltsPerDose", dlts)
                .summary("meanPatients", oc.meanPatients())
                .summary("meanDlts", oc.totalDlts.sum / oc.weight)
                .summary("overdosePercent", oc.patientsAboveMtdPercent()) // the older name of patientsAboveMtdPercent
                .summary("trueMtd", (long) (oc.trueMtd() + 1))
                .summary("trials", trials)
                .summary("method", trials == 0 ? "exact" : "simulated")
                .summary("patientsPerDoseSe", patientsSe)
                .summary("dltsPerDoseSe", dltsSe)
                .summary("meanPatientsSe", meanSe(oc.totalPatients))
                .summary("meanDltsSe", meanSe(oc.totalDlts))
                .summary("patientsAboveMtdPercent", oc.patientsAboveMtdPercent())
                .summary("patientsAboveMtdPercentSe", patientsAboveMtdPercentSe())
                .summary("selectionAboveMtdPercent", oc.selectionAboveMtdPercent())
                .summary("selectionAboveMtdPercentSe", percentSe(oc.selectedAboveMtd));
        if (oc.maxPatients > 0) {
            result.summary("maxPatients", (long) oc.maxPatients)
                    .summary("earlyStopPercent", oc.percent(oc.endedEarly))
                    .summary("earlyStopPercentSe", percentSe(oc.endedEarly));
            for (int i = 0; i < OperatingCharacteristics.OVERDOSE_FRACTIONS.length; i++) {
                String name = "overdose" + Math.round(100 * OperatingCharacteristics.OVERDOSE_FRACTIONS[i]) + "Percent";
                result.summary(name, oc.percent(oc.overdosedTrials[i]))
                        .summary(name + "Se", percentSe(oc.overdosedTrials[i]));
            }
        }
    }

    double[] selection() {
        double[] selection = new double[oc.truth.length];
        for (int d = 0; d < selection.length; d++) {
            selection[d] = oc.selectionPercent(d);
        }
        return selection;
    }

    double[] selectionSe() {
        double[] se = new double[oc.truth.length];
        for (int d = 0; d < se.length; d++) {
            se[d] = percentSe(oc.selected[d]);
        }
        return se;
    }

    double[] means(OperatingCharacteristics.Moments[] perDose) {
        double[] means = new double[perDose.length];
        for (int d = 0; d < means.length; d++) {
            means[d] = perDose[d].sum / oc.weight;
        }
        return means;
    }

    double[] meanSes(OperatingCharacteristics.Moments[] perDose) {
        double[] ses = new double[perDose.length];
        for (int d = 0; d < ses.length; d++) {
            ses[d] = meanSe(perDose[d]);
        }
        return ses;
    }

    private double percentSe(double count) {
        return OperatingCharacteristics.percentSe(count / oc.weight, trials);
    }

    /** SE of a per-trial mean: the sample SD over trials (n − 1) divided by √trials; 0 when exact. */
    private double meanSe(OperatingCharacteristics.Moments m) {
        if (trials < 2) {
            return 0;
        }
        double mean = m.sum / oc.weight;
        double variance = Math.max(0, (m.squares - oc.weight * mean * mean) / (oc.weight - 1));
        return Math.sqrt(variance / trials);
    }

    /**
     * SE of the pooled percentage Σ above / Σ patients by the delta method (a ratio estimator): the SD over trials of
     * above − R·patients, divided by √trials and by the mean trial size.
     */
    private double patientsAboveMtdPercentSe() {
        if (trials < 2 || oc.totalPatients.sum == 0) {
            return 0;
        }
        double ratio = oc.aboveMtd.sum / oc.totalPatients.sum;
        double residualSquares = oc.aboveMtd.squares - 2 * ratio * oc.aboveMtdTimesTotal
                + ratio * ratio * oc.totalPatients.squares;
        double variance = Math.max(0, residualSquares / (oc.weight - 1));
        return 100 * Math.sqrt(variance / trials) / (oc.totalPatients.sum / oc.weight);
    }
}
