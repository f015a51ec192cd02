package io.daybreak.methods.design.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.interval.BoinMethod;

/**
 * design.boin with backfill against the openpharma bfboin package (0.1.1, commit 03a1b836, BOIN 2.7.2, R 4.2.2), an
 * independent implementation of BF-BOIN (Zhao, Yuan, Korn &amp; Freidlin, Clin Cancer Res 30:673, 2024), on scenarios of
 * the paper's Table 3. docs/validation/r/backfill/bfboin-reference.R (output bfboin-reference.out) runs, per scenario,
 * 20,000 trials of {@code bfboin:::sim.one.trial(target = 0.25, p.true, ncohort = 10, cohortsize = 3, n.earlystop = 100,
 * n.cap = 12, n.per.month = 3, dlt.window = 1, p.response.true, accrual = "uniform", backfill.assign = "highest")}
 * (what {@code get.oc.bf} maps over) with set.seed(2026). bfboin's n.cap = 12 lets a dose holding 12 patients take one
 * more, which is our backfillCap = 13. Patients per dose are those in the final analysis (escalation plus backfill
 * patients whose outcome was known at the end), as bfboin counts them; duration in months. Every difference must be
 * within 3.5 standard errors of the difference of the two independent estimates.
 */
class BackfillBfBoinTest extends MethodTestSupport {
    private static final long TRIALS = 40_000;

    private record Reference(String truth, String efficacy, double[] selection, double stop, double[] patients,
            double[] patientsSe, double total, double totalSe, double duration, double durationSe) {
    }

    // The paper's own setting, n.earlystop = 9 (bfboin-earlystop.R, output bfboin-earlystop.out; 10,000 trials each):
    // the trial stops once 9 patients are at a dose that the rule keeps. Scenarios 2, 3 and 4 of Table 3.
    private static final Reference S2_STOP9 = new Reference("0.12,0.25,0.42,0.49,0.55", "0.2,0.3,0.4,0.5,0.6",
            new double[] {32.470, 56.930, 9.480, 0.570, 0.050}, 0.500,
            new double[] {11.29490, 10.07400, 3.57860, 0.54940, 0.05490},
            new double[] {0.04913, 0.05564, 0.04477, 0.01765, 0.00485}, 25.55180, 0.10282, 12.31746, 0.04562);
    private static final Reference S3_STOP9 = new Reference("0.04,0.12,0.25,0.43,0.63", "0.1,0.2,0.3,0.45,0.58",
            new double[] {2.710, 31.370, 56.070, 9.630, 0.210}, 0.010,
            new double[] {7.23220, 11.11840, 9.09510, 3.34150, 0.40560},
            new double[] {0.04542, 0.04895, 0.05053, 0.04191, 0.01286}, 31.19280, 0.08806, 14.69694, 0.03411);
    private static final Reference S4_STOP9 = new Reference("0.02,0.06,0.1,0.25,0.4", "0.05,0.1,0.15,0.3,0.45",
            new double[] {0.590, 5.160, 25.580, 55.860, 12.810}, 0.000,
            new double[] {5.06690, 6.97990, 9.46650, 8.93920, 3.05100},
            new double[] {0.03504, 0.04374, 0.04666, 0.04831, 0.03600}, 33.50350, 0.08006, 15.98770, 0.02826);

    // s2: Table 3 scenario 2
    private static final Reference S2 = new Reference("0.12,0.25,0.42,0.49,0.55", "0.2,0.3,0.4,0.5,0.6",
            new double[] {23.105, 63.975, 11.400, 0.775, 0.075}, 0.670,
            new double[] {15.48265, 14.67100, 4.67555, 0.62525, 0.06225},
            new double[] {0.04950, 0.04331, 0.03711, 0.01365, 0.00421}, 35.51670, 0.03687, 17.88554, 0.01097);
    // s4: Table 3 scenario 4
    private static final Reference S4 = new Reference("0.02,0.06,0.1,0.25,0.4", "0.05,0.1,0.15,0.3,0.45",
            new double[] {0.035, 1.995, 23.630, 60.090, 14.250}, 0.0,
            new double[] {5.22890, 7.59320, 11.14060, 10.42955, 3.61935},
            new double[] {0.02635, 0.03447, 0.03602, 0.03692, 0.03043}, 38.01160, 0.04121, 18.16661, 0.00723);

    // s3r1: Table 3 scenario 3's toxicity with every patient responding (a dose opens once a window is over)
    private static final Reference S3R1 = new Reference("0.04,0.12,0.25,0.43,0.63", "1,1,1,1,1",
            new double[] {0.650, 27.465, 60.800, 10.725, 0.340}, 0.020,
            new double[] {12.22410, 15.53105, 12.32660, 3.75790, 0.42510},
            new double[] {0.02319, 0.02813, 0.04224, 0.03235, 0.00918}, 44.26475, 0.03678, 18.06325, 0.00742);

    @Test
    void scenario3AllRespondingAgreesWithBfboin() throws Exception {
        check(S3R1, 20_000, "100");
    }

    @Test
    void scenario2AgreesWithBfboin() throws Exception {
        check(S2, 20_000, "100");
    }

    @Test
    void scenario4AgreesWithBfboin() throws Exception {
        check(S4, 20_000, "100");
    }

    @Test
    void paperSettingWithEarlyStopAt9AgreesWithBfboin() throws Exception {
        check(S2_STOP9, 10_000, "9");
        check(S3_STOP9, 10_000, "9");
        check(S4_STOP9, 10_000, "9");
    }

    @SuppressWarnings("unchecked")
    private void check(Reference r, long rTrials, String earlyStop) throws Exception {
        Map<String, Object> s = summary(new BoinMethod(), Map.of("truth", r.truth(), "target", "0.25", "cohorts", "10",
                "trials", Long.toString(TRIALS), "backfill", "true", "backfillCap", "13", "efficacy", r.efficacy(),
                "backfillMinResponses", "1", "earlyStop", earlyStop), 2026);
        List<Double> selection = (List<Double>) s.get("selectionPercent");
        List<Double> escalation = (List<Double>) s.get("escalationPatientsPerDose");
        List<Double> analysed = (List<Double>) s.get("analysedBackfillPerDose");
        double both = 1.0 / rTrials + 1.0 / TRIALS;
        double total = 0;
        for (int d = 0; d < r.selection().length; d++) {
            double p = Math.max(r.selection()[d], 0.05) / 100;
            double se = 100 * Math.sqrt(p * (1 - p) * both);
            assertEquals(r.selection()[d], selection.get(d), 3.5 * se, "selection % at dose " + (d + 1));
            double patients = escalation.get(d) + analysed.get(d);
            total += patients;
            double sd = r.patientsSe()[d] * Math.sqrt(rTrials);
            assertEquals(r.patients()[d], patients, 3.5 * sd * Math.sqrt(both), "patients at dose " + (d + 1));
        }
        double stop = Math.max(r.stop(), 0.05) / 100;
        assertEquals(r.stop(), (Double) s.get("noSelectionPercent"), 3.5 * 100 * Math.sqrt(stop * (1 - stop) * both));
        assertEquals(r.total(), total, 3.5 * r.totalSe() * Math.sqrt(rTrials * both), "analysed patients");
        assertEquals(r.duration(), (Double) s.get("meanDuration"), 3.5 * r.durationSe() * Math.sqrt(rTrials * both),
                "duration (months)");
        assertTrue((Double) s.get("meanBackfillPatients") > total - 30, "treated backfill patients include pending ones");
    }
}
