package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;

/**
 * causal.effect against the usual conventions (issue 15) on veteran, values from
 * {@code R_LIBS=/work/rlib-causal Rscript docs/validation/r/causal/parity.R > parity.out} (R 4.2.2, sandwich 3.1-1):
 * outcome models per arm ({@code glm(Y ~ X, subset = A == a)}), g-computation, AIPW and TMLE with influence-function
 * SEs {@code sd(IF)/sqrt(n)}; Hájek IPTW with {@code sqrt(sandwich::vcovHC(lm(Y ~ A, weights = w), type =
 * "HC3")["A", "A"])} (and HC0), RR and OR SEs by the delta method from that vcov; Horvitz–Thompson; the ATC.
 * Rows are {estimate, SE, lower, upper, mean treated, mean control}.
 */
class EffectParityTest extends CausalTestSupport {

    @Test
    void separateOutcomeModelsAreTheDefaultOnABinaryOutcome() throws Exception {
        Map<String, double[]> rows = effects("dead100", "binary", "ATE");
        // parity.out "Y separate gcomp ATE", "Y separate aipw ATE", "Y separate tmle ATE"
        check(rows.get("gcomp difference"), 0.161358132504163, 0.0705888303606103, "gcomp");
        assertRelative(0.65843589328616, rows.get("gcomp difference")[4], 1e-9, "gcomp mu1");
        assertRelative(0.497077760781997, rows.get("gcomp difference")[5], 1e-9, "gcomp mu0");
        check(rows.get("gcomp riskRatio"), 1.32461346138342, 0.127810189436556, "gcomp RR");
        check(rows.get("gcomp oddsRatio"), 1.95037345845996, 0.297292397512516, "gcomp OR");
        check(rows.get("aipw difference"), 0.160900275315985, 0.0704530431063151, "aipw");
        check(rows.get("aipw riskRatio"), 1.32326406430905, 0.128198966092575, "aipw RR");
        check(rows.get("aipw oddsRatio"), 1.94697934188171, 0.296042227145419, "aipw OR");
        check(rows.get("tmle difference"), 0.160897014313758, 0.0704526566049788, "tmle");
        check(rows.get("tmle riskRatio"), 1.3235155348352, 0.128293451020008, "tmle RR");
        check(rows.get("tmle oddsRatio"), 1.94660615096762, 0.295959352086499, "tmle OR");
        // the default IPTW SE is HC3: "Y hajek ATE HC3"
        check(rows.get("iptw difference"), 0.154251738251445, 0.085222917331636, "iptw HC3");
        check(rows.get("iptw riskRatio"), 1.30972193472039, 0.152926038619506, "iptw HC3 RR");
        check(rows.get("iptw oddsRatio"), 1.89073432016119, 0.358145064287421, "iptw HC3 OR");
    }

    @Test
    void separateOutcomeModelsForEveryEstimandOfGComputation() throws Exception {
        // {estimand, diff, SE} from "Y separate gcomp <estimand>"
        Object[][] binary = {{"ATT", 0.160299217248036, 0.0710644786773159}, {"ATC", 0.162401701162376,
            0.0728109181549819}, {"ATO", 0.161465319045026, 0.0706108315100965}};
        for (Object[] c : binary) {
            double[] row = effects("dead100", "binary", (String) c[0], Map.of("estimators", "gcomp"))
                    .get("gcomp difference");
            check(row, (Double) c[1], (Double) c[2], "gcomp " + c[0]);
        }
        // ATC g-computation's control mean is the controls' observed mean (the control model's fitted values)
        assertRelative(0.492753623188406, effects("dead100", "binary", "ATC", Map.of("estimators", "gcomp"))
                .get("gcomp difference")[5], 1e-12, "ATC mu0");
        Map<String, double[]> rows = effects("logTime", "continuous", "ATE");
        check(rows.get("gcomp difference"), -0.129780136098431, 0.188984338135698, "Ylog gcomp");
        check(rows.get("aipw difference"), -0.127549981385288, 0.188863997343386, "Ylog aipw");
        check(effects("logTime", "continuous", "ATC", Map.of("estimators", "gcomp")).get("gcomp difference"),
                -0.137879455778507, 0.194812821365316, "Ylog gcomp ATC");
        // common model, ATC: "Y common gcomp ATC"
        check(effects("dead100", "binary", "ATC", Map.of("estimators", "gcomp", "outcomeModel", "common"))
                .get("gcomp difference"), 0.162982583094705, 0.0718373045442588, "common gcomp ATC");
    }

    @Test
    void hajekWithHc3AndHc0SandwichErrors() throws Exception {
        // {estimand, diff, HC3 SE, HC3 SE(log RR), HC3 SE(log OR), HC0 SE} from "Y hajek <estimand> HC3/HC0"
        Object[][] cases = {
            {"ATE", 0.154251738251445, 0.085222917331636, 0.152926038619506, 0.358145064287421, 0.0839543529454275},
            {"ATT", 0.158369065091414, 0.0849975261495864, 0.151234717430801, 0.359200499309425, 0.0837236546065261},
            {"ATC", 0.150195721012662, 0.0859825268625662, 0.155636214767008, 0.359460631888198, 0.0846775918302252},
            {"ATO", 0.153637592235088, 0.0852679176458101, 0.153103393339831, 0.358136673755788, 0.0839982479622444}};
        for (Object[] c : cases) {
            String estimand = (String) c[0];
            Map<String, double[]> hc3 = effects("dead100", "binary", estimand, Map.of("estimators", "iptw"));
            check(hc3.get("iptw difference"), (Double) c[1], (Double) c[2], estimand + " HC3");
            assertRelative((Double) c[3], hc3.get("iptw riskRatio")[1], 1e-8, estimand + " HC3 SE(log RR)");
            assertRelative((Double) c[4], hc3.get("iptw oddsRatio")[1], 1e-8, estimand + " HC3 SE(log OR)");
            Map<String, double[]> hc0 = effects("dead100", "binary", estimand, Map.of("estimators", "iptw",
                    "iptwStdError", "HC0"));
            check(hc0.get("iptw difference"), (Double) c[1], (Double) c[5], estimand + " HC0");
        }
        // continuous: "Ylog hajek ATE HC3"
        check(effects("logTime", "continuous", "ATE", Map.of("estimators", "iptw")).get("iptw difference"),
                -0.128419674771327, 0.232922433384324, "Ylog HC3");
        // stabilised weights give the same estimate and HC3 SE (hat values and the meat scale out)
        check(effects("dead100", "binary", "ATE", Map.of("estimators", "iptw", "stabilize", "true"))
                .get("iptw difference"), 0.154251738251445, 0.085222917331636, "stabilised HC3");
    }

