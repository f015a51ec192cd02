package io.daybreak.methods.design.oc;

import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;

/**
 * Accumulates the operating characteristics of a dose-finding design over finished trials, each with a
 * weight: its probability when trials are enumerated exactly, 1 when they are simulated (then weights are
 * whole numbers and sums, including sums of squares of counts, are exact whatever the order of merging, so
 * results do not depend on how trials were split over threads). Not thread-safe: give each worker its own and
 * {@link #merge} them. {@link OcSummary} writes what is accumulated here as the summary every design reports.
 */
public final class OperatingCharacteristics {
    /** The per-dose output table's columns, shared by every design's descriptor. */
    public static final TableSpec BY_DOSE = TableSpec.of("byDose", "operating characteristics per dose level, each "
            + "mean with its Monte Carlo standard error",
            TableSpec.column("dose", INT64), TableSpec.column("truth", FLOAT64),
            TableSpec.column("selectionPercent", FLOAT64), TableSpec.column("selectionPercentSe", FLOAT64),
            TableSpec.column("patients", FLOAT64), TableSpec.column("dlts", FLOAT64),
            TableSpec.column("patientsSe", FLOAT64), TableSpec.column("dltsSe", FLOAT64));

    /** BOIN's {@code get.oc} thresholds of its overdosing risks: more than 60% and 80% of the maximum sample size. */
    static final double[] OVERDOSE_FRACTIONS = {0.6, 0.8};

    final double[] truth;
    private final int trueMtd;
    final int maxPatients;
    double weight;
    final double[] selected;
    double noSelection;
    double selectedAboveMtd;
    double endedEarly;
    final double[] overdosedTrials = new double[OVERDOSE_FRACTIONS.length];
    final Moments[] patients;
    final Moments[] dlts;
    final Moments totalPatients = new Moments();
    final Moments totalDlts = new Moments();
    /** Patients above the true MTD per trial, and its products with the trial's size (for the ratio's SE). */
    final Moments aboveMtd = new Moments();
    double aboveMtdTimesTotal;

    /** Weighted sums of a per-trial count and of its square. */
    static final class Moments {
        double sum;
        double squares;

        void add(double value, double weight) {
            sum += weight * value;
            squares += weight * value * value;
        }

        void merge(Moments other) {
            sum += other.sum;
            squares += other.squares;
        }
    }

    /**
     * Without a maximum sample size (3+3), for which early stopping and BOIN's overdosing risks are not defined.
     *
     * @param truth  true DLT probability per dose
     * @param target target DLT rate: the true MTD is the highest dose whose truth is at most the target
     */
    public OperatingCharacteristics(double[] truth, double target) {
        this(truth, target, 0);
    }

    /**
     * @param maxPatients the design's maximum sample size (cohorts × cohort size): a trial with fewer patients
     *                    stopped early
     */
    public OperatingCharacteristics(double[] truth, double target, int maxPatients) {
        this.truth = truth.clone();
        int mtd = -1;
        for (int d = 0; d < truth.length; d++) {
            if (truth[d] <= target) {
                mtd = d;
            }
        }
        this.trueMtd = mtd;
        this.maxPatients = maxPatients;
        this.selected = new double[truth.length];
        this.patients = new Moments[truth.length];
        this.dlts = new Moments[truth.length];
        for (int d = 0; d < truth.length; d++) {
            patients[d] = new Moments();
            dlts[d] = new Moments();
        }
    }

    /** Adds a finished trial: the selected dose (−1 for none) and patients and DLTs per dose. */
    public void add(int selectedDose, int[] patientsPerDose, int[] dltsPerDose, double trialWeight) {
        weight += trialWeight;
        if (selectedDose < 0) {
            noSelection += trialWeight;
        } else {
            selected[selectedDose] += trialWeight;
            if (selectedDose > trueMtd) {
                selectedAboveMtd += trialWeight;
            }
        }
        int n = 0;
        int y = 0;
        int above = 0;
        for (int d = 0; d < truth.length; d++) {
            patients[d].add(patientsPerDose[d], trialWeight);
            dlts[d].add(dltsPerDose[d], trialWeight);
            n += patientsPerDose[d];
            y += dltsPerDose[d];
            if (d > trueMtd) {
                above += patientsPerDose[d];
            }
        }
        totalPatients.add(n, trialWeight);
        totalDlts.add(y, trialWeight);
        aboveMtd.add(above, trialWeight);
        aboveMtdTimesTotal += trialWeight * above * n;
        if (maxPatients > 0) {
            if (n < maxPatients) {
                endedEarly += trialWeight;
            }
            for (int i = 0; i < OVERDOSE_FRACTIONS.length; i++) {
                if (above > OVERDOSE_FRACTIONS[i] * maxPatients) {
                    overdosedTrials[i] += trialWeight;
                }
            }
        }
    }

