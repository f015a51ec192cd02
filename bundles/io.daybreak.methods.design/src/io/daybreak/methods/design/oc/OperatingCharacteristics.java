package io.daybreak.methods.design.oc;

import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.Arrays;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;

/**
 * Accumulates the operating characteristics of a dose-finding design over finished trials, each with a
 * weight: its probability when trials are enumerated exactly, 1 when they are simulated (then weights are
 * whole numbers and sums are exact whatever the order of merging, so results do not depend on how trials
 * were split over threads). Not thread-safe: give each worker its own and {@link #merge} them.
 */
public final class OperatingCharacteristics {
    /** The per-dose output table's columns, shared by every design's descriptor. */
    public static final TableSpec BY_DOSE = TableSpec.of("byDose", "operating characteristics per dose level",
            TableSpec.column("dose", INT64), TableSpec.column("truth", FLOAT64),
            TableSpec.column("selectionPercent", FLOAT64), TableSpec.column("selectionPercentSe", FLOAT64),
            TableSpec.column("patients", FLOAT64), TableSpec.column("dlts", FLOAT64));

    private final double[] truth;
    private final int trueMtd;
    private double weight;
    private final double[] selected;
    private double noSelection;
    private final double[] patients;
    private final double[] dlts;
    private double overdosePatients;

    /**
     * @param truth  true DLT probability per dose
     * @param target target DLT rate: the true MTD is the highest dose whose truth is at most the target
     */
    public OperatingCharacteristics(double[] truth, double target) {
        this.truth = truth.clone();
        int mtd = -1;
        for (int d = 0; d < truth.length; d++) {
            if (truth[d] <= target) {
                mtd = d;
            }
        }
        this.trueMtd = mtd;
        this.selected = new double[truth.length];
        this.patients = new double[truth.length];
        this.dlts = new double[truth.length];
    }

    /** Adds a finished trial: the selected dose (−1 for none) and patients and DLTs per dose. */
    public void add(int selectedDose, int[] patientsPerDose, int[] dltsPerDose, double trialWeight) {
        weight += trialWeight;
        if (selectedDose < 0) {
            noSelection += trialWeight;
        } else {
            selected[selectedDose] += trialWeight;
        }
        for (int d = 0; d < truth.length; d++) {
            patients[d] += trialWeight * patientsPerDose[d];
            dlts[d] += trialWeight * dltsPerDose[d];
            if (d > trueMtd) {
                overdosePatients += trialWeight * patientsPerDose[d];
            }
        }
    }

    public void merge(OperatingCharacteristics other) {
        weight += other.weight;
        noSelection += other.noSelection;
        overdosePatients += other.overdosePatients;
        for (int d = 0; d < truth.length; d++) {
            selected[d] += other.selected[d];
            patients[d] += other.patients[d];
            dlts[d] += other.dlts[d];
        }
    }

    /** The true MTD (0-based): the highest dose whose truth is at most the target, −1 if none. */
    public int trueMtd() {
        return trueMtd;
    }

    public double selectionProbability(int dose) {
        return selected[dose] / weight;
    }

    /** Selection percentage of a dose, computed count-first so simulated counts print exactly. */
    public double selectionPercent(int dose) {
        return percent(selected[dose]);
    }

    public double noSelectionProbability() {
        return noSelection / weight;
    }

    public double meanPatients(int dose) {
        return patients[dose] / weight;
    }

    public double meanDlts(int dose) {
        return dlts[dose] / weight;
    }

    public double meanPatients() {
        return Arrays.stream(patients).sum() / weight;
    }

    /**
     * Writes the summary fields every dose-finding design reports (field names are a public contract).
     *
     * @param trials simulated trials, or 0 for exact enumeration (standard errors are then 0)
     */
    public void summarize(MethodResult.Builder result, long trials) {
        int k = truth.length;
        double[] selection = new double[k];
        double[] selectionSe = new double[k];
        double[] meanPatients = new double[k];
        double[] meanDlts = new double[k];
        for (int d = 0; d < k; d++) {
            selection[d] = selectionPercent(d);
            selectionSe[d] = percentSe(selectionProbability(d), trials);
            meanPatients[d] = meanPatients(d);
            meanDlts[d] = meanDlts(d);
        }
        double totalPatients = meanPatients();
        double overdose = totalPatients == 0 ? 0 : 100 * overdosePatients / weight / totalPatients;
        result.summary("selectionPercent", selection)
                .summary("selectionPercentSe", selectionSe)
                .summary("noSelectionPercent", percent(noSelection))
                .summary("noSelectionPercentSe", percentSe(noSelectionProbability(), trials))
                .summary("stopPercent", percent(noSelection))
                .summary("patientsPerDose", meanPatients)
                .summary("dltsPerDose", meanDlts)
                .summary("meanPatients", totalPatients)
                .summary("meanDlts", Arrays.stream(dlts).sum() / weight)
                .summary("overdosePercent", overdose)
                .summary("trueMtd", (long) (trueMtd + 1))
                .summary("trials", trials)
                .summary("method", trials == 0 ? "exact" : "simulated");
    }

    /** The per-dose table ({@link #BY_DOSE}); doses are numbered from 1. */
    public Table table(BufferAllocator allocator, long trials) {
        int k = truth.length;
        long[] dose = new long[k];
        double[] selection = new double[k];
        double[] selectionSe = new double[k];
        double[] meanPatients = new double[k];
        double[] meanDlts = new double[k];
        for (int d = 0; d < k; d++) {
            dose[d] = d + 1;
            selection[d] = selectionPercent(d);
            selectionSe[d] = percentSe(selectionProbability(d), trials);
            meanPatients[d] = meanPatients(d);
            meanDlts[d] = meanDlts(d);
        }
        return Table.builder(allocator).addInt64("dose", dose).addFloat64("truth", truth)
                .addFloat64("selectionPercent", selection).addFloat64("selectionPercentSe", selectionSe)
                .addFloat64("patients", meanPatients).addFloat64("dlts", meanDlts).build();
    }

    /** A weight as a percentage of all trials; multiplying first keeps simulated counts exact (17 of 2000: 0.85). */
    private double percent(double part) {
        return 100 * part / weight;
    }

    /** Monte Carlo standard error of a percentage estimated from {@code trials} trials (0 if exact). */
    public static double percentSe(double probability, long trials) {
        return trials == 0 ? 0 : 100 * Math.sqrt(probability * (1 - probability) / trials);
    }
}
