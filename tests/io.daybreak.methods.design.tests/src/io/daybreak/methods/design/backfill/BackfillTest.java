package io.daybreak.methods.design.backfill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.oc.BlrmPrior;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.SettingsDefaults;

/** Backfill cohorts: the engine's invariants, the closing rule on constructed data, and the methods' settings. */
class BackfillTest extends MethodTestSupport {
    private static final double TARGET = 0.25;
    private static final double[] TRUTH = {0.04, 0.12, 0.25, 0.43, 0.63};
    private static final double LAMBDA_D = Backfill.defaultLambdaD(TARGET);

    private static BackfillRules rules(int cap, int total, boolean pooled, int minResponses) {
        return new BackfillRules(cap, total, 3, false, 1, pooled, minResponses, LAMBDA_D);
    }

    /** SplitMix64 (Steele, Lea &amp; Flood 2014): the test's own seeded streams (the bundle imports no RNG sources). */
    static UniformRandomProvider stream(long seed) {
        // the start is the seed scrambled, so that streams of neighbouring seeds are not shifted copies of each other
        long[] state = {mix(mix(seed) ^ 0x632BE59BD9B4E019L)};
        return () -> mix(state[0] += 0x9E3779B97F4A7C15L);
    }

    private static long mix(long x) {
        long z = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static BackfillSimulation.Streams streams(long trial) {
        long s = 10 * trial;
        return new BackfillSimulation.Streams(stream(s), stream(s + 1), stream(s + 2), stream(s + 3), stream(s + 4),
                stream(s + 5));
    }

    private static List<Supplier<DoseFindingTrial>> designs() {
        int k = TRUTH.length;
        return List.of(() -> BoinMethod.newTrial(TARGET, k, 3, 10, 0),
                () -> CrmMethod.newTrial(new CrmSkeletonSource(new double[] {0.05, 0.12, 0.25, 0.4, 0.55}, null, null),
                        SettingsDefaults.of(CrmModelFamily.class), k, TARGET, 3, 10, 0),
                () -> BlrmMethod.newTrial(SettingsDefaults.of(BlrmPrior.class), k, 3, 10, 0));
    }

    /**
     * Without pooling, the escalation cohorts of every trial meet the same uniforms of stream r as without backfill
     * (DoseFindingSimulation.run), so they get the same doses, DLTs and selected dose, trial by trial, for each design.
     */
    @Test
    void withoutPoolingEscalationIsTrialByTrialTheTrialWithoutBackfill() {
        for (Supplier<DoseFindingTrial> design : designs()) {
            int trials = design.get().getClass().getSimpleName().startsWith("Blrm") ? 100 : 400;
            int backfilled = 0;
            for (long r = 0; r < trials; r++) {
                DoseFindingTrial alone = design.get();
                DoseFindingSimulation.run(alone, TRUTH, stream(10 * r));
                BackfillOutcome with = BackfillSimulation.run(design.get(), TRUTH, null, rules(12, 1000, false, 0),
                        OptimalDose.BOIN12_UTILITY, streams(r));
                assertArrayEquals(alone.patients(), with.escalationPatients(), "trial " + r);
                assertArrayEquals(alone.dlts(), with.escalationDlts(), "trial " + r);
                assertEquals(alone.selectedDose(), with.selectedDose(), "trial " + r);
                backfilled += with.totalBackfill();
            }
            assertTrue(backfilled > trials, "backfilling happened: " + backfilled + " patients in " + trials + " trials");
        }
    }

    /**
     * A second, backfill-only accrual stream: escalation is unchanged trial by trial (without pooling), more patients are
     * backfilled than with the main stream alone, never more than the caps allow, and a rate of 0 is the single stream.
     */
    @Test
    void aBackfillOnlyStreamAddsBackfillPatientsButNotEscalationOnes() {
        BackfillRules single = rules(12, 1000, false, 0);
        BackfillRules both = new BackfillRules(12, 1000, 3, false, 1, false, 0, LAMBDA_D, 4);
        BackfillRules none = new BackfillRules(12, 1000, 3, false, 1, false, 0, LAMBDA_D, 0);
        int withSingle = 0;
        int withBoth = 0;
        for (long r = 0; r < 400; r++) {
            long s = 10 * r;
            BackfillOutcome one = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 5, 3, 10, 0), TRUTH, null, single,
                    OptimalDose.BOIN12_UTILITY, streams(r));
            BackfillSimulation.Streams seven = new BackfillSimulation.Streams(stream(s), stream(s + 1), stream(s + 2),
                    stream(s + 3), stream(s + 4), stream(s + 5), stream(s + 6));
            BackfillOutcome two = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 5, 3, 10, 0), TRUTH, null, both,
                    OptimalDose.BOIN12_UTILITY, seven);
            BackfillOutcome zero = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 5, 3, 10, 0), TRUTH, null, none,
                    OptimalDose.BOIN12_UTILITY, streams(r));
            assertArrayEquals(one.escalationPatients(), two.escalationPatients(), "trial " + r);
            assertEquals(one.selectedDose(), two.selectedDose(), "trial " + r);
            assertArrayEquals(one.backfillPatients(), zero.backfillPatients(), "rate 0, trial " + r);
            assertEquals(one.endTime(), zero.endTime(), 0, "rate 0, trial " + r);
            for (int d = 0; d < 5; d++) {
                assertTrue(two.backfillPatients()[d] <= 12 - 3, "per-dose cap, trial " + r + ", dose " + (d + 1));
            }
            withSingle += one.totalBackfill();
            withBoth += two.totalBackfill();
        }
        assertTrue(withBoth > withSingle + 400, withBoth + " backfilled with both streams, " + withSingle + " with one");
    }

    /** The caps hold on every simulated trial, and bind: a dose below the current one has at least one cohort of 3. */
    @Test
    void capsHoldOnEveryTrial() {
        int cap = 8;
        int total = 5;
        boolean totalReached = false;
        boolean doseCapReached = false;
        for (long r = 0; r < 2000; r++) {
            BackfillOutcome o = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 5, 3, 10, 0), TRUTH, null,
                    rules(cap, total, true, 0), OptimalDose.BOIN12_UTILITY, streams(r));
            assertTrue(o.totalBackfill() <= total, "trial " + r + ": " + o.totalBackfill() + " backfilled");
            totalReached |= o.totalBackfill() == total;
            for (int d = 0; d < 5; d++) {
                assertTrue(o.backfillPatients()[d] <= cap - 3, "trial " + r + ", dose " + (d + 1));
                assertTrue(o.analysedBackfill()[d] <= o.backfillPatients()[d]);
            }
        }
        assertTrue(totalReached, "the total cap binds in some trial");
        for (long r = 0; r < 2000; r++) {
            BackfillOutcome o = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 5, 3, 10, 0), TRUTH, null,
                    rules(cap, 1000, true, 0), OptimalDose.BOIN12_UTILITY, streams(r));
            for (int d = 0; d < 5; d++) {
                assertTrue(o.backfillPatients()[d] <= cap - 3, "trial " + r + ", dose " + (d + 1));
                doseCapReached |= o.backfillPatients()[d] == cap - 3;
            }
        }
        assertTrue(doseCapReached, "the per-dose cap binds in some trial");
    }

    /**
     * The closing rule on constructed data (λd = 0.2984 for a target of 0.25, so a dose with n patients is unsafe at
     * ⌈0.2984 n⌉ DLTs): current dose 3 (index 2).
     */
    @Test
    void closingRuleOnConstructedData() {
        BackfillRules rules = rules(12, 1000, true, 0);
        int[] enrolled = {6, 3, 3, 0, 0};
        int[] responses = {0, 0, 0, 0, 0};
        // dose 1: 1 of 4 (unsafe from 2), dose 2: 0 of 3: both open; the highest is taken
        assertEquals(1, rules.openDose(2, new int[] {4, 3, 0, 0, 0}, new int[] {1, 0, 0, 0, 0}, enrolled, responses, 0));
        // dose 2: 2 of 3 is unsafe alone (⌈0.90⌉ = 1) and pooled with dose 3's 0 of 0 (2 of 3): closed, dose 1 open
        assertEquals(0, rules.openDose(2, new int[] {4, 3, 0, 0, 0}, new int[] {1, 2, 0, 0, 0}, enrolled, responses, 0));
        // dose 1: 2 of 5 unsafe (⌈1.49⌉ = 2) and pooled with dose 2's 0 of 3 (2 of 8 < ⌈2.39⌉ = 3) safe: open
        assertEquals(1, rules.openDose(2, new int[] {5, 3, 0, 0, 0}, new int[] {2, 0, 0, 0, 0}, enrolled, responses, 0));
        // dose 1: 3 of 5 unsafe, pooled 3 of 8 unsafe: closes dose 1 and every dose above it
        assertEquals(-1, rules.openDose(2, new int[] {5, 3, 0, 0, 0}, new int[] {3, 0, 0, 0, 0}, enrolled, responses, 0));
        // the per-dose cap (12 patients enrolled at dose 2) and the total cap
        assertEquals(0, rules.openDose(2, new int[] {4, 3, 0, 0, 0}, new int[] {1, 0, 0, 0, 0}, new int[] {6, 12, 3, 0, 0},
                responses, 0));
        assertEquals(-1, rules.openDose(2, new int[] {4, 3, 0, 0, 0}, new int[] {1, 0, 0, 0, 0}, enrolled, responses,
                1000));
        // a response needed: only dose 1 has one
        BackfillRules response = rules(12, 1000, true, 1);
        assertEquals(0, response.openDose(2, new int[] {4, 3, 0, 0, 0}, new int[] {1, 0, 0, 0, 0}, enrolled,
                new int[] {1, 0, 0, 0, 0}, 0));
        // nothing below the lowest dose
        assertEquals(-1, rules.openDose(0, new int[] {3, 0, 0, 0, 0}, new int[5], enrolled, responses, 0));
    }

    /** A stream that returns {@code u} for ever. */
    private static UniformRandomProvider constant(double u) {
        return new UniformRandomProvider() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    /**
     * The closing rule traced on a constructed trial: 4 arrivals a month at gaps of exactly 0.25 (uniform u = 0.5),
     * window 1, three doses at p = 0.3, BOIN with 3 cohorts of 3; escalation patients never have a DLT (u = 0.99),
     * backfill patients always do, 0.006 months after they arrive (u = 0.001). Cohort 1 (dose 1, t = 0-0.5) is known at
     * 1.5, so the arrivals at 0.75-1.5 are turned away (nothing below dose 1); at 1.75 it escalates; cohort 2 (dose 2,
     * 1.75-2.25, known 3.25). Backfill A at 2.5 and B at 2.75 (dose 1: 1 DLT in 4 is safe); at 3.0 dose 1 has 2 DLTs in
     * 5, unsafe, and pooled with the one known dose-2 patient 2 in 6, unsafe: turned away; at 3.25 the two known dose-2
     * patients make 2 in 7 safe (⌈2.09⌉ = 3): backfill C. At 3.5 the decision pools A and B (known by 3.25): dose 1 at
     * 2 of 5 de-escalates, dose 2 at 0 of 3 escalates, pooled 2 of 8 stays; cohort 3 at dose 2 (3.5-4.0, known 5.0).
     * Dose 1 at 3 of 6 is closed until the third dose-2 patient is known at 5.0 (3 of 11 &lt; ⌈3.28⌉): backfill D, still
     * pending when the trial ends at 5.0. Without pooling, the decision at 3.5 escalates to dose 3 and from 4.25 on
     * dose 1 (3 of 6, pooled with dose 2 3 of 9) closes itself and dose 2 above it.
     */
    @Test
    void closingRuleTracedOnAConstructedTrial() {
        double[] truth = {0.3, 0.3, 0.3};
        for (boolean pooled : new boolean[] {true, false}) {
            BackfillRules rules = new BackfillRules(12, 1000, 4, false, 1, pooled, 0, LAMBDA_D);
            BackfillOutcome o = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 3, 3, 3, 0), truth, null, rules,
                    OptimalDose.BOIN12_UTILITY, new BackfillSimulation.Streams(constant(0.99), constant(0.5),
                            constant(0.5), constant(0.001), constant(0.5), constant(0.5)));
            assertEquals(5.0, o.endTime(), 0.0);
            if (pooled) {
                assertArrayEquals(new int[] {3, 6, 0}, o.escalationPatients());
                assertArrayEquals(new int[] {4, 0, 0}, o.backfillPatients());
                assertArrayEquals(new int[] {4, 0, 0}, o.backfillDlts());
                assertArrayEquals(new int[] {3, 0, 0}, o.analysedBackfill());
                assertEquals(8, o.turnedAway()); // 0.75, 1.0, 1.25, 1.5, 3.0, 4.25, 4.5, 4.75
            } else {
                assertArrayEquals(new int[] {3, 3, 3}, o.escalationPatients());
                assertArrayEquals(new int[] {3, 0, 0}, o.backfillPatients());
                assertEquals(9, o.turnedAway()); // 0.75, 1.0, 1.25, 1.5, 3.0, 4.25, 4.5, 4.75, 5.0
            }
        }
    }

    /**
     * BF-BOIN's pooled decision traced on a constructed path: cohorts of 0/3 at doses 1 and 2 escalate to dose 3; then
     * backfill data at dose 2 of 3 DLTs in 6 make dose 2 a de-escalation dose, and the pooled data of doses 2 and 3
     * (3 of 9, at ⌈2.69⌉ = 3 a de-escalation, and 3 of 6 at dose 2 alone too) send the next cohort to dose 1, where
     * BOIN without backfill data would escalate to dose 4 after 0 of 3 at dose 3.
     */
    @Test
    void bfBoinDecisionDeEscalatesOnBackfillData() {
        DoseFindingTrial plain = BoinMethod.newTrial(TARGET, 5, 3, 10, 0);
        DoseFindingTrial pooled = BoinMethod.newTrial(TARGET, 5, 3, 10, 0);
        for (DoseFindingTrial trial : List.of(plain, pooled)) {
            trial.record(0);
            trial.record(0);
            assertEquals(2, trial.nextDose());
        }
        pooled.recordBackfill(1, 3, 3);
        plain.record(0);
        pooled.record(0);
        assertEquals(3, plain.nextDose());
        assertEquals(0, pooled.nextDose());
        assertArrayEquals(new int[] {3, 6, 3, 0, 0}, pooled.patients());
        // a backfill dose in the stay region (3 of 12 at dose 2: ⌊2.36⌋ < 3 < ⌈3.58⌉) and 0 of 3 at dose 3: the data
        // pooled from dose 2 on (3 of 15, ⌊2.95⌋ < 3 < ⌈4.48⌉) say stay, where BOIN alone would escalate
        DoseFindingTrial stay = BoinMethod.newTrial(TARGET, 5, 3, 10, 0);
        stay.record(0);
        stay.record(0);
        stay.recordBackfill(1, 9, 3);
        stay.record(0);
        assertEquals(2, stay.nextDose());
    }

    /** Pooling backfill data into the decisions protects: fewer selections and patients above the true MTD (dose 3). */
    @Test
    void poolingReducesOverdosing() {
        double[] efficacy = {1, 1, 1, 1, 1};
        int trials = 4000;
        long[] aboveSelected = new long[2];
        long[] abovePatients = new long[2];
        for (int pooled = 0; pooled < 2; pooled++) {
            for (long r = 0; r < trials; r++) {
                BackfillOutcome o = BackfillSimulation.run(BoinMethod.newTrial(TARGET, 5, 3, 10, 0), TRUTH, efficacy,
                        rules(13, 1000, pooled == 1, 1), OptimalDose.BOIN12_UTILITY, streams(r));
                aboveSelected[pooled] += o.selectedDose() > 2 ? 1 : 0;
                abovePatients[pooled] += o.escalationPatients()[3] + o.escalationPatients()[4];
            }
        }
        // 40,000 trials each gave 14.07 % and 10.79 % (SE about 0.17 each); 4000 trials keep the order by far
        assertTrue(aboveSelected[1] < aboveSelected[0] - 0.01 * trials,
                "selected above the MTD: pooled " + aboveSelected[1] + ", not pooled " + aboveSelected[0]);
        assertTrue(abovePatients[1] < abovePatients[0], "patients above: " + abovePatients[1] + " vs " + abovePatients[0]);
    }

    private Map<String, String> boin(String... more) {
        Map<String, String> raw = new HashMap<>(Map.of("truth", "0.04,0.12,0.25,0.43,0.63", "target", "0.25",
                "trials", "2000"));
        for (int i = 0; i < more.length; i += 2) {
            raw.put(more[i], more[i + 1]);
        }
        return raw;
    }

    /** Backfill off: the other backfill settings change nothing (the run is the one without the group). */
    @Test
    void backfillOffIgnoresTheOtherSettings() throws Exception {
        Map<String, Object> plain = summary(new BoinMethod(), boin(), 11);
        Map<String, Object> off = summary(new BoinMethod(), boin("backfill", "false", "backfillCap", "6",
                "backfillRate", "10", "backfillUseInDecisions", "false", "efficacy", "0.1,0.2,0.3,0.4,0.5"), 11);
        assertEquals(plain, off);
        assertTrue(!plain.containsKey("meanBackfillPatients"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void methodsReportBackfillSeparately() throws Exception {
        Map<String, Object> s = summary(new BoinMethod(), boin("backfill", "true", "efficacy", "0.1,0.2,0.3,0.45,0.58",
                "backfillMinResponses", "1"), 5);
        List<Double> backfill = (List<Double>) s.get("backfillPatientsPerDose");
        List<Double> escalation = (List<Double>) s.get("escalationPatientsPerDose");
        List<Double> all = (List<Double>) s.get("patientsPerDose");
        for (int d = 0; d < 5; d++) {
            assertEquals(all.get(d), escalation.get(d) + backfill.get(d), 1e-9);
        }
        assertEquals(0.0, backfill.get(4), 0.0, "never backfilled at the highest dose");
        assertTrue((Double) s.get("meanBackfillPatients") > 1);
        assertTrue((Double) s.get("meanDuration") > 15 && (Double) s.get("meanDuration") < 25);
        List<Double> obd = (List<Double>) s.get("obdSelectionPercent");
        double sum = (Double) s.get("noObdPercent");
        for (double v : obd) {
            sum += v;
        }
        assertEquals(100, sum, 1e-9);
        Map<String, Object> blrm = summary(new BlrmMethod(), Map.of("truth", "0.04,0.12,0.25,0.43,0.63", "target", "0.25",
                "trials", "200", "backfill", "true"), 5);
        assertTrue((Double) blrm.get("meanBackfillPatients") > 1);
        Map<String, Object> crm = summary(new io.daybreak.methods.design.crm.CrmMethod(), Map.of("truth",
                "0.04,0.12,0.25,0.43,0.63", "target", "0.25", "skeleton", "0.05,0.12,0.25,0.40,0.55", "trials", "500",
                "backfill", "true"), 5);
        assertTrue((Double) crm.get("meanBackfillPatients") > 1);
        List<Double> crmBackfill = (List<Double>) crm.get("backfillPatientsPerDose");
        assertEquals(0.0, crmBackfill.get(4), 0.0, "CRM: never backfilled at the highest dose");
    }

    /** design.crm with backfill whose outcomes are not used: its escalation is design.crm's without backfill. */
    @Test
    @SuppressWarnings("unchecked")
    void crmEscalationUnchangedWhenBackfillIsNotUsed() throws Exception {
        Map<String, String> base = Map.of("truth", "0.04,0.12,0.25,0.43,0.63", "target", "0.25", "skeleton",
                "0.05,0.12,0.25,0.40,0.55", "trials", "2000");
        Map<String, Object> plain = summary(new io.daybreak.methods.design.crm.CrmMethod(), base, 17);
        Map<String, String> withBackfill = new java.util.HashMap<>(base);
        withBackfill.put("backfill", "true");
        withBackfill.put("backfillUseInDecisions", "false");
        Map<String, Object> bf = summary(new io.daybreak.methods.design.crm.CrmMethod(), withBackfill, 17);
        List<Double> selected = (List<Double>) plain.get("selectionPercent");
        List<Double> selectedBf = (List<Double>) bf.get("selectionPercent");
        for (int d = 0; d < 5; d++) {
            assertEquals(selected.get(d), selectedBf.get(d), 1e-9, "selection at dose " + (d + 1));
        }
    }

    /** Trial r always uses the streams of r and sums are whole numbers: one thread and all give the same summary. */
    @Test
    void sameSummaryOnOneThreadAndAll() throws Exception {
        Map<String, String> raw = boin("backfill", "true", "efficacy", "0.1,0.2,0.3,0.45,0.58", "trials", "3000");
        Map<String, Object> all = summary(new BoinMethod(), raw, 31);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            assertEquals(all, single.submit(() -> summary(new BoinMethod(), raw, 31)).get());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void badInputNamesTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new BoinMethod(), boin("backfill", "true", "efficacy", "0.1,0.2"), 1));
        assertTrue(e.getMessage().contains("'efficacy'"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> summary(new BoinMethod(), boin("backfill", "true", "backfillMinResponses", "1"), 1));
        assertTrue(e.getMessage().contains("'backfillMinResponses'"), e.getMessage());
    }
}
