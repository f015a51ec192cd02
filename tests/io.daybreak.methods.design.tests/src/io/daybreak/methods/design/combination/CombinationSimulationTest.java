package io.daybreak.methods.design.combination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DoseFindingSimulation;

/**
 * design.boin-comb and design.waterfall against BOIN 2.7.2's own get.oc.comb in R 4.2.2: the resource
 * comb-get-oc.out is the output of docs/validation/r/combination/comb-get-oc.R ({@code Rscript comb-get-oc.R 25
 * 2000}: per scenario 25 batches of 2000 trials with seeds 2026 ... 2050, the call of each scenario on its first line,
 * e.g. {@code get.oc.comb(target = 0.3, p.true = help, ncohort = 20, cohortsize = 3, n.earlystop = 12, startdose =
 * c(1, 1))} with the help page's 3 x 5 matrix). R's Monte Carlo SE of each figure is the SD of its batch means over
 * sqrt(25); every selection percentage, mean number of patients per combination, % correct selection, % patients at
 * the MTD(s), % without MTD (or above the contour) and mean sample size must agree within 3.5 SE of the difference.
 * The resource comb-get-oc-safety.out ({@code Rscript comb-get-oc.R 25 2000 S4 W3}) adds the safety options
 * (extrasafe, boundMTD, own p.saf/p.tox; the waterfall with titration) on a toxic grid.
 */
class CombinationSimulationTest extends MethodTestSupport {
    static final String HELP = "0.01,0.03,0.10,0.20,0.30,0.03,0.05,0.15,0.30,0.60,0.08,0.10,0.30,0.60,0.75";
    static final String OTHER = "0.02,0.04,0.08,0.12,0.05,0.10,0.25,0.40,0.10,0.25,0.45,0.60";
    static final String TOXIC = "0.15,0.25,0.35,0.45,0.25,0.35,0.50,0.60,0.30,0.45,0.60,0.70";

    /** The R figures of one scenario: values and their SEs. */
    record Reference(double[] selection, double[] selectionSe, double[] patients, double[] patientsSe, double[] extra,
            double[] extraSe) {
    }

    static Reference reference(String scenario) throws IOException {
        Map<String, double[]> fields = new HashMap<>();
        String file = scenario.equals("S4") || scenario.equals("W3") ? "comb-get-oc-safety.out" : "comb-get-oc.out";
        try (InputStream in = CombinationSimulationTest.class.getResourceAsStream(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\\|");
                if (f.length == 3 && f[0].trim().equals(scenario)) {
                    fields.put(f[1].trim(), Arrays.stream(f[2].trim().split(",")).mapToDouble(Double::parseDouble)
                            .toArray());
                }
            }
        }
        return new Reference(fields.get("selpercent (row-major)"), fields.get("selpercent SE"),
                fields.get("npatients (row-major)"), fields.get("npatients SE"),
                fields.get("pcs, npercent, percentstop (or above contour), totaln"), fields.get("their SE"));
    }

