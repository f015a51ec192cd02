package io.daybreak.methods.biomarker.roc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.roc.MaxStat;
import io.daybreak.stats.biomarker.roc.MaxStat.PMethod;

/**
 * biomarker.cutpoint against R 4.2.2 maxstat 0.7-25 / exactRankTests 0.8-36 ({@code docs/validation/r/biomarker/
 * cutpoint.R}) on deterministic data: {@code i <- 1:80; x <- round(((29 * i) %% 83) / 8 * 2) / 2;
 * y <- ((17 * i) %% 41) / 4 + 3 * (x > 6); u <- (((31 * i) %% 79) + 0.5) / 79;
 * time <- round(-log(u) * ifelse(x > 6, 4, 10), 2); event <- as.integer((i %% 5) != 0)} (x and time as R printed them).
 */
class CutpointTest extends MethodTestSupport {
    static final double[] X = {3.5, 7, 0.5, 4, 8, 1, 4.5, 8, 1.5, 5, 9, 2, 5.5, 9, 2.5, 6, 10, 3, 6.5, 10, 3.5, 7, 0.5, 4,
        7.5, 1, 4.5, 8, 1.5, 5, 8.5, 2, 5.5, 9, 2.5, 6, 9.5, 3, 6.5, 10, 3.5, 7, 0, 4, 7.5, 1, 4.5, 8, 1, 5, 8.5, 2, 5.5, 9,
        2, 6, 9.5, 3, 6.5, 10, 3, 7, 0, 4, 7.5, 0.5, 4, 8, 1, 5, 8.5, 1.5, 5, 9, 2, 6, 9.5, 2.5, 6, 10};
    static final double[] TIME = {9.19, 0.94, 16.95, 5.52, 0.13, 10.2, 2.83, 7.71, 6.2, 0.72, 4.52, 3.35, 22.29, 2.77,
        1.14, 12.56, 1.56, 26.65, 3.09, 0.63, 13.99, 1.79, 34.53, 8.58, 0.81, 15.66, 5.09, 0.03, 9.52, 2.5, 7.07, 5.74,
        0.45, 4.22, 3, 20.18, 2.58, 0.86, 4.68, 1.41, 23.55, 2.88, 1.28, 13.01, 1.63, 28.65, 8, 0.69, 14.52, 4.67, 15.86,
        8.88, 2.18, 6.51, 5.3, 0.19, 3.94, 2.67, 7.37, 2.39, 0.59, 4.37, 3.18, 21.18, 2.67, 1, 12.12, 1.48, 24.98, 7.45,
        0.57, 13.49, 4.28, 12.47, 8.28, 1.87, 6.03, 4.88, 50.63, 3.68};
    static final double[] Y = new double[80];
    static final boolean[] EVENT = new boolean[80];

    static {
        for (int i = 1; i <= 80; i++) {
            Y[i - 1] = ((17 * i) % 41) / 4.0 + 3 * (X[i - 1] > 6 ? 1 : 0);
            EVENT[i - 1] = i % 5 != 0;
        }
    }

    @Test
    void wilcoxonAsMaxstatTest() {
        double[] w = MaxStat.wilcoxonScores(Y);
        // maxstat.test(y ~ x, smethod = "Wilcoxon", pmethod = "Lau92"): M 3.932990186391816, cut 5, p 0.0029997629959347795
        MaxStat r = MaxStat.test(w, X, PMethod.LAU92, 0.1, 0.9);
        assertRelative(3.932990186391816, r.statistic(), 1e-14, "M");
        assertEquals(5, r.estimate());
        assertRelative(0.0029997629959347795, r.pValue(), 1e-13, "Lau92 p");
        // pmethod = "Lau94": p 0.0010084783898068645
        assertRelative(0.0010084783898068645, MaxStat.test(w, X, PMethod.LAU94, 0.1, 0.9).pValue(), 1e-13, "Lau94 p");
        // pmethod = "HL": p 0.00062019001647307178 (same M: doubled mid-ranks)
        MaxStat hl = MaxStat.test(MaxStat.integerScores(w), X, PMethod.HL, 0.1, 0.9);
        assertRelative(3.932990186391816, hl.statistic(), 1e-14, "HL M");
        assertRelative(0.00062019001647307178, hl.pValue(), 1e-12, "HL p");
        // minprop = 0.25, maxprop = 0.75, Lau94: p 0.00062741469612478463; 11 cuts; stats[c(1, 5)] 2.1875066212459791,
        // 2.9842322095425589 at cuts 2.5, 4.5
        MaxStat narrow = MaxStat.test(w, X, PMethod.LAU94, 0.25, 0.75);
        assertRelative(0.00062741469612478463, narrow.pValue(), 1e-13, "Lau94 narrow p");
        assertEquals(11, narrow.cuts().length);
        assertRelative(2.1875066212459791, narrow.statistics()[0], 1e-14, "stats[1]");
        assertRelative(2.9842322095425589, narrow.statistics()[4], 1e-14, "stats[5]");
        assertEquals(2.5, narrow.cuts()[0]);
        assertEquals(4.5, narrow.cuts()[4]);
    }

