package io.daybreak.methods.design.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.oc.TiteData;
import io.daybreak.methods.design.oc.TiteTrial;

class TiteBoinTest extends MethodTestSupport {
    private static final double WINDOW = 90;
    private static final double NOW = 1000;

    /** Builds the data at one moment: per patient a dose and an outcome (DLT, complete, or pending fraction). */
    private static final class Patients {
        final List<double[]> rows = new ArrayList<>();

        Patients add(int dose, int complete, int dlts, double... pendingFractions) {
            for (int i = 0; i < dlts; i++) {
                rows.add(new double[] {dose, NOW - WINDOW, 0});
            }
            for (int i = 0; i < complete - dlts; i++) {
                rows.add(new double[] {dose, NOW - WINDOW, Double.POSITIVE_INFINITY});
            }
            for (double f : pendingFractions) {
                rows.add(new double[] {dose, NOW - f * WINDOW, Double.POSITIVE_INFINITY});
            }
            return this;
        }

        TiteData data() {
            int count = rows.size();
            double[] entry = new double[count];
            int[] dose = new int[count];
            double[] dlt = new double[count];
            for (int i = 0; i < count; i++) {
                dose[i] = (int) rows.get(i)[0];
                entry[i] = rows.get(i)[1];
                dlt[i] = rows.get(i)[2];
            }
            TiteData data = new TiteData(5, 30);
            data.update(NOW, WINDOW, count, entry, dose, dlt);
            return data;
        }
    }

    private static int decide(Patients patients, int dose) {
        BoinBoundaries boundaries = BoinBoundaries.of(0.3, 0.18, 0.42);
        TiteBoinTrial trial = new TiteBoinTrial(new TiteBoinTrial.Settings(boundaries, 5,
                new TiteTrial.Enrolment(0, 3, 30), 0.5,
                TiteBoinTrial.eliminationTable(0.3, 30, 0.95)));
        return trial.decide(patients.data(), dose);
    }

    /**
     * Decisions of an independent R transcription of the TITE-BOIN rules (docs/validation/r/tite/titeboin_core.R,
     * {@code titeboin_decide}; that transcription reproduces all 640 cells of the paper's Tables 1 and S1), cases
     * B1-B20 and B25 of b_titeboin_decisions.R: target 0.3, n patients at dose d (1-based) of which y had DLTs and
     * c are pending with the given follow-up fractions.
     */
    @Test
    void decisionsMatchTheRTranscription() {
        int d = 1; // dose 2
        assertEquals(2, decide(new Patients().add(d, 3, 0), d)); // B1 escalate
        assertEquals(2, decide(new Patients().add(d, 2, 0, 0.5), d)); // B2 escalate
        assertEquals(TiteTrial.SUSPEND, decide(new Patients().add(d, 1, 0, 0.5, 0.2), d)); // B3 suspend
        assertEquals(0, decide(new Patients().add(d, 2, 1, 0.5), d)); // B4 de-escalate
        assertEquals(1, decide(new Patients().add(d, 2, 1, 0.95), d)); // B5 stay
        assertEquals(2, decide(new Patients().add(d, 4, 1, 0.5, 0.3), d)); // B6 escalate
        assertEquals(1, decide(new Patients().add(d, 4, 1, 0.3, 0.2), d)); // B7 stay
        assertEquals(1, decide(new Patients().add(d, 3, 1, 0.9, 0.4, 0.3), d)); // B8 stay
        assertEquals(0, decide(new Patients().add(d, 4, 2, 0.5, 0.4), d)); // B9 de-escalate (STFT 0.9)
        assertEquals(1, decide(new Patients().add(d, 4, 2, 0.95, 0.9), d)); // B10 stay (STFT 1.85)
        assertEquals(0, decide(new Patients().add(d, 3, 3, 0.1, 0.1, 0.1), d)); // B11 de-escalate
        assertEquals(1, decide(new Patients().add(d, 6, 2, 0.8, 0.7, 0.5), d)); // B12 stay (STFT 2.0)
        assertEquals(2, decide(new Patients().add(d, 6, 2, 0.95, 0.95, 0.9), d)); // B13 escalate (STFT 2.8)
        assertEquals(0, decide(new Patients().add(d, 8, 3, 0.2), d)); // B14 de-escalate
        assertEquals(0, decide(new Patients().add(d, 3, 3), d)); // B15 eliminate -> dose 1
        assertEquals(0, decide(new Patients().add(d, 5, 4, 0.5), d)); // B16 eliminate -> dose 1
        assertEquals(TiteTrial.STOP, decide(new Patients().add(0, 3, 3), 0)); // B17 stop
        assertEquals(TiteTrial.SUSPEND, decide(new Patients().add(0, 2, 1, 0.2), 0)); // B18 suspend at dose 1
        assertEquals(0, decide(new Patients().add(0, 3, 1), 0)); // B19 stay
        assertEquals(0, decide(new Patients().add(0, 3, 2), 0)); // B20 stay (de-escalation impossible)
        assertEquals(4, decide(new Patients().add(4, 3, 0), 4)); // B22 top dose: stay
        assertEquals(1, decide(new Patients().add(0, 3, 0).add(1, 3, 0).add(2, 3, 3), d)); // B25 dose 3 eliminated
    }

    /**
     * Against the R simulator of the same model (docs/validation/r/tite/c_sim_titeboin.R, 20,000 trials, seed
     * 20240601): truth 0.05,0.10,0.20,0.30,0.45, target 0.3, 10 cohorts of 3, window 90 days, exponential gaps
     * of mean 15 days. Selection % (none, doses 1-5) 0.01 0.25 7.46 36.04 43.21 13.01; patients per dose
     * 4.579 7.199 9.330 6.450 2.439; mean duration 831.10 days (SE 0.70); 20.368 arrivals turned away.
     */
    @Test
    @SuppressWarnings("unchecked")
    void operatingCharacteristicsAgreeWithAnRSimulationWithinThreeStandardErrors() throws Exception {
        double[] r = {0.01, 0.25, 7.46, 36.04, 43.21, 13.01};
        long rTrials = 20_000;
        long trials = 10_000;
        Map<String, Object> summary = summary(new TiteBoinMethod(), Map.of("truth", "0.05,0.10,0.20,0.30,0.45",
                "target", "0.3", "trials", Long.toString(trials)), 3);
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        for (int d = 0; d <= 5; d++) {
            double ours = d == 0 ? (Double) summary.get("noSelectionPercent") : selection.get(d - 1);
            double p = Math.max(r[d], ours) / 100;
            double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / rTrials);
            assertTrue(Math.abs(ours - r[d]) <= 3 * se + 0.05, "dose " + d + ": " + ours + " vs R " + r[d]);
        }
        double duration = (Double) summary.get("meanDurationDays");
        double durationSe = Math.hypot((Double) summary.get("meanDurationDaysSe"), 0.70);
        assertTrue(Math.abs(duration - 831.10) <= 3 * durationSe, duration + " vs R 831.10 (SE " + durationSe + ")");
        double turnedAway = (Double) summary.get("meanTurnedAway");
        assertTrue(Math.abs(turnedAway - 20.368) < 0.3, turnedAway + " vs R 20.368 (R SE 0.049)");
    }
}
