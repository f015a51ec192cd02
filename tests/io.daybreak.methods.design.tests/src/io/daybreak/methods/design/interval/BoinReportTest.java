package io.daybreak.methods.design.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;

/**
 * The trial-report measures of a design's summary (per-dose SEs, early stopping, no selection, both overdose measures
 * and BOIN's overdosing risks): recomputed here from the simulated trial records, and for design.boin against BOIN
 * 2.7.2's get.oc in R 4.2.2 (docs/validation/r/design/boin-get-oc-report.R, output boin-get-oc-report.out):
 * {@code R_LIBS=/work/rlib-bench Rscript boin-get-oc-report.R 25 2000}, i.e. {@code get.oc(target = 0.3,
 * p.true = c(0.05, 0.15, 0.30, 0.45, 0.60), ncohort = 10, cohortsize = 3, ntrial = 2000, seed = 2026 + b)} for
 * b = 0..24; R's SEs are from the spread of the 25 batch means.
 */
class BoinReportTest extends MethodTestSupport {
    private static final double[] TRUTH = {0.05, 0.15, 0.30, 0.45, 0.60};
    private static final long R_TRIALS = 50_000;

    /** One finished trial, as the engine leaves it. */
    private record Trial(int selected, int[] patients, int[] dlts) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryEqualsTheMeasuresRecomputedFromTheTrialRecords() {
        int cohorts = 8;
        int maxPatients = 3 * cohorts;
        double[] truth = {0.1, 0.2, 0.35, 0.5, 0.6}; // true MTD: dose 2
        int trials = 4000;
        OperatingCharacteristics oc = new OperatingCharacteristics(truth, 0.25, maxPatients);
        List<Trial> records = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(2026);
        for (int r = 0; r < trials; r++) {
            // n.earlystop = 9 patients at a dose: many trials stop early with a dose, so early stop != no selection
            IntervalDesignRules rules = new IntervalDesignRules(BoinBoundaries.of(0.25, 0.15, 0.35), truth.length, 3,
                    cohorts, 0, 9, 0.95, false, 0.05);
            DoseFindingTrial trial = new IntervalDesignTrial(rules);
            SplittableRandom stream = seeds.split();
            UniformRandomProvider random = stream::nextLong;
            DoseFindingSimulation.run(trial, truth, random);
            records.add(new Trial(trial.selectedDose(), trial.patients().clone(), trial.dlts().clone()));
            oc.add(trial.selectedDose(), trial.patients(), trial.dlts(), 1);
        }
        MethodResult.Builder builder = MethodResult.builder();
        oc.summarize(builder, trials);
        Map<String, Object> s = builder.build().summary();