    @Test
    void logRankAsMaxstatTest() {
        double[] s = MaxStat.logRankScores(TIME, EVENT);
        // exactRankTests::cscores(Surv(time, event))[1:3]
        assertRelative(0.0036618349551104101, s[0], 1e-12, "score 1");
        assertRelative(0.89272414807640976, s[1], 1e-14, "score 2");
        assertRelative(-0.81272861583936518, s[2], 1e-14, "score 3");
        // maxstat.test(Surv(time, event) ~ x, smethod = "LogRank", pmethod = "Lau92"): M 2.8646596699694893, cut 6,
        // p 0.08206180234258946; "Lau94": p 0.041890443022046746
        MaxStat r = MaxStat.test(s, X, PMethod.LAU92, 0.1, 0.9);
        assertRelative(2.8646596699694893, r.statistic(), 1e-13, "M");
        assertEquals(6, r.estimate());
        assertRelative(0.08206180234258946, r.pValue(), 1e-12, "Lau92 p");
        assertRelative(0.041890443022046746, MaxStat.test(s, X, PMethod.LAU94, 0.1, 0.9).pValue(), 1e-12, "Lau94 p");
        // "HL" (integer scores round(scores * N / max)): M 2.8662412345335553, p 0.052821372500613598
        MaxStat hl = MaxStat.test(MaxStat.integerScores(s), X, PMethod.HL, 0.1, 0.9);
        assertRelative(2.8662412345335553, hl.statistic(), 1e-13, "HL M");
        assertRelative(0.052821372500613598, hl.pValue(), 1e-11, "HL p");
    }

    @Test
    void methodOnSurvivalAndContinuousOutcomes() throws Exception {
        double[] event = new double[80];
        for (int i = 0; i < 80; i++) {
            event[i] = EVENT[i] ? 1 : 0;
        }
        try (Table data = Table.builder(allocator).addFloat64("marker", X).addFloat64("os", TIME)
                .addFloat64("dead", event).addFloat64("y", Y).build()) {
            Map<String, Object> summary = run(new CutpointMethod(), Map.of(CutpointMethod.INPUT, data),
                    Map.of("markerColumn", "marker", "timeColumn", "os", "eventColumn", "dead", "pMethod", "hl"), 1,
                    outputs -> {
                        Table t = outputs.get(CutpointMethod.OUTPUT);
                        assertTrue(t.rowCount() > 5);
                        assertEquals(t.doubles("cut").get(0) < t.doubles("cut").get(1), true);
                    });
            assertEquals(6.0, summary.get("cutpoint"));
            assertRelative(0.052821372500613598, (Double) summary.get("pValue"), 1e-11, "HL p");
            summary = run(new CutpointMethod(), Map.of(CutpointMethod.INPUT, data), Map.of("markerColumn", "marker",
                    "outcomeColumn", "y", "minprop", "0.25", "maxprop", "0.75"), 1, outputs -> {
                        Table t = outputs.get(CutpointMethod.OUTPUT);
                        assertEquals(11, t.rowCount());
                        assertEquals(2.9842322095425589, t.doubles("statistic").get(4), 1e-14);
                    });
            assertRelative(0.00062741469612478463, (Double) summary.get("pValue"), 1e-13, "Lau94 p");
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new CutpointMethod(),
                    Map.of(CutpointMethod.INPUT, data), Map.of("markerColumn", "marker", "outcomeColumn", "y",
                            "timeColumn", "os", "eventColumn", "dead"), 1, null));
            assertTrue(e.getMessage().contains("not both"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new CutpointMethod(),
                    Map.of(CutpointMethod.INPUT, data), Map.of("markerColumn", "marker", "timeColumn", "os",
                            "eventColumn", "y"), 1, null));
            assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("event indicator"), e.getMessage());
        }
    }
}
