package io.daybreak.examples.externalcontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.Balance;
import io.daybreak.stats.causal.MarginalMeans;

/**
 * The external-control-arm workflow on its synthetic cohorts, whose truth is known: the trial patients' survival
 * had they not received the drug is the mean of exp(−h₀(x)·t) over their covariates, which the ATT-weighted
 * controls must estimate (and the unweighted controls, sicker by construction, must not).
 */
class ExternalControlTest {
    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void weightedControlsEstimateTheTrialPatientsCounterfactualSurvival() {
        try (Table raw = SyntheticCohorts.generate(400, 4000, 11, allocator)) {
            ExternalControlAnalysis analysis = ExternalControlAnalysis.run(raw, Eligibility.TRIAL, allocator);
            double[][] k = analysis.flow().kept;
            for (double t : new double[] {180, 365}) {
                double truth = 0;
                int trial = 0;
                for (int i = 0; i < k[0].length; i++) {
                    if (k[0][i] == 1) {
                        truth += Math.exp(-SyntheticCohorts.controlHazard(k[1][i], k[2][i], k[3][i], k[4][i]) * t);
                        trial++;
                    }
                }
                truth /= trial;
                double[] weighted = analysis.weighted().control().at(t);
                double[] naive = analysis.naive().control().at(t);
                assertTrue(Math.abs(weighted[0] - truth) < 3 * weighted[1], "t=" + t + ": weighted controls " + weighted[0]
                        + " (SE " + weighted[1] + ") against the counterfactual " + truth);
                assertTrue(Math.abs(naive[0] - truth) > 3 * naive[1], "t=" + t + ": the unweighted controls should be "
                        + "confounded: " + naive[0] + " against " + truth);
            }
            for (Balance b : analysis.balance()) {
                assertTrue(Math.abs(b.differenceAfter()) < 0.05, b.covariate() + " after weighting: " + b.differenceAfter());
            }
            // the drug helps (true conditional HR 0.65): the weighted hazard ratio is below 1 with its CI
            MarginalMeans.Contrast hr = analysis.weighted().hazardRatio(0.95);
            assertTrue(hr.upper() < 1, "weighted HR " + hr);
            assertTrue(analysis.eValue()[0] > 1 && analysis.eValue()[1] > 1 && analysis.eValue()[1] < analysis.eValue()[0]);
        }
    }

    @Test
    void eligibilityAndTimeZeroAreCountedStepByStep() {
        try (Table raw = SyntheticCohorts.generate(90, 500, 2026, allocator)) {
            CohortFlow flow = CohortFlow.of(raw, Eligibility.TRIAL);
            assertEquals("all patients", flow.steps.get(0).criterion());
            assertEquals(90, flow.steps.get(0).trial());
            assertEquals(500, flow.steps.get(0).historical());
            for (int s = 1; s < flow.steps.size(); s++) {
                assertTrue(flow.steps.get(s).trial() <= flow.steps.get(s - 1).trial());
                assertTrue(flow.steps.get(s).historical() <= flow.steps.get(s - 1).historical());
            }
            CohortFlow.Step last = flow.steps.get(flow.steps.size() - 1);
            assertEquals(90, last.trial(), "the trial's own patients meet its criteria");
            int independent = 0;
            for (int i = 0; i < raw.rowCount(); i++) {
                boolean eligible = raw.doubles("age").get(i) >= 18 && raw.doubles("age").get(i) <= 80
                        && raw.doubles("ecog").get(i) <= 1 && raw.doubles("priorLines").get(i) <= 2
                        && raw.doubles("eventDay").get(i) > raw.doubles("indexDay").get(i);
                independent += eligible && raw.doubles("trial").get(i) == 0 ? 1 : 0;
            }
            assertEquals(independent, last.historical());
            assertTrue(flow.steps.get(flow.steps.size() - 2).historical() > last.historical(),
                    "some controls died before their time zero");
            assertEquals(last.trial() + last.historical(), flow.kept[0].length);
            for (int i = 0; i < flow.kept[0].length; i++) {
                assertTrue(flow.kept[5][i] > 0 && flow.kept[5][i] <= 730, "time from time zero " + flow.kept[5][i]);
            }
        }
    }

    @Test
    void theReportIsWrittenWholeAndBadInputIsNamed() throws Exception {
        Path report = dir.resolve("eca.html");
        try (Table raw = SyntheticCohorts.generate(90, 500, 2026, allocator);
                Table again = SyntheticCohorts.generate(90, 500, 2026, allocator)) {
            for (String column : CohortFlow.COLUMNS) {
                for (int i = 0; i < raw.rowCount(); i++) {
                    assertEquals(raw.doubles(column).get(i), again.doubles(column).get(i), column + " row " + i);
                }
            }
            ExternalControlAnalysis analysis = ExternalControlAnalysis.run(raw, Eligibility.TRIAL, allocator);
            ExternalControlReport.write(report, analysis, "synthetic");
        }
        String html = Files.readString(report);
        for (String section : new String[] {"Eligibility and time zero", "Propensity", "Balance", "Overall survival",
            "Objective response", "unmeasured confounding", "<svg"}) {
            assertTrue(html.contains(section), section);
        }
        try (Table partial = Table.builder(allocator).addFloat64("trial", new double[] {1, 0}).build()) {
            InvalidInputException missing = assertThrows(InvalidInputException.class,
                    () -> ExternalControlAnalysis.run(partial, Eligibility.TRIAL, allocator));
            assertTrue(missing.getMessage().contains("no column 'age'"), missing.getMessage());
        }
        Path nowhere = dir.resolve("missing/eca.html");
        InvalidInputException directory = assertThrows(InvalidInputException.class,
                () -> ExternalControlCommand.checkReport(nowhere));
        assertTrue(directory.getMessage().contains("does not exist"), directory.getMessage());
        assertFalse(Files.exists(nowhere));
    }
}
