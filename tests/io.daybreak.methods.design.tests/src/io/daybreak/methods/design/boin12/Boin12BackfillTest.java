package io.daybreak.methods.design.boin12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.backfill.Backfill;
import io.daybreak.methods.design.backfill.BackfillOutcome;
import io.daybreak.methods.design.backfill.BackfillRules;
import io.daybreak.methods.design.backfill.BackfillSimulation;

/** BOIN12 wrapped by the backfill engine: common random numbers with design.boin12, pooling and the method. */
class Boin12BackfillTest extends MethodTestSupport {
    private static final double[] TOXICITY = {0.05, 0.1, 0.2, 0.3, 0.45};
    private static final double[] EFFICACY = {0.1, 0.3, 0.5, 0.5, 0.5};

    /** SplitMix64, the test's own seeded streams. */
    private static UniformRandomProvider stream(long seed) {
        // the start is the seed scrambled, so that streams of neighbouring seeds are not shifted copies of each other
        long[] state = {mix(mix(seed) ^ 0x632BE59BD9B4E019L)};
        return () -> mix(state[0] += 0x9E3779B97F4A7C15L);
    }

    private static long mix(long x) {
        long z = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Boin12Rules rules(int max) {
        return Boin12Rules.of(5, 3, 10, 0, 0.35, 0.25, 60, 40, 0.95, 0.9, 6, 9, Integer.MAX_VALUE, max);
    }

    /**
     * Without pooling, every BOIN12 trial's escalation gets the doses, outcomes and OBD of design.boin12's own trial on
     * the same toxicity, efficacy and tie streams; with pooling, backfill patients enter BOIN12's counts.
     */
    @Test
    void withoutPoolingEscalationIsBoin12sOwnTrial() {
        int backfilled = 0;
        int differ = 0;
        for (long r = 0; r < 300; r++) {
            long s = 10 * r;
            Boin12Trial alone = Boin12Method.run(rules(30), TOXICITY, EFFICACY, stream(s), stream(s + 1), stream(s + 5));
            BackfillSimulation.Streams streams = new BackfillSimulation.Streams(stream(s), stream(s + 1), stream(s + 2),
                    stream(s + 3), stream(s + 4), stream(s + 5));
            BackfillOutcome with = BackfillSimulation.run(new Boin12Backfill(rules(42)), TOXICITY, EFFICACY,
                    new BackfillRules(12, 1000, 3, false, 1, false, 0, Backfill.defaultLambdaD(0.35)), null, streams);
            assertArrayEquals(alone.patients, with.escalationPatients(), "trial " + r);
            assertArrayEquals(alone.toxicities, with.escalationDlts(), "trial " + r);
            assertEquals(alone.selectedDose(), with.selectedDose(), "trial " + r);
            backfilled += with.totalBackfill();
            BackfillOutcome pooled = BackfillSimulation.run(Boin12Method.newBackfillTrial(0.35, 0.25, 60, 40, 5, 3, 10, 0, 12),
                    TOXICITY, EFFICACY,
                    new BackfillRules(12, 1000, 3, false, 1, true, 0, Backfill.defaultLambdaD(0.35)), null,
                    new BackfillSimulation.Streams(stream(s), stream(s + 1), stream(s + 2), stream(s + 3), stream(s + 4),
                            stream(s + 5)));
            differ += pooled.selectedDose() != with.selectedDose() ? 1 : 0;
        }
        assertTrue(backfilled > 300, "backfilled " + backfilled);
        assertTrue(differ > 0, "pooling changes some trials");
    }

    @Test
    @SuppressWarnings("unchecked")
    void methodReportsBackfill() throws Exception {
        Map<String, Object> s = summary(new Boin12Method(), Map.of("truth", "0.05,0.1,0.2,0.3,0.45", "efficacy",
                "0.1,0.3,0.5,0.5,0.5", "trials", "1000", "backfill", "true"), 3);
        List<Double> backfill = (List<Double>) s.get("backfillPatientsPerDose");
        assertTrue(backfill.get(0) + backfill.get(1) > 1, "backfilled: " + backfill);
        assertTrue(!s.containsKey("obdSelectionPercent"), "BOIN12 selects the OBD itself: selectionPercent");
        assertTrue((Double) s.get("meanDuration") > 10);
    }
}