        int trueMtd = 1; // 0-based
        double[] above = new double[trials];
        double[] size = new double[trials];
        double[] dltTotal = new double[trials];
        int noDose = 0;
        int aboveSelected = 0;
        int early = 0;
        int over60 = 0;
        int over80 = 0;
        for (int r = 0; r < trials; r++) {
            Trial t = records.get(r);
            for (int d = 0; d < truth.length; d++) {
                size[r] += t.patients()[d];
                dltTotal[r] += t.dlts()[d];
                above[r] += d > trueMtd ? t.patients()[d] : 0;
            }
            noDose += t.selected() < 0 ? 1 : 0;
            aboveSelected += t.selected() > trueMtd ? 1 : 0;
            early += size[r] < maxPatients ? 1 : 0;
            over60 += above[r] > 0.6 * maxPatients ? 1 : 0;
            over80 += above[r] > 0.8 * maxPatients ? 1 : 0;
        }
        assertTrue(early > noDose + 100, "the test needs trials that stop early with a dose: " + early + " vs " + noDose);
        assertEquals(2L, s.get("trueMtd"));
        assertEquals(100.0 * noDose / trials, (Double) s.get("noSelectionPercent"), 1e-12);
        assertEquals(s.get("noSelectionPercent"), s.get("stopPercent"), "get.oc's percentstop: every trial without a dose");
        assertEquals(100.0 * early / trials, (Double) s.get("earlyStopPercent"), 1e-12);
        assertEquals(binomialSe(early, trials), (Double) s.get("earlyStopPercentSe"), 1e-12);
        assertEquals(100.0 * aboveSelected / trials, (Double) s.get("selectionAboveMtdPercent"), 1e-12);
        assertEquals(binomialSe(aboveSelected, trials), (Double) s.get("selectionAboveMtdPercentSe"), 1e-12);
        assertEquals(100.0 * over60 / trials, (Double) s.get("overdose60Percent"), 1e-12);
        assertEquals(100.0 * over80 / trials, (Double) s.get("overdose80Percent"), 1e-12);
        assertEquals(mean(size), (Double) s.get("meanPatients"), 1e-12);
        assertEquals(sd(size) / Math.sqrt(trials), (Double) s.get("meanPatientsSe"), 1e-12);
        assertEquals(sd(dltTotal) / Math.sqrt(trials), (Double) s.get("meanDltsSe"), 1e-12);
        double ratio = sum(above) / sum(size);
        assertEquals(100 * ratio, (Double) s.get("patientsAboveMtdPercent"), 1e-12);
        assertEquals(s.get("patientsAboveMtdPercent"), s.get("overdosePercent"), "the older name of the same measure");
        double[] residual = new double[trials];
        for (int r = 0; r < trials; r++) {
            residual[r] = above[r] - ratio * size[r];
        }
        // delta-method SE of a ratio estimator, from the residuals' SD (their mean is 0 by construction)
        assertEquals(100 * sd(residual) / Math.sqrt(trials) / mean(size), (Double) s.get("patientsAboveMtdPercentSe"),
                1e-9);
        List<Map<String, Object>> doses = (List<Map<String, Object>>) s.get("doses");
        assertEquals(truth.length, doses.size());
        for (int d = 0; d < truth.length; d++) {
            double[] n = new double[trials];
            double[] y = new double[trials];
            int chosen = 0;
            for (int r = 0; r < trials; r++) {
                n[r] = records.get(r).patients()[d];
                y[r] = records.get(r).dlts()[d];
                chosen += records.get(r).selected() == d ? 1 : 0;
            }
            Map<String, Object> row = doses.get(d);
            assertEquals((long) d + 1, row.get("dose"));
            assertEquals(truth[d], (Double) row.get("truth"), 0);
            assertEquals(100.0 * chosen / trials, (Double) row.get("selectionPercent"), 1e-12);
            assertEquals(binomialSe(chosen, trials), (Double) row.get("selectionPercentSe"), 1e-12);
            assertEquals(mean(n), (Double) row.get("patients"), 1e-12);
            assertEquals(sd(n) / Math.sqrt(trials), (Double) row.get("patientsSe"), 1e-12);
            assertEquals(mean(y), (Double) row.get("dlts"), 1e-12);
            assertEquals(sd(y) / Math.sqrt(trials), (Double) row.get("dltsSe"), 1e-12);
            assertEquals(row.get("patientsSe"), ((List<Double>) s.get("patientsPerDoseSe")).get(d));
            assertEquals(row.get("selectionPercent"), ((List<Double>) s.get("selectionPercent")).get(d));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void agreesWithBoinGetOcOnTheTrialReportWithinThreeAndAHalfStandardErrors() throws Exception {
        long trials = 200_000;
        Map<String, Object> s = summary(new BoinMethod(), Map.of("truth", "0.05,0.15,0.30,0.45,0.60", "target", "0.3",
                "cohorts", "10", "trials", Long.toString(trials)), 17);
        // get.oc: % of trials selecting dose 4 or 5 (sum of selpercent[4:5]), percentstop, overdose60, overdose80
        within(21.304, 0.1581, s, "selectionAboveMtdPercent");
        within(0.018, 0.004899, s, "noSelectionPercent");
        assertEquals(s.get("noSelectionPercent"), s.get("stopPercent"));
        within(3.44, 0.06988, s, "overdose60Percent");
        within(0, 0, s, "overdose80Percent");
        // 100 * sum(npatients[4:5]) / totaln per batch, averaged; ours pools all trials (the same limit)
        within(18.62010943, 0.08129, s, "patientsAboveMtdPercent");
        within(29.99532, 0.00128, s, "meanPatients");
        within(7.54092, 0.005786, s, "meanDlts");
        double[] rDlts = {0.21014, 1.36484, 3.33904, 2.14016, 0.48674};
        double[] rDltsSe = {0.002841, 0.007309, 0.008081, 0.00843, 0.005141};
        List<Map<String, Object>> doses = (List<Map<String, Object>>) s.get("doses");
        for (int d = 0; d < TRUTH.length; d++) {
            double ours = (Double) doses.get(d).get("dlts");
            double se = Math.hypot(rDltsSe[d], (Double) doses.get(d).get("dltsSe"));
            assertEquals(rDlts[d], ours, 3.5 * se, "DLTs at dose " + (d + 1));
        }
        assertEquals(30L, s.get("maxPatients"));
        // with n.earlystop = 100 a BOIN trial ends early only by the safety rule, which selects no dose
        assertTrue((Double) s.get("earlyStopPercent") <= (Double) s.get("noSelectionPercent"), s.toString());
    }

    /** |ours − R| within 3.5 SE of the difference (R's batch-means SE and ours, independent). */
    private static void within(double r, double rSe, Map<String, Object> s, String key) {
        double ours = (Double) s.get(key);
        double oursSe = (Double) s.get(key + "Se");
        double se = Math.hypot(rSe, oursSe);
        assertTrue(Math.abs(ours - r) <= 3.5 * se + 1e-12, key + ": " + ours + " vs get.oc " + r + " (3.5 SE = " + 3.5 * se
                + ", " + R_TRIALS + " trials in R)");
    }

    private static double binomialSe(int count, int trials) {
        double p = (double) count / trials;
        return 100 * Math.sqrt(p * (1 - p) / trials);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double mean(double[] x) {
        return sum(x) / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