    public void merge(OperatingCharacteristics other) {
        weight += other.weight;
        noSelection += other.noSelection;
        selectedAboveMtd += other.selectedAboveMtd;
        endedEarly += other.endedEarly;
        for (int i = 0; i < overdosedTrials.length; i++) {
            overdosedTrials[i] += other.overdosedTrials[i];
        }
        for (int d = 0; d < truth.length; d++) {
            selected[d] += other.selected[d];
            patients[d].merge(other.patients[d]);
            dlts[d].merge(other.dlts[d]);
        }
        totalPatients.merge(other.totalPatients);
        totalDlts.merge(other.totalDlts);
        aboveMtd.merge(other.aboveMtd);
        aboveMtdTimesTotal += other.aboveMtdTimesTotal;
    }

    /** The true MTD (0-based): the highest dose whose truth is at most the target, −1 if none. */
    public int trueMtd() {
        return trueMtd;
    }

    /** The number of dose levels. */
    public int doses() {
        return truth.length;
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
        return patients[dose].sum / weight;
    }

    public double meanDlts(int dose) {
        return dlts[dose].sum / weight;
    }

    public double meanPatients() {
        return totalPatients.sum / weight;
    }

    /** Percentage of all trials that selected a dose above the true MTD (any dose, when no dose is at most the target). */
    public double selectionAboveMtdPercent() {
        return percent(selectedAboveMtd);
    }

    public double noSelectionPercent() {
        return percent(noSelection);
    }

    /** Percentage of trials that ended before the maximum sample size; NaN (not defined) for a design without one. */
    public double earlyStopPercent() {
        return maxPatients > 0 ? percent(endedEarly) : Double.NaN;
    }

    /** Percentage of all patients of all trials who were treated above the true MTD. */
    public double patientsAboveMtdPercent() {
        return totalPatients.sum == 0 ? 0 : 100 * aboveMtd.sum / totalPatients.sum;
    }

    /**
     * Writes the summary fields every dose-finding design reports (field names are a public contract, documented
     * in docs/cli.md, "Design results").
     *
     * @param trials simulated trials, or 0 for exact enumeration (standard errors are then 0)
     */
    public void summarize(MethodResult.Builder result, long trials) {
        new OcSummary(this, trials).write(result);
    }

    /** The per-dose table ({@link #BY_DOSE}); doses are numbered from 1. */
    public Table table(BufferAllocator allocator, long trials) {
        OcSummary summary = new OcSummary(this, trials);
        int k = truth.length;
        long[] dose = new long[k];
        for (int d = 0; d < k; d++) {
            dose[d] = d + 1;
        }
        return Table.builder(allocator).addInt64("dose", dose).addFloat64("truth", truth)
                .addFloat64("selectionPercent", summary.selection()).addFloat64("selectionPercentSe", summary.selectionSe())
                .addFloat64("patients", summary.means(patients)).addFloat64("dlts", summary.means(dlts))
                .addFloat64("patientsSe", summary.meanSes(patients)).addFloat64("dltsSe", summary.meanSes(dlts)).build();
    }

    /** A weight as a percentage of all trials; multiplying first keeps simulated counts exact (17 of 2000: 0.85). */
    double percent(double part) {
        return 100 * part / weight;
    }

    /** Monte Carlo standard error of a percentage estimated from {@code trials} trials (0 if exact). */
    public static double percentSe(double probability, long trials) {
        return trials == 0 ? 0 : 100 * Math.sqrt(probability * (1 - probability) / trials);
    }
}
