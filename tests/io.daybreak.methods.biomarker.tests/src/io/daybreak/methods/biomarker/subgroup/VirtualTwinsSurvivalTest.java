package io.daybreak.methods.biomarker.subgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.subgroup.BiasCorrection;
import io.daybreak.stats.biomarker.subgroup.Condition;
import io.daybreak.stats.biomarker.subgroup.Effect;
import io.daybreak.stats.biomarker.subgroup.PseudoValues;
import io.daybreak.stats.biomarker.subgroup.RegressionTree;
import io.daybreak.stats.biomarker.subgroup.VirtualTwins;

/**
 * Virtual Twins with a survival outcome: RMST pseudo-observations and the subgroup RMST difference against R 4.2.2
 * survival ({@code docs/validation/r/biomarker/subgroup-survival.R}, on subgroup-survival-data.csv: 200 simulated
 * patients, times in quarter units with ties), and a seeded simulation with a known predictive effect on survival.
 */
class VirtualTwinsSurvivalTest extends MethodTestSupport {
    static final int N = 200;
    static final double[] X1 = new double[N];
    static final double[] X2 = new double[N];
    static final boolean[] TRT = new boolean[N];
    static final double[] TIME = new double[N];
    static final boolean[] EVENT = new boolean[N];

    static {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                VirtualTwinsSurvivalTest.class.getResourceAsStream("subgroup-survival-data.csv"),
                StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().collect(Collectors.toList());
            for (int i = 0; i < N; i++) {
                String[] f = lines.get(i + 1).split(",");
                X1[i] = Double.parseDouble(f[0]);
                X2[i] = Double.parseDouble(f[1]);
                TRT[i] = f[2].equals("1");
                TIME[i] = Double.parseDouble(f[3]);
                EVENT[i] = f[4].equals("1");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pseudoValuesAreTheJackknifeOfTheKaplanMeierArea() {
        // theta <- summary(survfit(Surv(time, event) ~ 1), rmean = 10)$table["rmean"];
        // pseudo <- n * theta - (n - 1) * <the same without patient i>
        double[] pseudo = PseudoValues.rmst(TIME, EVENT, 10);
        double[] first = {10.144035458134795, 10.144035458134795, 0.25000000000022737, 0.25000000000022737,
            10.144035458134795, 2};
        for (int i = 0; i < 6; i++) {
            assertEquals(first[i], pseudo[i], 1e-10, "pseudo " + i);
        }
        double sum = 0;
        double sumSq = 0;
        for (double v : pseudo) {
            sum += v;
            sumSq += v * v;
        }
        assertEquals(1272.899501563186, sum, 1e-9);
        assertEquals(10735.828584767463, sumSq, 1e-8);
        // their mean is the Kaplan-Meier RMST theta = 6.3644975078160408
        assertEquals(6.3644975078160408, sum / N, 1e-12);
    }

    @Test
    void subgroupEffectIsTheRmstDifference() {
        // survfit rmean (tau = 10) per arm: RMST1, RMST0, difference, sqrt(se1^2 + se0^2) in x1 >= 0.5 and overall
        int[] sub = IntStream.range(0, N).filter(i -> X1[i] >= 0.5).toArray();
        Effect e = Effect.rmstDifference(TIME, EVENT, TRT, sub, 10, 0.95);
        assertEquals(1.5112937215618638, e.estimate(), 1e-12);
        assertEquals(0.71329017881350731, e.stdError(), 1e-12);
        assertEquals(1.5112937215618638 - 1.959963984540054 * 0.71329017881350731, e.lower(), 1e-12);
        assertEquals(42, e.nTreatment());
        assertEquals(53, e.nControl());
        Effect all = Effect.rmstDifference(TIME, EVENT, TRT, IntStream.range(0, N).toArray(), 10, 0.95);
        assertEquals(0.85892437369760088, all.estimate(), 1e-12);
        assertEquals(0.51434856887137403, all.stdError(), 1e-12);
    }

    @Test
    void subgroupHazardRatioIsCoxph() {
        // coxph(Surv(time, event) ~ trt, data = d[sub, ]): coef, sqrt(vcov), Wald p in x1 >= 0.5 and overall
        int[] sub = IntStream.range(0, N).filter(i -> X1[i] >= 0.5).toArray();
        Effect e = Effect.coxLogHazardRatio(TIME, EVENT, TRT, sub, 0.95);
        assertEquals(-0.91618042805415101, e.estimate(), 1e-10);
        assertEquals(0.30390914530803553, e.stdError(), 1e-10);
        assertEquals(0.0025727393914256307, e.pValue(), 1e-10);
        Effect all = Effect.coxLogHazardRatio(TIME, EVENT, TRT, IntStream.range(0, N).toArray(), 0.95);
        assertEquals(-0.46546551810664483, all.estimate(), 1e-10);
        assertEquals(0.17939055190984962, all.stdError(), 1e-10);
        assertEquals(0.0094672204576685855, all.pValue(), 1e-10);
        // all events in one arm: the estimate diverges and is not reported
        boolean[] onlyTreatedEvents = new boolean[N];
        for (int i = 0; i < N; i++) {
            onlyTreatedEvents[i] = EVENT[i] && TRT[i];
        }
        assertTrue(Double.isNaN(Effect.coxLogHazardRatio(TIME, onlyTreatedEvents, TRT, sub, 0.95).estimate()));
    }

    @Test
    void methodReportsRmstDifferencesWithTheScaleAndTau() throws Exception {
        double[] trt = new double[N];
        double[] event = new double[N];
        for (int i = 0; i < N; i++) {
            trt[i] = TRT[i] ? 1 : 0;
            event[i] = EVENT[i] ? 1 : 0;
        }
        try (Table data = Table.builder(allocator).addFloat64("x1", X1).addFloat64("x2", X2).addFloat64("arm", trt)
                .addFloat64("pfs", TIME).addFloat64("progressed", event).build()) {
            Map<String, Object> raw = new HashMap<>(Map.of("markers", "x1,x2", "treatmentColumn", "arm",
                    "outcomeColumn", "pfs", "outcome", "survival", "eventColumn", "progressed", "tau", "10",
                    "trees", "50", "bootstraps", "10"));
            Map<String, Object> summary = run(new VirtualTwinsMethod(), Map.of(SubgroupData.INPUT, data), raw, 3L,
                    outputs -> {
                        Table t = outputs.get(SubgroupData.OUTPUT);
                        assertTrue(t.rowCount() >= 1);
                        assertEquals("RMST difference (tau = 10)", t.strings("effect_scale").get(0));
                        assertTrue(Double.isFinite(t.doubles("effect_naive").get(0)));
                    });
            assertEquals(10.0, summary.get("tau"));
            raw.put("survivalEffect", "hazard-ratio");
            run(new VirtualTwinsMethod(), Map.of(SubgroupData.INPUT, data), raw, 3L, outputs -> {
                Table t = outputs.get(SubgroupData.OUTPUT);
                assertEquals("hazard ratio (Cox, treatment vs control)", t.strings("effect_scale").get(0));
                double hr = t.doubles("effect_naive").get(0);
                assertTrue(hr > 0 && t.doubles("naive_lower").get(0) < hr && hr < t.doubles("naive_upper").get(0));
                assertTrue(t.doubles("effect_adjusted").get(0) > 0);
            });
            raw.remove("survivalEffect");
            // tau beyond the arms' follow-up, a missing event column, an event column for a continuous outcome
            raw.put("tau", "1000");
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(
                    new VirtualTwinsMethod(), Map.of(SubgroupData.INPUT, data), raw, 3L, null));
            assertTrue(e.getMessage().contains("parameter 'tau' = 1000"), e.getMessage());
            raw.remove("tau");
            raw.remove("eventColumn");
            e = assertThrows(InvalidParameterException.class, () -> run(new VirtualTwinsMethod(),
                    Map.of(SubgroupData.INPUT, data), raw, 3L, null));
            assertTrue(e.getMessage().contains("eventColumn"), e.getMessage());
            raw.put("eventColumn", "x1");
            e = assertThrows(InvalidParameterException.class, () -> run(new VirtualTwinsMethod(),
                    Map.of(SubgroupData.INPUT, data), raw, 3L, null));
            assertTrue(e.getMessage().contains("event indicator must be 1 (event) or 0"), e.getMessage());
        }
    }

    /**
     * 20 seeded trials: n = 300, four U(0, 1) markers, 1:1 treatment, exponential hazard 0.1 exp(0.3 x2) reduced by
     * exp(-1.2) on treatment when x1 &gt;= 0.5, uniform censoring on (4, 20), times rounded up to quarters; tau = 10.
     * Found: the top subgroup has a condition x1 &gt;= c with c in [0.4, 0.6]. The truth of the top subgroup is the
     * mean over its patients of their true RMST difference (1 - e^{-l1 tau}) / l1 - (1 - e^{-l0 tau}) / l0.
     */
    @Test
    void knownPredictiveEffectOnSurvivalIsFoundAndTheAdjustedEffectIsCloser() {
        int reps = 20;
        int n = 300;
        int p = 4;
        double tau = 10;
        VirtualTwins.Settings vt = new VirtualTwins.Settings(50, 3, 5, new RegressionTree.Control(20, 7, 0.01, 3),
                Double.NaN, true);
        int found = 0;
        List<Double> naiveErr = new ArrayList<>();
        List<Double> adjustedErr = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider rng = new TestMethodContext(allocator, 1000L + r).random(0);
            double[][] x = new double[p][n];
            boolean[] t = new boolean[n];
            boolean[] e = new boolean[n];
            double[] time = new double[n];
            double[] individual = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[j][i] = rng.nextDouble();
                }
                t[i] = rng.nextBoolean();
                double l0 = 0.1 * Math.exp(0.3 * x[1][i]);
                double l1 = l0 * (x[0][i] >= 0.5 ? Math.exp(-1.2) : 1);
                double ev = -Math.log(rng.nextDouble()) / (t[i] ? l1 : l0);
                double ce = 4 + 16 * rng.nextDouble();
                time[i] = Math.ceil(Math.min(ev, ce) * 4) / 4;
                e[i] = ev <= ce;
                individual[i] = (1 - Math.exp(-l1 * tau)) / l1 - (1 - Math.exp(-l0 * tau)) / l0;
            }
            double[] y = PseudoValues.rmst(time, e, tau);
            int[] all = IntStream.range(0, n).toArray();
            VirtualTwins.Result fit = VirtualTwins.fit(x, t, y, all, vt, rng);
            if (fit.subgroups().isEmpty()) {
                continue;
            }
            List<Condition> top = fit.subgroups().get(0).rule();
            BiasCorrection.Optimism optimism = BiasCorrection.optimism(x,
                    rows -> Effect.rmstDifference(time, e, t, rows, tau, Double.NaN).estimate(), (rows, rng2) -> {
                        List<List<Condition>> rules = new ArrayList<>();
                        VirtualTwins.fit(x, t, y, rows, vt, rng2).subgroups().forEach(l -> rules.add(l.rule()));
                        return rules;
                    }, 1, 10, rng);
            for (Condition c : top) {
                if (c.feature() == 0 && c.atLeast() && c.cut() >= 0.4 && c.cut() <= 0.6) {
                    found++;
                    break;
                }
            }
            int[] members = BiasCorrection.members(top, x, all);
            double truth = 0;
            for (int i : members) {
                truth += individual[i] / members.length;
            }
            double naive = Effect.rmstDifference(time, e, t, members, tau, Double.NaN).estimate();
            double adjusted = naive - optimism.optimism()[0];
            if (Double.isFinite(adjusted)) {
                naiveErr.add(naive - truth);
                adjustedErr.add(adjusted - truth);
            }
        }
        int m = naiveErr.size();
        double biasNaive = naiveErr.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double biasAdjusted = adjustedErr.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        // paired: how much closer to the truth the adjusted effect is, per trial
        double[] gain = new double[m];
        for (int k = 0; k < m; k++) {
            gain[k] = Math.abs(naiveErr.get(k)) - Math.abs(adjustedErr.get(k));
        }
        double mean = 0;
        for (double g : gain) {
            mean += g / m;
        }
        double ss = 0;
        for (double g : gain) {
            ss += (g - mean) * (g - mean);
        }
        double se = Math.sqrt(ss / (m - 1) / m);
        System.out.printf("survival Virtual Twins: found %d/%d; bias naive %.3f, adjusted %.3f (RMST units, %d trials);"
                + " |error| reduction %.3f (SE %.3f)%n", found, reps, biasNaive, biasAdjusted, m, mean, se);
        assertTrue(found >= 14, "found in " + found + " of " + reps);
        assertTrue(m >= 18, "trials with an adjusted effect: " + m);
        assertTrue(biasNaive > 0, "the naive effect of the selected subgroup is optimistic: " + biasNaive);
        assertTrue(Math.abs(biasAdjusted) < Math.abs(biasNaive), biasAdjusted + " vs " + biasNaive);
        assertTrue(mean > 2 * se, "adjusted closer to the truth: mean |error| reduction " + mean + ", SE " + se);
    }
}
