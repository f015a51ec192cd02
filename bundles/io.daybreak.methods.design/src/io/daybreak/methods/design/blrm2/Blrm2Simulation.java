package io.daybreak.methods.design.blrm2;

import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DoseFindingSimulation;

/**
 * Simulated trials of the two-drug BLRM with EWOC on the common-random-numbers engine: trial r draws its patients'
 * toxicity uniforms from stream r (one per patient in enrolment order, as every design) and its importance-sampling
 * draws from stream r + {@link #POSTERIOR_STREAMS}. The first cohort is treated at (1, 1); after each cohort the
 * posterior is updated and the next cohort goes to the recommended combination ({@link Recommendation}); the trial
 * stops without an MTD when no combination is admissible, and otherwise selects, after its last cohort, the tried
 * combination with P(overdose) &lt;= ewoc and the highest target probability. Per combination it accumulates
 * selections, patients and DLTs as whole numbers, merged exactly.
 */
final class Blrm2Simulation {
    /** Offset of a trial's posterior-sampling stream (beyond the offsets of DoseFindingSimulation, which end at 6). */
    static final long POSTERIOR_STREAMS = 8L << 40;

    /** The per-combination output table, the same columns as design.boin-comb's, so the heat-map report can draw it. */
    static final TableSpec BY_COMBINATION = TableSpec.of("byCombination", "operating characteristics per dose "
            + "combination: the selection and allocation matrices in long form, each mean with its Monte Carlo SE",
            TableSpec.column("doseA", INT64), TableSpec.column("doseB", INT64), TableSpec.column("truth", FLOAT64),
            TableSpec.column("trueMtd", BOOLEAN), TableSpec.column("selectionPercent", FLOAT64),
            TableSpec.column("selectionPercentSe", FLOAT64), TableSpec.column("patients", FLOAT64),
            TableSpec.column("patientsSe", FLOAT64), TableSpec.column("dlts", FLOAT64));

    private Blrm2Simulation() {
    }

    /** What a simulated trial needs besides the truth. */
    record Design(Blrm2Model model, double[] cuts, double ewoc, int cohortSize, int cohorts, int draws) {
    }

    /** Simulates {@code trials} trials for the true DLT probabilities {@code truth} (row by row). */
    static Accumulator simulate(Design design, double[] truth, boolean[] trueMtd, long trials, MethodContext context) {
        int cells = design.model().cells();
        List<Accumulator> parts = DoseFindingSimulation.inChunks(trials, context, () -> new Accumulator(cells),
                (local, r) -> local.add(trial(design, truth, context.random(r),
                        context.random(r + POSTERIOR_STREAMS)), trueMtd));
        Accumulator total = new Accumulator(cells);
        parts.forEach(total::merge);
        return total;
    }

    /** One trial's patients and DLTs per combination and its selection (-1: none). */
    record Trial(int[] n, int[] y, int selected, boolean stoppedEarly) {
    }

    static Trial trial(Design design, double[] truth, UniformRandomProvider outcomes, UniformRandomProvider draws) {
        Blrm2Model model = design.model();
        int[] n = new int[model.cells()];
        int[] y = new int[model.cells()];
        int current = 0;
        Blrm2Posterior posterior = null;
        for (int cohort = 0; cohort < design.cohorts(); cohort++) {
            for (int patient = 0; patient < design.cohortSize(); patient++) {
                n[current]++;
                if (outcomes.nextDouble() < truth[current]) {
                    y[current]++;
                }
            }
            posterior = Blrm2Posterior.sample(model, n, y, design.cuts(), design.draws(), draws);
            int next = Recommendation.of(model, n, posterior, design.ewoc()).best();
            if (next < 0) {
                return new Trial(n, y, -1, true);
            }
            current = next;
        }
        return new Trial(n, y, selectTried(n, posterior, design.ewoc()), false);
    }

