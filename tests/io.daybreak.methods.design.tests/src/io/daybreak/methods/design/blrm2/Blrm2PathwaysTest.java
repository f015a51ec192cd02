package io.daybreak.methods.design.blrm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.design.blrm.BivariateNormalMixture;

/**
 * The dose-transition pathways of design.blrm-combo-posterior: the tree's bookkeeping (each node's data, history and
 * random stream, recomputed here node by node from the posterior engine) and the decisions the docs state for the
 * default prior (0/3 at A1 B1 leads to A2 B2, one DLT stops).
 */
class Blrm2PathwaysTest extends MethodTestSupport {
    private static Map<String, String> raw(String patients, String dlts) {
        return new HashMap<>(Map.of("doseAmountsA", "3,4.5,6", "doseAmountsB", "400,600,800", "referenceDoseA", "6",
                "referenceDoseB", "960", "patients", patients, "dlts", dlts));
    }

    /** Without data the first cohort goes to A1 B1: 0/3 escalates both drugs (A2 B2, the diagonal), 1 DLT or more stops. */
    @Test
    void fromTheStartTheDefaultPriorEscalatesOnNoDltAndStopsOnOne() throws Exception {
        Map<String, String> raw = raw("0,0,0,0,0,0,0,0,0", "0,0,0,0,0,0,0,0,0");
        MethodResult result = apply(new Blrm2PosteriorMethod(), raw, Map.of(), new TestMethodContext(allocator, 3));
        result.outputs().get("posterior").close();
        try (Table t = result.outputs().get("pathways")) {
            assertEquals(4, t.rowCount(), "one cohort ahead: 0 to 3 DLTs");
            for (int r = 0; r < 4; r++) {
                assertEquals(1L, (long) t.longs("doseA").get(r));
                assertEquals(1L, (long) t.longs("doseB").get(r));
                assertEquals((long) r, (long) t.longs("dlts").get(r));
                assertEquals("", t.strings("history").get(r));
            }
            assertEquals(2L, (long) t.longs("nextDoseA").get(0));
            assertEquals(2L, (long) t.longs("nextDoseB").get(0));
            assertEquals("escalate drug A, escalate drug B", t.strings("decision").get(0));
            assertTrue(t.doubles("pOverNext").get(0) <= 0.25);
            for (int r = 1; r < 4; r++) {
                assertTrue(t.longs("nextDoseA").isNull(r), "row " + r);
                assertEquals("stop: no admissible combination", t.strings("decision").get(r));
            }
        }
    }

    /** Every node equals the posterior engine run alone on that node's data and stream. */
    @Test
    void eachNodeIsThePosteriorOfItsOwnDataOnItsOwnStream() throws Exception {
        Map<String, String> raw = raw("3,0,0,3,3,0,0,0,0", "0,0,0,0,1,0,0,0,0");
        raw.put("priorMeanLogAlphaA", Double.toString(Math.log(0.1 / 0.9)));
        raw.put("priorMeanLogAlphaB", Double.toString(Math.log(0.1 / 0.9)));
        raw.put("pathwayCohorts", "2");
        raw.put("pathwayDraws", "4000");
        raw.put("draws", "4000");
        MethodResult result = apply(new Blrm2PosteriorMethod(), raw, Map.of(), new TestMethodContext(allocator, 8));
        result.outputs().get("posterior").close();
        Blrm2Model model = new Blrm2Model(new double[] {3, 4.5, 6}, new double[] {400, 600, 800}, 6, 960,
                BivariateNormalMixture.of(Math.log(0.1 / 0.9), 2, 0, 1, 0),
                BivariateNormalMixture.of(Math.log(0.1 / 0.9), 2, 0, 1, 0), 0, Math.sqrt(2) / 2);
        double[] cuts = {0.16, 0.33};
        TestMethodContext streams = new TestMethodContext(allocator, 8);
        int[] n = {3, 0, 0, 3, 3, 0, 0, 0, 0};
        int[] y = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        int start = (int) ((Long) result.summary().get("recommendedDoseA") - 1) * 3
                + (int) ((Long) result.summary().get("recommendedDoseB") - 1);
        try (Table t = result.outputs().get("pathways")) {
            int rows = t.rowCount();
            assertTrue(rows > 4, "second cohorts follow: " + rows);
            int[] firstNext = new int[4];
            for (int k = 0; k < rows; k++) {
                int cohort = (int) (long) t.longs("cohort").get(k);
                int cell = (int) (t.longs("doseA").get(k) - 1) * 3 + (int) (t.longs("doseB").get(k) - 1);
                int dlts = (int) (long) t.longs("dlts").get(k);
                int[] n2 = n.clone();
                int[] y2 = y.clone();
                if (cohort == 1) {
                    assertEquals(start, cell, "the first cohort is at the recommendation");
                    assertEquals("", t.strings("history").get(k));
                } else {
                    // "A2B1:0/3": the first cohort of this pathway
                    String history = t.strings("history").get(k);
                    int d1 = Integer.parseInt(history.substring(5, 6));
                    n2[start] += 3;
                    y2[start] += d1;
                    assertEquals(firstNext[d1], cell, "the second cohort is where the first one's row said");
                }
                n2[cell] += 3;
                y2[cell] += dlts;
                Blrm2Posterior alone = Blrm2Posterior.sample(model, n2, y2, cuts, 4000, streams.random(1L + k));
                int expected = Recommendation.of(model, n2, alone, 0.25).best();
                int got = t.longs("nextDoseA").isNull(k) ? -1
                        : (int) (t.longs("nextDoseA").get(k) - 1) * 3 + (int) (t.longs("nextDoseB").get(k) - 1);
                assertEquals(expected, got, "node " + k);
                if (expected >= 0) {
                    assertEquals(alone.intervalProbabilities(expected)[2], t.doubles("pOverNext").get(k), 0.0);
                }
                if (cohort == 1) {
                    firstNext[dlts] = got;
                }
            }
        }
    }

    @Test
    void tooManyPathwaysAreRefusedNamingBothParameters() {
        Map<String, String> raw = raw("3,0,0,0,0,0,0,0,0", "0,0,0,0,0,0,0,0,0");
        raw.put("pathwayCohorts", "3");
        raw.put("pathwayCohortSize", "12");
        InvalidParameterException thrown = assertThrows(InvalidParameterException.class,
                () -> summary(new Blrm2PosteriorMethod(), raw, 1));
        assertTrue(thrown.getMessage().contains("pathwayCohorts") && thrown.getMessage().contains("pathwayCohortSize"),
                thrown.getMessage());
    }

    @Test
    void noPathwaysWhenAskedForNone() throws Exception {
        Map<String, String> raw = raw("3,0,0,0,0,0,0,0,0", "0,0,0,0,0,0,0,0,0");
        raw.put("pathwayCohorts", "0");
        MethodResult result = apply(new Blrm2PosteriorMethod(), raw, Map.of(), new TestMethodContext(allocator, 1));
        result.outputs().get("posterior").close();
        try (Table t = result.outputs().get("pathways")) {
            assertEquals(0, t.rowCount());
        }
    }
}
