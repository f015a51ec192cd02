package io.daybreak.methods.design.combination;

import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;

/**
 * Operating characteristics of a combination design accumulated over simulated trials: per combination how often it
 * was selected and how many patients and DLTs it had, whole-number sums (and sums of squares, for Monte Carlo
 * standard errors) so that merging chunks is exact in any order. A trial may select several combinations (the
 * waterfall design's MTD contour). "Correct" is decided by the caller per trial (BOIN: the selected combination is a
 * true MTD; waterfall: the selected set equals the true contour; the two-drug BLRM: the selected combination's truth
 * lies in the target interval). Not thread-safe: one per chunk, then merge.
 */
public final class GridOc {
    /** The per-combination output table, row-major (drug A level, then drug B level, both from 1). */
    public static final TableSpec BY_COMBINATION = TableSpec.of("byCombination", "operating characteristics per dose "
            + "combination: the selection and allocation matrices in long form, each mean with its Monte Carlo SE",
            TableSpec.column("doseA", INT64), TableSpec.column("doseB", INT64), TableSpec.column("truth", FLOAT64),
            TableSpec.column("trueMtd", BOOLEAN), TableSpec.column("selectionPercent", FLOAT64),
            TableSpec.column("selectionPercentSe", FLOAT64), TableSpec.column("patients", FLOAT64),
            TableSpec.column("patientsSe", FLOAT64), TableSpec.column("dlts", FLOAT64));

    final int rows;
    final int cols;
    final boolean[] trueMtd;
    /** The combinations whose patients count as "at the MTD" (BOIN: the true MTDs; waterfall: R's at.contour). */
    final boolean[] counted;
    long trials;
    final long[] selected;
    long noSelection;
    long correct;
    long endedEarly;
    final long[] patients;
    final long[] patientsSquares;
    final long[] dlts;
    long total;
    long totalSquares;
    long totalDlts;
    long atMtd;
    long atMtdSquares;
    long atMtdTimesTotal;

    public GridOc(int rows, int cols, boolean[] trueMtd, boolean[] counted) {
        this.rows = rows;
        this.cols = cols;
        this.trueMtd = trueMtd.clone();
        this.counted = counted.clone();
        int cells = rows * cols;
        selected = new long[cells];
        patients = new long[cells];
        patientsSquares = new long[cells];
        dlts = new long[cells];
    }

    /**
     * Adds a trial: the combinations it selected (row-major flags; none for no MTD), its patients and DLTs, whether
     * its selection was correct and whether it ended before its last cohort (BOIN; the waterfall's sub-trials end
     * early by design and are not counted).
     */
    public void add(boolean[] selection, int[] n, int[] y, boolean correctSelection, boolean early) {
        trials++;
        boolean any = false;
        long sum = 0;
        long at = 0;
        for (int c = 0; c < n.length; c++) {
            if (selection[c]) {
                selected[c]++;
                any = true;
            }
            patients[c] += n[c];
            patientsSquares[c] += (long) n[c] * n[c];
            dlts[c] += y[c];
            sum += n[c];
            totalDlts += y[c];
            if (counted[c]) {
                at += n[c];
            }
        }
        if (!any) {
            noSelection++;
        }
        if (correctSelection) {
            correct++;
        }
        if (early) {
            endedEarly++;
        }
        total += sum;
        totalSquares += sum * sum;
        atMtd += at;
        atMtdSquares += at * at;
        atMtdTimesTotal += at * sum;
    }

    public void merge(GridOc other) {
        trials += other.trials;
        noSelection += other.noSelection;
        correct += other.correct;
        endedEarly += other.endedEarly;
        total += other.total;
        totalSquares += other.totalSquares;
        totalDlts += other.totalDlts;
        atMtd += other.atMtd;
        atMtdSquares += other.atMtdSquares;
        atMtdTimesTotal += other.atMtdTimesTotal;
        for (int c = 0; c < selected.length; c++) {
            selected[c] += other.selected[c];
            patients[c] += other.patients[c];
            patientsSquares[c] += other.patientsSquares[c];
            dlts[c] += other.dlts[c];
        }
    }

