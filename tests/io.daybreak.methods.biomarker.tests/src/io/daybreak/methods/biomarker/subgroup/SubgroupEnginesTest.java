package io.daybreak.methods.biomarker.subgroup;

import static io.daybreak.core.testing.MethodTestSupport.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.stats.biomarker.subgroup.BiasCorrection;
import io.daybreak.stats.biomarker.subgroup.Condition;
import io.daybreak.stats.biomarker.subgroup.Effect;
import io.daybreak.stats.biomarker.subgroup.RegressionTree;

/**
 * The CART tree of Virtual Twins' second stage against R 4.2.2 rpart 4.1.19 and the subgroup effects against
 * {@code t.test} and the Wald risk difference ({@code docs/validation/r/biomarker/subgroup.R}), on deterministic data:
 * {@code i <- 1:120; x1 <- ((37 * i) %% 101) / 10; x2 <- ((53 * i) %% 97) / 10; x3 <- ((i * i) %% 89) / 10;
 * z <- 2 * (x1 > 5) + 1 * (x2 < 3) + ((13 * i) %% 17) / 17}.
 */
class SubgroupEnginesTest {
    static final int N = 120;
    static final double[][] X = new double[3][N];
    static final double[] Z = new double[N];
    static final boolean[] TREATED = new boolean[N];
    static final double[] YB = new double[N];

    static {
        for (int i = 1; i <= N; i++) {
            X[0][i - 1] = ((37 * i) % 101) / 10.0;
            X[1][i - 1] = ((53 * i) % 97) / 10.0;
            X[2][i - 1] = ((i * i) % 89) / 10.0;
            Z[i - 1] = 2 * (X[0][i - 1] > 5 ? 1 : 0) + (X[1][i - 1] < 3 ? 1 : 0) + ((13 * i) % 17) / 17.0;
            TREATED[i - 1] = i % 3 == 0;
            YB[i - 1] = (7 * i) % 10 < (TREATED[i - 1] ? 6 : 4) ? 1 : 0;
        }
    }

    private static int[] all() {
        int[] rows = new int[N];
        for (int i = 0; i < N; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static List<RegressionTree.Leaf> leaves(double cp, int maxDepth) {
        List<RegressionTree.Leaf> leaves = new ArrayList<>(RegressionTree.fit(X, Z, all(),
                new RegressionTree.Control(20, 7, cp, maxDepth)).leaves());
        leaves.sort(Comparator.comparingDouble(RegressionTree.Leaf::mean));
        return leaves;
    }

    private static void assertLeaf(RegressionTree.Leaf leaf, int n, double mean, Condition... rule) {
        assertEquals(n, leaf.n(), "leaf size");
        assertRelative(mean, leaf.mean(), 1e-14, "leaf mean");
        assertEquals(rule.length, leaf.rule().size(), "rule length " + leaf.rule());
        for (int k = 0; k < rule.length; k++) {
            assertEquals(rule[k].feature(), leaf.rule().get(k).feature(), "feature " + leaf.rule());
            assertEquals(rule[k].atLeast(), leaf.rule().get(k).atLeast(), "direction " + leaf.rule());
            assertEquals(rule[k].cut(), leaf.rule().get(k).cut(), 1e-14, "cut " + leaf.rule());
        }
    }

    @Test
    void treeAsRpartAnova() {
        // rpart(z ~ x1 + x2 + x3, method = "anova", control = rpart.control(minsplit = 20, minbucket = 7, cp = 0.01,
        // maxdepth = 3, xval = 0)): x1 < 5.05 then x2 < 2.95 (left) and x2 < 3.2 (right); leaves by yval:
        // n 44 yval 0.47058823529411759, 17 1.41522491349480939, 38 2.49690402476780182, 21 3.48179271708683435
        // (depth stops at 2: no split of these leaves improves by cp; maxdepth 3 does not bind)
        List<RegressionTree.Leaf> l = leaves(0.01, 3);
        assertEquals(4, l.size());
        Condition x1Below = new Condition(0, 5.05, false);
        Condition x1Above = new Condition(0, 5.05, true);
        assertLeaf(l.get(0), 44, 0.47058823529411759, x1Below, new Condition(1, 2.95, true));
        assertLeaf(l.get(1), 17, 1.41522491349480939, x1Below, new Condition(1, 2.95, false));
        assertLeaf(l.get(2), 38, 2.49690402476780182, x1Above, new Condition(1, 3.2, true));
        assertLeaf(l.get(3), 21, 3.48179271708683435, x1Above, new Condition(1, 3.2, false));
        // cp = 0.07 prunes the left split (improvement 0.696 x 15.72 < 0.07 x 167.93) and keeps the right one:
        // leaves n 61 yval 0.7338476374156222, 38 2.4969040247678018, 21 3.4817927170868344
        l = leaves(0.07, 3);
        assertEquals(3, l.size());
        assertLeaf(l.get(0), 61, 0.7338476374156222, x1Below);
        assertLeaf(l.get(1), 38, 2.4969040247678018, x1Above, new Condition(1, 3.2, true));
        // maxdepth = 1: the root split only, leaves 61 0.7338476374156222 and 59 2.8474576271186436
        l = leaves(0.01, 1);
        assertEquals(2, l.size());
        assertLeaf(l.get(1), 59, 2.8474576271186436, x1Above);
        assertRelative(167.9328431372549062, RegressionTree.fit(X, Z, all(), new RegressionTree.Control(20, 7, 0.01, 3))
                .root().deviance(), 1e-13, "root deviance");
    }

    @Test
    void effectsAsTTestAndWald() {
        int[] s = BiasCorrection.members(List.of(new Condition(0, 5.05, true)), X, all());
        assertEquals(59, s.length);
        // t.test(z[s & trt], z[s & !trt], var.equal = FALSE, conf.level = 0.9): diff 0.10173453996983417,
        // stderr 0.15866371513171812, CI -0.16612672997913994 0.36959580991880825, p 0.5254508048911396
        Effect w = Effect.of(Z, TREATED, s, false, 0.9);
        assertRelative(0.10173453996983417, w.estimate(), 1e-13, "Welch difference");
        assertRelative(0.15866371513171812, w.stdError(), 1e-13, "Welch SE");
        assertRelative(-0.16612672997913994, w.lower(), 1e-10, "Welch lower");
        assertRelative(0.36959580991880825, w.upper(), 1e-10, "Welch upper");
        assertRelative(0.5254508048911396, w.pValue(), 1e-10, "Welch p");
        // risk difference p1 - p0 -0.38974358974358975, Wald SE 0.11917946907381433, 95% CI -0.62333105682487100
        // -0.15615612266230852, p 0.0010746225729887434, n1 20, n0 39
        Effect b = Effect.of(YB, TREATED, s, true, 0.95);
        assertRelative(-0.38974358974358975, b.estimate(), 1e-14, "risk difference");
        assertRelative(0.11917946907381433, b.stdError(), 1e-14, "Wald SE");
        assertRelative(-0.62333105682487100, b.lower(), 1e-13, "Wald lower");
        assertRelative(-0.15615612266230852, b.upper(), 1e-13, "Wald upper");
        assertRelative(0.0010746225729887434, b.pValue(), 1e-11, "Wald p");
        assertEquals(20, b.nTreatment());
        assertEquals(39, b.nControl());
        assertTrue(Double.isNaN(Effect.of(Z, TREATED, new int[] {0, 1, 2}, false, 0.95).estimate()),
                "one treated patient: no effect");
    }
}
