package io.daybreak.methods.design.phase2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.map.BetaMixture;

/**
 * design.pp-monitor and design.bop2 with a mixture-of-betas prior ({@code priorMixture}), against the exact R
 * computation in docs/validation/r/map/map-exact.R (posterior weights w_k B(a_k + x, b_k + n - x) / B(a_k, b_k),
 * predictive a mixture of beta-binomials), and a one-component mixture against the Beta(a, b) code path.
 */
class MixturePriorTest extends MethodTestSupport {
    static final String MIXTURE = "0.7,6,14;0.3,1,1";

    static Map<String, String> pp(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("nmax", "40", "patients", "15", "responses", "5", "p0", "0.2",
                "thetaT", "0.9", "firstLook", "10"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void predictiveProbabilityWithAMixturePriorMatchesTheExactSum() throws Exception {
        Map<String, Object> s = run(new PpMonitorMethod(), Map.of(), pp("priorMixture", MIXTURE), 1, out -> {
            io.daybreak.data.Table b = out.get("futilityBoundary");
            // patients 10, 11, ...: n = 20 is row 10; R: largest r with PP(r, 20) < 0.05 is 2
            assertEquals(20, b.longs("patients").get(10));
            assertEquals(2, b.longs("stopIfAtMost").get(10));
            io.daybreak.data.Table t = out.get("predictive");
            double sum = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                sum += t.doubles("probability").get(i);
            }
            assertEquals(1, sum, 1e-12);
        });
        // pp(5, 15, 40, 0.2, 0.9) in map-exact.R
        assertEquals(0.77959625092639173, (Double) s.get("predictiveProbability"), 1e-12);
        assertEquals(0.93508134235378104, (Double) s.get("posteriorProbability"), 1e-12);
        assertEquals(11L, s.get("minFinalResponses"));
        assertEquals(6L, s.get("minFutureResponses"));
    }

    @Test
    void aOneComponentMixtureIsTheBetaPrior() throws Exception {
        Map<String, Object> beta = summary(new PpMonitorMethod(), pp("priorA", "0.6", "priorB", "0.4"), 1);
        Map<String, Object> mix = summary(new PpMonitorMethod(), pp("priorMixture", "1,0.6,0.4"), 1);
        assertEquals((Double) beta.get("predictiveProbability"), (Double) mix.get("predictiveProbability"), 1e-13);
        assertEquals((Double) beta.get("posteriorProbability"), (Double) mix.get("posteriorProbability"), 1e-14);
        assertEquals(beta.get("decision"), mix.get("decision"));
        Map<String, String> bop = Map.of("p0", "0.2", "p1", "0.4", "maxPatients", "30", "interimEvery", "10");
        Map<String, Object> b1 = summary(new Bop2Method(), bop, 1);
        Map<String, String> withMixture = new HashMap<>(bop);
        withMixture.put("priorMixture", "1,0.2,0.8");
        Map<String, Object> b2 = summary(new Bop2Method(), withMixture, 1);
        for (String key : List.of("lambda", "gamma", "stopIfAtMost", "goIfAtLeast", "typeIError", "power")) {
            if (b1.get(key) instanceof Double d) {
                assertEquals(d, (Double) b2.get(key), 1e-13, key);
            } else {
                assertEquals(b1.get(key), b2.get(key), key);
            }
        }
    }

    @Test
    void bop2BoundariesAndOperatingCharacteristicsWithAMixturePrior() {
        // map-exact.R: N = 24, looks 8, 16, 24, (lambda, gamma) = (0.8, 1), p0 = 0.2, p1 = 0.4: no stop at 8, stop if
        // <= 1 at 16, go if >= 6; P(go | p0) = 0.34290125153339407, P(early stop | p0) = 0.14073748835532807,
        // P(go | p1) = 0.9594924051031584744, P(early stop | p1) = 0.0032912948920319979
        Bop2 bop2 = new Bop2(0.2, 24, 8, BetaMixture.parse("priorMixture", MIXTURE));
        Bop2.Design d = bop2.evaluate(0.8, 1, 0.4);
        assertEquals(-1, d.stopIfAtMost()[0]);
        assertEquals(1, d.stopIfAtMost()[1]);
        assertEquals(6, d.goIfAtLeast());
        assertEquals(0.34290125153339407, d.typeIError(), 1e-13);
        assertEquals(0.14073748835532807, d.pet0(), 1e-13);
        assertEquals(0.9594924051031584744, d.power(), 1e-13);
        assertEquals(0.0032912948920319979, d.pet1(), 1e-13);
    }

    @Test
    void aMixtureWithPriorAOrAnUnparsableMixtureIsRefused() {
        Map<String, String> bop = new HashMap<>(Map.of("p0", "0.2", "p1", "0.4", "maxPatients", "30", "interimEvery",
                "10", "priorMixture", MIXTURE, "priorA", "1"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new Bop2Method(), bop, 1));
        assertTrue(e.getMessage().contains("priorMixture"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> summary(new PpMonitorMethod(), pp("priorMixture", "0.7,6,14;0.3,1"), 1));
        assertTrue(e.getMessage().contains("component 2"), e.getMessage());
    }
}
