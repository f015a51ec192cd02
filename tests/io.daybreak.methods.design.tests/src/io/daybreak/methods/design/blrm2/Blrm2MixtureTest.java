package io.daybreak.methods.design.blrm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.design.blrmmap.BlrmMapPriorMethod;

/**
 * Mixture priors per drug in the two-drug BLRM (priorMixtureA, priorMixtureB), e.g. each drug's MAP prior from its own
 * single-agent trials. Reference: Stan (rstan 2.21.7, NUTS, 4 chains x 25,000 draws after 1,000 warm-up, seed
 * 20261203) on the model in docs/validation/r/combination/blrm2/blrm2-mixture.stan, the mixture prior written with
 * log_sum_exp: run by blrm2-mixture.R there, output blrm2-mixture.out beside it. Grid as Blrm2Test (drug A 3, 4.5, 6,
 * d1* = 6; drug B 400, 600, 800, d2* = 960); eta ~ N(0, 0.5). Compared within 4 combined Monte Carlo SEs.
 */
class Blrm2MixtureTest extends MethodTestSupport {
    /** Drug A: a robust MAP-like prior, an informative component (logit p ~ -2 at d1*) and the weak one at 0.2. */
    private static final String MIXTURE_A = "0.8,-2.0,0.45,0.1,0.35,-0.3;0.2,-1.3862943611198906,2,0,1,0";
    /** Drug B: three components, the last the weak default. */
    private static final String MIXTURE_B = "0.5,-1.6,0.5,0.2,0.4,0.2;0.3,-2.4,0.6,-0.1,0.5,0;"
            + "0.2,-1.3862943611198906,2,0,1,0";

    // Stan, per combination row by row: mean of p, its MC SE, then P(p < 0.16), P(0.16 <= p < 0.33), P(p >= 0.33),
    // each followed by its MC SE (as Blrm2Test).
    private static final double[][] PRIOR = {
            {0.16704, 0.00066, 0.69557, 0.00202, 0.20932, 0.00135, 0.09511, 0.00175}, // A1 B1
            {0.19820, 0.00070, 0.54703, 0.00184, 0.33416, 0.00163, 0.11881, 0.00190}, // A1 B2
            {0.23031, 0.00074, 0.41299, 0.00169, 0.42324, 0.00193, 0.16377, 0.00199}, // A1 B3
            {0.20015, 0.00071, 0.54363, 0.00186, 0.33775, 0.00167, 0.11862, 0.00196}, // A2 B1
            {0.23130, 0.00075, 0.41036, 0.00169, 0.42796, 0.00194, 0.16168, 0.00203}, // A2 B2
            {0.26364, 0.00081, 0.32020, 0.00161, 0.44558, 0.00203, 0.23422, 0.00205}, // A2 B3
            {0.23370, 0.00077, 0.39501, 0.00168, 0.44749, 0.00199, 0.15750, 0.00210}, // A3 B1
            {0.26511, 0.00082, 0.30911, 0.00159, 0.45899, 0.00209, 0.23190, 0.00211}, // A3 B2
            {0.29774, 0.00089, 0.25996, 0.00153, 0.41731, 0.00202, 0.32273, 0.00206}, // A3 B3
    };

    private static final double[][] IN_LINE = {
            {0.10160, 0.00014, 0.91030, 0.00098, 0.08915, 0.00097, 0.00055, 0.00008}, // A1 B1
            {0.12771, 0.00016, 0.76311, 0.00135, 0.23446, 0.00134, 0.00243, 0.00017}, // A1 B2
            {0.15751, 0.00023, 0.57250, 0.00153, 0.40844, 0.00154, 0.01906, 0.00052}, // A1 B3
            {0.13060, 0.00016, 0.75833, 0.00137, 0.23948, 0.00136, 0.00219, 0.00016}, // A2 B1
            {0.15690, 0.00018, 0.57108, 0.00148, 0.41849, 0.00150, 0.01043, 0.00034}, // A2 B2
            {0.18729, 0.00026, 0.41823, 0.00156, 0.52551, 0.00169, 0.05626, 0.00082}, // A2 B3
            {0.16375, 0.00023, 0.53184, 0.00156, 0.45073, 0.00155, 0.01743, 0.00057}, // A3 B1
            {0.19067, 0.00026, 0.39326, 0.00156, 0.55170, 0.00168, 0.05504, 0.00086}, // A3 B2
            {0.22198, 0.00034, 0.31192, 0.00153, 0.54100, 0.00182, 0.14708, 0.00125}, // A3 B3
    };