    /**
     * The MTD at the end: among the tried combinations whose P(overdose) &lt;= ewoc, the one with the highest target
     * probability (an untried combination, however promising, is not declared the MTD); -1 if none.
     */
    static int selectTried(int[] n, Blrm2Posterior posterior, double ewoc) {
        int best = -1;
        double bestTarget = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n.length; c++) {
            double[] p = posterior.intervalProbabilities(c);
            if (n[c] > 0 && p[2] <= ewoc && p[1] > bestTarget) {
                bestTarget = p[1];
                best = c;
            }
        }
        return best;
    }

    /** Whole-number sums over trials (and sums of squares for the Monte Carlo SEs). Not thread-safe. */
    static final class Accumulator {
        long trials;
        long noSelection;
        long correct;
        long stoppedEarly;
        long total;
        long totalSquares;
        long totalDlts;
        long atMtd;
        long atMtdSquares;
        long atMtdTimesTotal;
        final long[] selected;
        final long[] patients;
        final long[] patientsSquares;
        final long[] dlts;

        Accumulator(int cells) {
            selected = new long[cells];
            patients = new long[cells];
            patientsSquares = new long[cells];
            dlts = new long[cells];
        }

        void add(Trial t, boolean[] trueMtd) {
            trials++;
            long sum = 0;
            long at = 0;
            for (int c = 0; c < t.n().length; c++) {
                patients[c] += t.n()[c];
                patientsSquares[c] += (long) t.n()[c] * t.n()[c];
                dlts[c] += t.y()[c];
                totalDlts += t.y()[c];
                sum += t.n()[c];
                if (trueMtd[c]) {
                    at += t.n()[c];
                }
            }
            if (t.selected() < 0) {
                noSelection++;
            } else {
                selected[t.selected()]++;
                if (trueMtd[t.selected()]) {
                    correct++;
                }
            }
            if (t.stoppedEarly()) {
                stoppedEarly++;
            }
            total += sum;
            totalSquares += sum * sum;
            atMtd += at;
            atMtdSquares += at * at;
            atMtdTimesTotal += at * sum;
        }

        void merge(Accumulator o) {
            trials += o.trials;
            noSelection += o.noSelection;
            correct += o.correct;
            stoppedEarly += o.stoppedEarly;
            total += o.total;
            totalSquares += o.totalSquares;
            totalDlts += o.totalDlts;
            atMtd += o.atMtd;
            atMtdSquares += o.atMtdSquares;
            atMtdTimesTotal += o.atMtdTimesTotal;
            for (int c = 0; c < selected.length; c++) {
                selected[c] += o.selected[c];
                patients[c] += o.patients[c];
                patientsSquares[c] += o.patientsSquares[c];
                dlts[c] += o.dlts[c];
            }
        }

        double percent(long count) {
            return 100.0 * count / trials;
        }

        double percentSe(long count) {
            double p = (double) count / trials;
            return 100 * Math.sqrt(p * (1 - p) / trials);
        }

        double meanSe(long sum, long squares) {
            double mean = (double) sum / trials;
            return Math.sqrt(Math.max(0, (double) squares / trials - mean * mean) / trials);
        }

        double[] selectionPercent() {
            double[] out = new double[selected.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = percent(selected[c]);
            }
            return out;
        }

        double[] patientsPerCombination() {
            double[] out = new double[patients.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = (double) patients[c] / trials;
            }
            return out;
        }

        /** % of all patients at true MTDs (a ratio of sums) and its delta-method SE over trials. */
        double[] atMtdPercent() {
            if (total == 0) {
                return new double[] {0, 0};
            }
            double t = trials;
            double ma = atMtd / t;
            double mn = total / t;
            double r = ma / mn;
            double var = (atMtdSquares / t - 2 * r * atMtdTimesTotal / t + r * r * totalSquares / t) / (mn * mn);
            return new double[] {100 * r, 100 * Math.sqrt(Math.max(0, var) / t)};
        }

        Table table(BufferAllocator allocator, int cols, double[] truth, boolean[] trueMtd) {
            int cells = selected.length;
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
                tox[c] = (double) dlts[c] / trials;
            }
            return Table.builder(allocator).addInt64("doseA", a).addInt64("doseB", b).addFloat64("truth", truth)
                    .addBoolean("trueMtd", trueMtd).addFloat64("selectionPercent", selectionPercent())
                    .addFloat64("selectionPercentSe", selSe).addFloat64("patients", patientsPerCombination())
                    .addFloat64("patientsSe", patSe).addFloat64("dlts", tox).build();
        }

        /** The summary fields of design.boin-comb (docs/designs.md, "Drug combinations"), same names. */
        void summarize(MethodResult.Builder result, int rows, int cols) {
            double[] at = atMtdPercent();
            result.summary("rows", (long) rows).summary("cols", (long) cols)
                    .summary("selectionPercent", selectionPercent())
                    .summary("patientsPerCombination", patientsPerCombination())
                    .summary("noSelectionPercent", percent(noSelection))
                    .summary("noSelectionPercentSe", percentSe(noSelection))
                    .summary("correctSelectionPercent", percent(correct))
                    .summary("correctSelectionPercentSe", percentSe(correct))
                    .summary("patientsAtMtdPercent", at[0])
                    .summary("patientsAtMtdPercentSe", at[1])
                    .summary("meanPatients", (double) total / trials)
                    .summary("meanPatientsSe", meanSe(total, totalSquares))
                    .summary("meanDlts", (double) totalDlts / trials)
                    .summary("stoppedEarlyPercent", percent(stoppedEarly))
                    .summary("stoppedEarlyPercentSe", percentSe(stoppedEarly))
                    .summary("trials", trials);
        }
    }
}