    double percent(long count) {
        return 100.0 * count / trials;
    }

    double percentSe(long count) {
        double p = (double) count / trials;
        return 100 * Math.sqrt(p * (1 - p) / trials);
    }

    double mean(long sum) {
        return (double) sum / trials;
    }

    double meanSe(long sum, long squares) {
        double mean = (double) sum / trials;
        double variance = Math.max(0, (double) squares / trials - mean * mean);
        return Math.sqrt(variance / trials);
    }

    /** Percentage of all patients treated at true MTD combinations (a ratio of sums, as BOIN's npercent). */
    double atMtdPercent() {
        return total == 0 ? 0 : 100.0 * atMtd / total;
    }

    /** Percentage of all patients treated at the given combinations (a ratio of sums). */
    double patientsPercent(boolean[] cells) {
        long sum = 0;
        for (int c = 0; c < cells.length; c++) {
            if (cells[c]) {
                sum += patients[c];
            }
        }
        return total == 0 ? 0 : 100.0 * sum / total;
    }

    /** Delta-method SE of {@link #atMtdPercent()} over trials. */
    double atMtdPercentSe() {
        if (total == 0) {
            return 0;
        }
        double t = trials;
        double ma = atMtd / t;
        double mn = total / t;
        double r = ma / mn;
        double var = (atMtdSquares / t - 2 * r * atMtdTimesTotal / t + r * r * totalSquares / t) / (mn * mn);
        return 100 * Math.sqrt(Math.max(0, var) / t);
    }

    /** The selection matrix (percent) row-major. */
    double[] selectionPercent() {
        double[] out = new double[selected.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = percent(selected[c]);
        }
        return out;
    }

    /** The allocation matrix (mean patients) row-major. */
    double[] patientsPerCombination() {
        double[] out = new double[patients.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = mean(patients[c]);
        }
        return out;
    }

    public Table table(BufferAllocator allocator, double[] truth) {
        int cells = rows * cols;
        long[] a = new long[cells];
        long[] b = new long[cells];
        double[] selSe = new double[cells];
        double[] patSe = new double[cells];
        double[] tox = new double[cells];
        for (int c = 0; c < cells; c++) {
            a[c] = c / cols + 1;
            b[c] = c % cols + 1;
            selSe[c] = percentSe(selected[c]);
            patSe[c] = meanSe(patients[c], patientsSquares[c]);
            tox[c] = mean(dlts[c]);
        }
        return Table.builder(allocator).addInt64("doseA", a).addInt64("doseB", b).addFloat64("truth", truth)
                .addBoolean("trueMtd", trueMtd).addFloat64("selectionPercent", selectionPercent())
                .addFloat64("selectionPercentSe", selSe).addFloat64("patients", patientsPerCombination())
                .addFloat64("patientsSe", patSe).addFloat64("dlts", tox).build();
    }

    /** The summary fields both combination designs report (documented in docs/designs.md, "Drug combinations"). */
    public void summarize(MethodResult.Builder result, boolean earlyStopping) {
        double[] sel = selectionPercent();
        double[] pat = patientsPerCombination();
        result.summary("rows", (long) rows).summary("cols", (long) cols)
                .summary("selectionPercent", sel)
                .summary("patientsPerCombination", pat)
                .summary("noSelectionPercent", percent(noSelection))
                .summary("noSelectionPercentSe", percentSe(noSelection))
                .summary("correctSelectionPercent", percent(correct))
                .summary("correctSelectionPercentSe", percentSe(correct))
                .summary("patientsAtMtdPercent", atMtdPercent())
                .summary("patientsAtMtdPercentSe", atMtdPercentSe())
                .summary("meanPatients", mean(total))
                .summary("meanPatientsSe", meanSe(total, totalSquares))
                .summary("meanDlts", mean(totalDlts))
                .summary("trials", trials);
        if (earlyStopping) {
            result.summary("stoppedEarlyPercent", percent(endedEarly))
                    .summary("stoppedEarlyPercentSe", percentSe(endedEarly));
        }
    }
}