    private static final double[][] CONFLICT = {
            {0.48169, 0.00054, 0.01376, 0.00041, 0.16968, 0.00156, 0.81656, 0.00165}, // A1 B1
            {0.53008, 0.00057, 0.00432, 0.00022, 0.11420, 0.00126, 0.88148, 0.00130}, // A1 B2
            {0.56737, 0.00066, 0.00204, 0.00015, 0.07822, 0.00100, 0.91974, 0.00102}, // A1 B3
            {0.53551, 0.00069, 0.00400, 0.00022, 0.11536, 0.00135, 0.88064, 0.00138}, // A2 B1
            {0.58220, 0.00056, 0.00136, 0.00012, 0.06660, 0.00097, 0.93204, 0.00099}, // A2 B2
            {0.61743, 0.00058, 0.00107, 0.00011, 0.04628, 0.00077, 0.95265, 0.00079}, // A2 B3
            {0.57527, 0.00083, 0.00159, 0.00013, 0.08036, 0.00108, 0.91805, 0.00110}, // A3 B1
            {0.62001, 0.00067, 0.00091, 0.00010, 0.04738, 0.00078, 0.95171, 0.00079}, // A3 B2
            {0.65274, 0.00065, 0.00131, 0.00012, 0.03892, 0.00069, 0.95977, 0.00072}, // A3 B3
    };

    /** patients / DLTs: none; in line with the informative components; in conflict with them (blrm2-mixture.R). */
    private static final String[][] DATA = {
        {"0,0,0,0,0,0,0,0,0", "0,0,0,0,0,0,0,0,0"},
        {"3,3,0,3,6,0,0,3,0", "0,0,0,0,1,0,0,1,0"},
        {"6,3,0,3,0,0,0,0,0", "3,2,0,2,0,0,0,0,0"}};

    private static Map<String, String> raw(int set) {
        return new HashMap<>(Map.of("doseAmountsA", "3,4.5,6", "doseAmountsB", "400,600,800", "referenceDoseA", "6",
                "referenceDoseB", "960", "patients", DATA[set][0], "dlts", DATA[set][1], "priorMixtureA", MIXTURE_A,
                "priorMixtureB", MIXTURE_B));
    }

    @Test
    void posteriorUnderMixturePriorsAgreesWithStanWithinFourMonteCarloErrors() throws Exception {
        List<double[][]> references = List.of(PRIOR, IN_LINE, CONFLICT);
        for (int set = 0; set < 3; set++) {
            MethodResult result = apply(new Blrm2PosteriorMethod(), raw(set), Map.of(),
                    new TestMethodContext(allocator, 17));
            double[][] stan = references.get(set);
            try (Table t = result.outputs().get("posterior"); Table pathways = result.outputs().get("pathways")) {
                StanPosterior.assertAgrees(stan, t, "data set " + set);
            }
            // one t per product of prior components keeps the weights usable where the conflict data make the
            // posterior bimodal in drug A (informative vs weak component): 59% to 88% of the draws here, where a
            // single t at the mode of the whole posterior gave 4% even without data
            double ess = (Double) result.summary().get("effectiveSampleSize");
            System.out.println("Blrm2MixtureTest data set " + set + ": effective sample size " + ess + " of 200,000");
            assertTrue(ess > 80_000, result.summary().toString());
        }
    }

    /** A one-component mixture is the five-number prior: the same draws and the same numbers, bit for bit. */
    @Test
    void aOneComponentMixtureIsTheBivariateNormalPrior() throws Exception {
        Map<String, String> fiveNumbers = raw(1);
        fiveNumbers.remove("priorMixtureA");
        fiveNumbers.remove("priorMixtureB");
        fiveNumbers.putAll(Map.of("priorMeanLogAlphaA", "-2", "priorSdLogAlphaA", "0.7", "priorMeanLogBetaA", "0.1",
                "priorSdLogBetaA", "0.5", "priorCorrelationA", "-0.3"));
        Map<String, String> mixture = raw(1);
        mixture.put("priorMixtureA", "1,-2,0.7,0.1,0.5,-0.3");
        mixture.remove("priorMixtureB");
        MethodResult a = apply(new Blrm2PosteriorMethod(), fiveNumbers, Map.of(), new TestMethodContext(allocator, 3));
        MethodResult b = apply(new Blrm2PosteriorMethod(), mixture, Map.of(), new TestMethodContext(allocator, 3));
        try (Table ta = a.outputs().get("posterior"); Table tb = b.outputs().get("posterior");
                Table pa = a.outputs().get("pathways"); Table pb = b.outputs().get("pathways")) {
            for (int c = 0; c < 9; c++) {
                assertEquals(ta.doubles("meanP").get(c), tb.doubles("meanP").get(c), 0.0);
                assertEquals(ta.doubles("pOver").get(c), tb.doubles("pOver").get(c), 0.0);
            }
        }
    }