    private Map<String, Object> agrees(Method method, Map<String, String> raw, String scenario, long trials,
            boolean contour) throws Exception {
        Reference r = reference(scenario);
        long rTrials = 50_000;
        Map<String, double[]> table = new HashMap<>();
        Map<String, String> all = new HashMap<>(raw);
        all.put("trials", Long.toString(trials));
        Map<String, Object> summary = run(method, Map.of(), all, 2026, outputs -> {
            Table t = outputs.get("byCombination");
            for (String column : List.of("selectionPercent", "selectionPercentSe", "patients", "patientsSe")) {
                double[] v = new double[t.rowCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = t.doubles(column).get(i);
                }
                table.put(column, v);
            }
        });
        double[] selection = table.get("selectionPercent");
        double[] patients = table.get("patients");
        assertEquals(r.selection().length, selection.length);
        for (int c = 0; c < selection.length; c++) {
            // binomial SEs from the larger of the two estimates, so that a cell R never selected still has one
            double p = Math.max(selection[c], r.selection()[c]) / 100;
            double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / rTrials);
            within(r.selection()[c], selection[c], se, scenario + " selection % at cell " + c);
            double pse = Math.hypot(r.patientsSe()[c], table.get("patientsSe")[c]);
            within(r.patients()[c], patients[c], pse, scenario + " patients at cell " + c);
        }
        double pcs = (Double) summary.get("correctSelectionPercent");
        within(r.extra()[0], pcs, Math.hypot(r.extraSe()[0], (Double) summary.get("correctSelectionPercentSe")),
                scenario + " % correct selection");
        within(r.extra()[1], (Double) summary.get("patientsAtMtdPercent"),
                Math.hypot(r.extraSe()[1], (Double) summary.get("patientsAtMtdPercentSe")), scenario + " % at MTD");
        if (contour) {
            // R's npercent.above.contour; ours has no SE of its own: R's, scaled to our number of trials, stands in
            within(r.extra()[2], (Double) summary.get("patientsAboveContourPercent"),
                    r.extraSe()[2] * Math.sqrt(1 + (double) rTrials / trials), scenario + " % above the contour");
        } else {
            double p = Math.max(r.extra()[2], (Double) summary.get("noSelectionPercent")) / 100;
            within(r.extra()[2], (Double) summary.get("noSelectionPercent"),
                    100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / rTrials), scenario + " % no MTD");
        }
        within(r.extra()[3], (Double) summary.get("meanPatients"),
                Math.hypot(r.extraSe()[3], (Double) summary.get("meanPatientsSe")), scenario + " mean sample size");
        return summary;
    }

    private static void within(double expected, double actual, double se, String what) {
        assertTrue(Math.abs(actual - expected) <= 3.5 * se + 1e-9,
                what + ": " + actual + " vs R " + expected + " (3.5 SE = " + 3.5 * se + ")");
    }

    @Test
    void boinCombHelpExampleAgreesWithGetOcComb() throws Exception {
        // get.oc.comb(target = 0.3, p.true = help, ncohort = 20, cohortsize = 3, n.earlystop = 12, startdose = c(1, 1))
        Map<String, Object> s = agrees(new BoinCombMethod(), Map.of("truth", HELP, "levelsA", "3", "target", "0.3",
                "cohorts", "20", "earlyStop", "12"), "S1", 100_000, false);
        // R's mean sample size 36.1 of at most 60: most trials end at n.earlystop
        assertTrue((Double) s.get("stoppedEarlyPercent") > 80, s.toString());
    }

    @Test
    void boinCombWithoutEarlyStoppingAgreesWithGetOcComb() throws Exception {
        // get.oc.comb(target = 0.25, p.true = other, ncohort = 12, cohortsize = 3, startdose = c(1, 1))
        Map<String, Object> s = agrees(new BoinCombMethod(), Map.of("truth", OTHER, "levelsA", "3", "target", "0.25",
                "cohorts", "12"), "S2", 100_000, false);
        // without n.earlystop a trial ends early only when the lowest combination is eliminated (then without MTD)
        assertTrue((Double) s.get("stoppedEarlyPercent") <= (Double) s.get("noSelectionPercent"), s.toString());
    }

    @Test
    void boinCombWithTitrationAgreesWithGetOcComb() throws Exception {
        // get.oc.comb(target = 0.3, p.true = help, ncohort = 20, cohortsize = 3, n.earlystop = 12, titration = TRUE)
        agrees(new BoinCombMethod(), Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "cohorts", "20",
                "earlyStop", "12", "titration", "true"), "S3", 100_000, false);
    }

    @Test
    void waterfallHelpExampleAgreesWithGetOcComb() throws Exception {
        // get.oc.comb(target = 0.3, p.true = help, ncohort = c(10, 5, 5), cohortsize = 3, n.earlystop = 12,
        //             mtd.contour = TRUE)
        agrees(new WaterfallMethod(), Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "subtrialCohorts",
                "10,5,5", "earlyStop", "12"), "W1", 40_000, true);
    }

    @Test
    void waterfallSecondScenarioAgreesWithGetOcComb() throws Exception {
        // get.oc.comb(target = 0.25, p.true = other, ncohort = c(8, 4, 4), cohortsize = 3, mtd.contour = TRUE)
        agrees(new WaterfallMethod(), Map.of("truth", OTHER, "levelsA", "3", "target", "0.25", "subtrialCohorts",
                "8,4,4"), "W2", 40_000, true);
    }

    @Test
    void boinCombWithExtraSafeBoundMtdAndOwnRatesAgreesWithGetOcComb() throws Exception {
        // comb-get-oc-safety.out: get.oc.comb(target = 0.3, p.true = toxic, ncohort = 10, cohortsize = 3,
        //     n.earlystop = 12, p.saf = 0.2, p.tox = 0.45, extrasafe = TRUE, boundMTD = TRUE), a 3 x 4 grid whose
        //     lowest combination has 0.15
        agrees(new BoinCombMethod(), Map.of("truth", TOXIC, "levelsA", "3", "target", "0.3", "cohorts", "10",
                "earlyStop", "12", "pSafe", "0.2", "pTox", "0.45", "extraSafe", "true", "boundMtd", "true"), "S4",
                100_000, false);
    }

    @Test
    void waterfallWithTitrationExtraSafeAndBoundMtdAgreesWithGetOcComb() throws Exception {
        // comb-get-oc-safety.out: get.oc.comb(target = 0.3, p.true = toxic, ncohort = c(6, 4, 4), cohortsize = 3,
        //     mtd.contour = TRUE, titration = TRUE, extrasafe = TRUE, boundMTD = TRUE)
        agrees(new WaterfallMethod(), Map.of("truth", TOXIC, "levelsA", "3", "target", "0.3", "subtrialCohorts",
                "6,4,4", "titration", "true", "extraSafe", "true", "boundMtd", "true"), "W3", 40_000, true);
    }

    @Test
    void waterfallDefaultCohortsAreThePackages() {
        // get.oc.comb without ncohort: ceiling(round(4/cohortsize, 2) * c(J+K-1, rep(K-1, J-1)));
        // R: ceiling(round(4/3, 2) * c(7, 4, 4)) = 10 6 6
        assertEquals(List.of(10, 6, 6), Arrays.stream(WaterfallMethod.cohorts(null, 3, 3, 5)).boxed().toList());
        assertEquals(List.of(12, 8), Arrays.stream(WaterfallMethod.cohorts(null, 2, 2, 5)).boxed().toList());
    }

    @Test
    void trueMtdsAreTheCombinationsClosestToTheTarget() {
        boolean[] mtd = CombinationSimulation.closestToTarget(Arrays.stream(HELP.split(","))
                .mapToDouble(Double::parseDouble).toArray(), 0.3);
        // 0.30 at (1,5), (2,4) and (3,3)
        for (int c = 0; c < 15; c++) {
            assertEquals(c == 4 || c == 8 || c == 12, mtd[c], "cell " + c);
        }
    }

    /** Trial r uses streams r and r + TIE_STREAMS; the simulation's memo of selections changes no selection. */
    @Test
    void selectionCountsEqualTrialByTrialSelections() throws Exception {
        long trials = 3000;
        double[] truth = Arrays.stream(HELP.split(",")).mapToDouble(Double::parseDouble).toArray();
        CombinationRules rules = CombinationRules.of(3, 5, 0.3, 0.18, 0.42, 3, 20, 12, 0, 0, 0.95, false, 0.05, false,
                true);
        TestMethodContext context = new TestMethodContext(allocator, 9);
        CombinationSelection selection = new CombinationSelection(3, 5);
        double[] expected = new double[15];
        for (long r = 0; r < trials; r++) {
            CombinationTrial trial = new CombinationTrial(rules);
            trial.run(truth, context.random(r), context.random(r + DoseFindingSimulation.TIE_STREAMS));
            int s = trial.stoppedForToxicity ? -1 : selection.select(trial.n, trial.y, rules, false, null);
            if (s >= 0) {
                expected[s] += 100.0 / trials;
            }
        }
        double[] selected = doubles(summary(new BoinCombMethod(), Map.of("truth", HELP, "levelsA", "3", "target", "0.3",
                "cohorts", "20", "earlyStop", "12", "titration", "true", "trials", Long.toString(trials)), 9)
                .get("selectionPercent"));
        for (int c = 0; c < 15; c++) {
            assertEquals(expected[c], selected[c], 1e-9, "cell " + c);
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        Map<String, String> raw = Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "cohorts", "20",
                "earlyStop", "12", "titration", "true", "trials", "20000");
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            assertEquals(one.submit(() -> summary(new BoinCombMethod(), raw, 5)).get(),
                    four.submit(() -> summary(new BoinCombMethod(), raw, 5)).get());
            Map<String, String> wf = Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "trials", "5000");
            assertEquals(one.submit(() -> summary(new WaterfallMethod(), wf, 5)).get(),
                    four.submit(() -> summary(new WaterfallMethod(), wf, 5)).get());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheParameter() {
        for (Map<String, String> bad : List.of(
                Map.of("truth", HELP, "levelsA", "4", "target", "0.3"),
                Map.of("truth", HELP, "levelsA", "5", "target", "0.3"),
                Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "pSafe", "0.29"),
                Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "startDoseB", "6"))) {
            Map<String, String> raw = new HashMap<>(bad);
            raw.put("trials", "10");
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> summary(new BoinCombMethod(), raw, 1), bad.toString());
            String name = bad.containsKey("pSafe") ? "pSafe" : bad.containsKey("startDoseB") ? "startDoseB" : "levelsA";
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> summary(new WaterfallMethod(),
                Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "subtrialCohorts", "10,5"), 1));
        assertTrue(e.getMessage().contains("subtrialCohorts"), e.getMessage());
    }
}