    @Test
    void atcWeightsAndBalanceUseTheControlsSd() throws Exception {
        // parity.out "ATC weights and balance": weights (1 - e)/e for the treated, 1 for the controls
        try (Table data = veteran()) {
            Map<String, Object> s = run(new WeightingMethod(), data, Map.of("treatment", "trt", "treatedValue", "2",
                    "covariates", COVARIATES, "estimand", "ATC"), null);
            assertRelative(65.9059824476566, (Double) s.get("effectiveSizeTreated"), 1e-9, "ESS treated");
            assertRelative(69, (Double) s.get("effectiveSizeControls"), 1e-12, "ESS controls");
            assertRelative(0.650603477453194, doubles(s.get("weightRangeTreated"))[0], 1e-9, "min w treated");
            assertRelative(1.47629626240928, doubles(s.get("weightRangeTreated"))[1], 1e-9, "max w treated");
        }
        Map<String, double[]> atc = balance("ATC");
        assertRelative(0.148963567174898, atc.get("age")[0], 1e-12, "age before, controls' SD");
        assertEquals(-0.00252450537709803, atc.get("age")[1], 1e-9, "age after ATC");
        assertEquals(0.00584214559126644, atc.get("karno")[1], 1e-9, "karno after ATC");
        assertEquals(0.0104327638963619, atc.get("diagtime")[1], 1e-9, "diagtime after ATC");
        assertEquals(0.00847405734781453, atc.get("prior10")[1], 1e-9, "prior10 after ATC (raw)");
    }

    @Test
    void horvitzThompson() throws Exception {
        // {estimand, mu1, mu0, diff, SE [n-1]} from "Y horvitz-thompson <estimand>"
        Object[][] cases = {{"ATE", 0.652538855877755, 0.497771820622346, 0.154767035255409, 0.129754085185176},
            {"ATT", 0.661764705882353, 0.502863815077373, 0.15890089080498, 0.121500512964139},
            {"ATC", 0.643446713844238, 0.492753623188406, 0.150693090655832, 0.13895291155304}};
        for (Object[] c : cases) {
            String estimand = (String) c[0];
            Map<String, double[]> rows = effects("dead100", "binary", estimand, Map.of("estimators", "iptw,iptwHT"));
            double[] row = rows.get("iptwHT difference");
            check(row, (Double) c[3], (Double) c[4], estimand + " HT");
            assertRelative((Double) c[1], row[4], 1e-9, estimand + " HT mu1");
            assertRelative((Double) c[2], row[5], 1e-9, estimand + " HT mu0");
        }
        Map<String, double[]> ate = effects("dead100", "binary", "ATE", Map.of("estimators", "iptwHT"));
        check(ate.get("iptwHT riskRatio"), 1.3109196399706, 0.228969599543774, "HT RR");
        check(ate.get("iptwHT oddsRatio"), 1.89483283305258, 0.547383733573486, "HT OR");
        check(effects("logTime", "continuous", "ATE", Map.of("estimators", "iptwHT")).get("iptwHT difference"),
                -0.124670017177007, 0.740879709303379, "Ylog HT");
        InvalidParameterException ato = assertThrows(InvalidParameterException.class,
                () -> effects("dead100", "binary", "ATO", Map.of("estimators", "iptwHT")));
        assertTrue(ato.getMessage().contains("iptwHT") && ato.getMessage().contains("ATO"), ato.getMessage());
    }

    @Test
    void badChoicesAreNamed() {
        InvalidParameterException model = assertThrows(InvalidParameterException.class,
                () -> effects("dead100", "binary", "ATE", Map.of("outcomeModel", "pooled")));
        assertTrue(model.getMessage().contains("outcomeModel") && model.getMessage().contains("separate"),
                model.getMessage());
        InvalidParameterException se = assertThrows(InvalidParameterException.class,
                () -> effects("dead100", "binary", "ATE", Map.of("iptwStdError", "HC1")));
        assertTrue(se.getMessage().contains("iptwStdError") && se.getMessage().contains("HC3"), se.getMessage());
        InvalidParameterException atc = assertThrows(InvalidParameterException.class,
                () -> effects("dead100", "binary", "ATC", Map.of("estimators", "aipw")));
        assertTrue(atc.getMessage().contains("ATE"), atc.getMessage());
    }

    private static void check(double[] row, double estimate, double se, String what) {
        assertRelative(estimate, row[0], 1e-9, what);
        assertRelative(se, row[1], 1e-8, what + " SE");
        assertEquals(true, row[2] < row[0] && row[0] < row[3], what + " interval");
    }
}