    /**
     * Each drug's own single-agent history, through design.blrm-map-prior (robust, w = 0.2, same reference dose), makes
     * the first combination admissible before any combination patient: under the weak default prior nothing is
     * (P(overdose) = 0.42 at A1 B1, Blrm2Test), and the history of two safe agents should change that.
     */
    @Test
    void eachDrugsMapPriorFromItsOwnTrialsCarriesOver() throws Exception {
        String priorA = mapPrior("3,4.5,6", "6", "3,4.5,6,3,4.5,6", "3,3,6,3,6,3", "0,0,1,0,0,0");
        String priorB = mapPrior("400,600,800", "960", "400,600,800,400,600,800,960", "3,3,6,3,3,6,6",
                "0,0,1,0,0,1,1");
        Map<String, String> raw = raw(0);
        raw.put("priorMixtureA", priorA);
        raw.put("priorMixtureB", priorB);
        MethodResult result = apply(new Blrm2PosteriorMethod(), raw, Map.of(), new TestMethodContext(allocator, 5));
        try (Table t = result.outputs().get("posterior"); Table pathways = result.outputs().get("pathways")) {
            assertTrue(t.doubles("pOver").get(0) < 0.25, "P(overdose) at A1 B1 " + t.doubles("pOver").get(0));
            assertTrue(t.booleans("admissible").get(0));
        }
        assertEquals(1L, result.summary().get("recommendedDoseA"));
        assertEquals(1L, result.summary().get("recommendedDoseB"));
        // and the operating characteristics run with the same priors
        Map<String, String> oc = new HashMap<>(Map.of("doseAmountsA", "3,4.5,6", "doseAmountsB", "400,600,800",
                "referenceDoseA", "6", "referenceDoseB", "960", "priorMixtureA", priorA, "priorMixtureB", priorB,
                "truth", "0.05,0.08,0.12,0.08,0.12,0.20,0.12,0.20,0.35", "trials", "20", "draws", "2000"));
        Map<String, Object> summary = summary(new Blrm2Method(), oc, 4);
        assertFalse((Double) summary.get("noSelectionPercent") > 50, summary.toString());
    }

    /**
     * design.blrm-map-prior on one drug's single-agent trials (two trials, T1 the first half of the rows, one row per
     * trial and dose), two components plus the robust one.
     */
    private String mapPrior(String amounts, String reference, String doses, String patients, String dlts)
            throws Exception {
        int rows = doses.split(",").length;
        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            trials.append(i == 0 ? "" : ",").append(i < rows / 2 ? "T1" : "T2");
        }
        Map<String, String> raw = new HashMap<>(Map.of("trials", trials.toString(), "doses", doses, "patients", patients,
                "dlts", dlts, "doseAmounts", amounts, "referenceDose", reference, "robustWeight", "0.2",
                "muMeanLogAlpha", "-1.3862943611198906", "iterations", "20000", "burnIn", "2000"));
        raw.put("components", "2");
        return (String) summary(new BlrmMapPriorMethod(), raw, 9).get("priorMixture");
    }

    @Test
    void aMalformedMixtureIsRefusedNamingItsParameter() {
        Map<String, String> bad = Map.of("priorMixtureA", "0.5,-2,0.5,0,0.4,0", "priorMixtureB", "1,-2,0.5,0,-0.4,0");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Map<String, String> raw = raw(1);
            raw.put(e.getKey(), e.getValue());
            InvalidParameterException thrown = assertThrows(InvalidParameterException.class,
                    () -> summary(new Blrm2PosteriorMethod(), raw, 1), e.toString());
            assertTrue(thrown.getMessage().contains(e.getKey()), thrown.getMessage());
        }
    }
}
