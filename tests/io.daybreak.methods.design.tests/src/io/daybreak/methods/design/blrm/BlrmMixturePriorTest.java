package io.daybreak.methods.design.blrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The BLRM with a mixture of bivariate normal priors (priorMixture), the form of a robust MAP prior.
 */
class BlrmMixturePriorTest extends MethodTestSupport {
    private static final double[] AMOUNTS = {2.5, 5, 10, 20, 40};
    private static final double[] INTERVALS = {0.16, 0.33};
    /** A MAP-like component and design.blrm's weak default prior as a robust component of weight 0.2. */
    private static final String MIXTURE = "0.8,-2.09,0.55,0.29,0.50,-0.40;0.2,-1.0986122886681098,2,0,1,0";

    /**
     * Against nested adaptive quadrature in base R (docs/validation/r/blrm/mixture.R, output mixture.out): per dose
     * P(under), P(target), P(over) and the mean of p, for the prior alone (M0), data n = 3,3,6,0,0, y = 0,0,1,0,0 (M1)
     * and data in conflict with the MAP component, n = 3,6,0,0,0, y = 0,3,0,0,0 (M2).
     */
    @Test
    void posteriorAgreesWithNestedQuadratureInR() {
        double[][][] r = {
            {{0.932675220071, 0.031049886637, 0.036274893292, 0.055361090230},
                {0.889679166951, 0.057422506770, 0.052898326279, 0.089779017652},
                {0.704990410239, 0.205690369302, 0.089319220459, 0.164841009187},
                {0.166035702909, 0.496721116375, 0.337243180716, 0.318536637062},
                {0.044096365925, 0.203689568007, 0.752214066068, 0.511871351815}},
            {{0.995210627951, 0.004667571297, 0.000121800752, 0.025602200910},
                {0.979206617140, 0.020292550674, 0.000500832186, 0.052344774553},
                {0.794711638860, 0.195670009070, 0.009618352069, 0.121961380260},
                {0.143520056176, 0.556067617634, 0.300412326190, 0.291905643486},
                {0.027265149078, 0.204013056865, 0.768721794057, 0.509290636461}},
            {{0.647404389077, 0.257887321923, 0.094708289000, 0.150290590164},
                {0.367514412100, 0.342212661004, 0.290272926896, 0.252740839984},
                {0.131916276137, 0.375632623379, 0.492451100484, 0.394369614426},
                {0.020002990032, 0.272154261658, 0.707842748310, 0.521295992252},
                {0.004818334446, 0.103672309057, 0.891509356497, 0.629638335769}}};
        int[][] patients = {{0, 0, 0, 0, 0}, {3, 3, 6, 0, 0}, {3, 6, 0, 0, 0}};
        int[][] dlts = {{0, 0, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 3, 0, 0, 0}};
        BlrmPosterior prior = BlrmPosterior.prior(BlrmModel.of(AMOUNTS, 10,
                BivariateNormalMixture.parse("priorMixture", MIXTURE)), INTERVALS);
        for (int c = 0; c < 3; c++) {
            BlrmPosterior posterior = prior.fresh();
            posterior.condition(patients[c], dlts[c]);
            for (int d = 0; d < 5; d++) {
                double[] iv = posterior.intervalProbabilities(d);
                for (int k = 0; k < 3; k++) {
                    // the grid's step is the narrow component's sd / 11 here (capped node count): about 1e-6
                    assertEquals(r[c][d][k], iv[k], 2e-6, "case M" + c + ", dose " + (d + 1) + ", interval " + k);
                }
                assertEquals(r[c][d][3], posterior.meanAndSdProbability(d)[0], 1e-8, "case M" + c + " mean p");
            }
        }
    }

    @Test
    void oneComponentIsTheBivariateNormalPriorBitForBit() {
        BlrmPosterior five = BlrmPosterior.prior(BlrmModel.of(AMOUNTS, 10, -2.09, 0.55, 0.29, 0.5, -0.4), INTERVALS);
        BlrmPosterior mixture = BlrmPosterior.prior(BlrmModel.of(AMOUNTS, 10,
                BivariateNormalMixture.parse("priorMixture", "1,-2.09,0.55,0.29,0.5,-0.4")), INTERVALS);
        int[] n = {3, 3, 6, 3, 0};
        int[] y = {0, 0, 1, 2, 0};
        five.condition(n, y);
        mixture.condition(n, y);
        for (int d = 0; d < 5; d++) {
            double[] a = five.intervalProbabilities(d);
            double[] b = mixture.intervalProbabilities(d);
            for (int k = 0; k < 3; k++) {
                assertEquals(Double.doubleToLongBits(a[k]), Double.doubleToLongBits(b[k]), "dose " + (d + 1));
            }
        }
    }

    @Test
    void designBlrmWithAOneComponentMixtureSimulatesTheSameTrials() throws Exception {
        Map<String, String> five = new HashMap<>(Map.of("truth", "0.05,0.10,0.20,0.35,0.50", "target", "0.25",
                "cohorts", "8", "trials", "300", "doseAmounts", "2.5,5,10,20,40", "referenceDose", "10",
                "priorMeanLogAlpha", "-2.09", "priorSdLogAlpha", "0.68", "priorMeanLogBeta", "0.29"));
        five.put("priorSdLogBeta", "0.6");
        five.put("priorCorrelation", "-0.44");
        Map<String, String> mixture = new HashMap<>(five);
        mixture.keySet().removeIf(k -> k.startsWith("prior"));
        mixture.put("priorMixture", "1,-2.09,0.68,0.29,0.6,-0.44");
        assertEquals(summary(new BlrmMethod(), five, 3), summary(new BlrmMethod(), mixture, 3));
    }

    @Test
    void posteriorMethodUsesTheMixtureAndNamesBadComponents() throws Exception {
        Map<String, String> raw = new HashMap<>(Map.of("patients", "3,6,0,0,0", "dlts", "0,3,0,0,0",
                "doseAmounts", "2.5,5,10,20,40", "referenceDose", "10", "priorMixture", MIXTURE));
        MethodResult result = apply(new BlrmPosteriorMethod(), raw, Map.of(), new TestMethodContext(allocator, 1));
        try (Table table = result.outputs().get("posterior")) {
            assertEquals(0.290272926896, table.doubles("pOver").get(1), 2e-6);
            assertTrue(table.booleans("admissible").get(0));
            assertTrue(!table.booleans("admissible").get(1));
        }
        assertEquals(1L, result.summary().get("recommendedDose"));
        for (String bad : List.of("0.8,-2,0.5,0.3,0.5", "0.8,-2,0.5,0.3,0.5,-0.4;0.3,-1,2,0,1,0",
                "1,-2,0,0.3,0.5,0", "1,-2,0.5,0.3,0.5,1", "1,-2,0.5,x,0.5,0", ";")) {
            raw.put("priorMixture", bad);
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> summary(new BlrmPosteriorMethod(), raw, 1), bad);
            assertTrue(e.getMessage().contains("priorMixture"), e.getMessage());
        }
    }

    @Test
    void formatAndParseRoundTrip() {
        BivariateNormalMixture m = BivariateNormalMixture.parse("p", MIXTURE);
        assertEquals(m, BivariateNormalMixture.parse("p", m.format()));
        assertEquals(0.8 * -2.09 + 0.2 * -1.0986122886681098, m.meanLogAlpha(), 1e-15);
        double between = 0.8 * 0.2 * Math.pow(-2.09 + 1.0986122886681098, 2);
        assertEquals(Math.sqrt(0.8 * 0.55 * 0.55 + 0.2 * 4 + between), m.sdLogAlpha(), 1e-14);
    }
}
