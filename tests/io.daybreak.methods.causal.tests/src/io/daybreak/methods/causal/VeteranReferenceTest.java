package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.DoubleColumn;
import io.daybreak.data.LongColumn;
import io.daybreak.data.Table;

/**
 * The causal methods on R's veteran data against R 4.2.2 (glm at epsilon 1e-14; MatchIt 4.5.1; formulas by hand
 * where no package is installable): {@code Rscript docs/validation/r/causal/causal.R}, output pinned in
 * {@code docs/validation/r/causal/causal.out}. A = (trt == 2), covariates age, karno, diagtime, prior10.
 * Influence-function SEs use sd(IF)/sqrt(n) (divisor n − 1) as R's there. The separate outcome models, HC3
 * SEs, Horvitz–Thompson and ATC are in {@link EffectParityTest}.
 */
class VeteranReferenceTest extends CausalTestSupport {

    @Test
    void propensityModelWithAFormulaAndATextFactor() throws Exception {
        // v$A <- as.numeric(v$trt == 2); glm(A ~ age + karno + factor(celltype) + prior, binomial, v,
        //     control = glm.control(epsilon = 1e-14)); celltype is text: levels adeno < large < smallcell < squamous
        try (Table data = io.daybreak.data.csv.CsvReader.read(java.nio.file.Path.of(System.getProperty(
                "daybreak.testdata.dir", "resources"), "survival_veteran.csv"), allocator)) {
            Map<String, Double> coefficients = new HashMap<>();
            run(new PropensityMethod(), data, Map.of("treatment", "trt", "treatedValue", "2", "covariates",
                    "~ age + karno + factor(celltype) + prior"), outputs -> {
                    Table table = outputs.get("coefficients");
                    for (int i = 0; i < table.rowCount(); i++) {
                        coefficients.put(table.strings("term").get(i), table.doubles("estimate").get(i));
                        coefficients.put(table.strings("term").get(i) + " se", table.doubles("stdError").get(i));
                    }
                });
            assertRelative(0.01993724118737166, coefficients.get("(Intercept)"), 1e-8, "intercept");
            assertRelative(0.01766514139162412, coefficients.get("age"), 1e-8, "age");
            assertRelative(-0.84957746005802715, coefficients.get("factor(celltype)large"), 1e-8, "large");
            assertRelative(-1.28354396040055518, coefficients.get("factor(celltype)smallcell"), 1e-8, "smallcell");
            assertRelative(-0.39006009127956787, coefficients.get("factor(celltype)squamous"), 1e-8, "squamous");
            assertRelative(0.51610389885467833, coefficients.get("factor(celltype)smallcell se"), 1e-8, "se");
            assertRelative(-0.01252665657704827, coefficients.get("prior"), 1e-8, "prior");
        }
    }

    @Test
    void propensityModel() throws Exception {
        try (Table data = veteran()) {
            Map<String, Double> coefficients = new HashMap<>();
            Map<String, Object> s = run(new PropensityMethod(), data, Map.of("treatment", "trt", "treatedValue", "2",
                    "covariates", COVARIATES), outputs -> {
                    Table table = outputs.get("coefficients");
                    for (int i = 0; i < table.rowCount(); i++) {
                        coefficients.put(table.strings("term").get(i), table.doubles("estimate").get(i));
                        coefficients.put(table.strings("term").get(i) + " se", table.doubles("stdError").get(i));
                    }
                });
            // glm(A ~ age + karno + diagtime + prior10, binomial)
            double[][] expected = {{-0.684728598228691, 1.18402261742912}, {0.0138292668439299, 0.0165620362294511},
                {-0.00229374346819347, 0.00878959755697861}, {0.00433758462883043, 0.0181978559665341},
                {-0.137526253039754, 0.417233760280503}};
            List<String> terms = List.of("(Intercept)", "age", "karno", "diagtime", "prior10");
            for (int k = 0; k < terms.size(); k++) {
                assertRelative(expected[k][0], coefficients.get(terms.get(k)), 1e-9, terms.get(k));
                assertRelative(expected[k][1], coefficients.get(terms.get(k) + " se"), 1e-9, terms.get(k) + " se");
            }
            assertEquals(68L, s.get("treated"));
            assertEquals(69L, s.get("controls"));
            assertRelative(0.403828901727237, doubles(s.get("scoreRangeTreated"))[0], 1e-9, "min e treated");
            assertRelative(0.60583902412647, doubles(s.get("scoreRangeTreated"))[1], 1e-9, "max e treated");
            assertRelative(0.403282140760899, doubles(s.get("scoreRangeControls"))[0], 1e-9, "min e controls");
            assertRelative(0.578146145660845, doubles(s.get("scoreRangeControls"))[1], 1e-9, "max e controls");
        }
    }

    @Test
    void weightsAndBalance() throws Exception {
        // {estimand, ESS treated, ESS controls, min w controls, max w controls}
        Object[][] cases = {{"ATE", 67.4559160880531, 68.5523071571863, 1.67583387109469, 2.37048918651348},
            {"ATT", 68.0, 67.2163131571743, 0.675833871094691, 1.37048918651348},
            {"ATO", 67.4877360607829, 68.5022038872203, 0.403282140760899, 0.578146145660845}};
        for (Object[] c : cases) {
            try (Table data = veteran()) {
                Map<String, Object> s = run(new WeightingMethod(), data, Map.of("treatment", "trt", "treatedValue", "2",
                        "covariates", COVARIATES, "estimand", c[0]), null);
                assertRelative((Double) c[1], (Double) s.get("effectiveSizeTreated"), 1e-9, c[0] + " ESS treated");
                assertRelative((Double) c[2], (Double) s.get("effectiveSizeControls"), 1e-9, c[0] + " ESS controls");
                assertRelative((Double) c[3], doubles(s.get("weightRangeControls"))[0], 1e-9, c[0] + " min w");
                assertRelative((Double) c[4], doubles(s.get("weightRangeControls"))[1], 1e-9, c[0] + " max w");
            }
        }
        try (Table data = veteran()) {
            Map<String, Object> stabilized = run(new WeightingMethod(), data, Map.of("treatment", "trt", "treatedValue",
                    "2", "covariates", COVARIATES, "stabilize", "true"), null);
            assertRelative(0.819277638443921, doubles(stabilized.get("weightRangeTreated"))[0], 1e-9, "stabilised min");
            assertRelative(1.2291105536046, doubles(stabilized.get("weightRangeTreated"))[1], 1e-9, "stabilised max");
        }
        // cobalt conventions: pooled SD (ATE), treated SD (ATT), raw difference for the binary prior10
        Map<String, double[]> ate = balance("ATE");
        assertRelative(0.152680965769767, ate.get("age")[0], 1e-12, "age before");
        assertRelative(-0.0634621264659761, ate.get("karno")[0], 1e-12, "karno before");
        assertRelative(0.0229647773683696, ate.get("diagtime")[0], 1e-12, "diagtime before");
        assertRelative(-0.0249360613810742, ate.get("prior10")[0], 1e-12, "prior10 before (raw)");
        assertEquals(0.000912109536864097, ate.get("age")[1], 1e-9, "age after ATE");
        assertEquals(-0.00520642911517045, ate.get("karno")[1], 1e-9, "karno after ATE");
        assertEquals(0.00280017436023126, ate.get("diagtime")[1], 1e-9, "diagtime after ATE");
        assertEquals(0.000591412956210402, ate.get("prior10")[1], 1e-9, "prior10 after ATE");
        Map<String, double[]> att = balance("ATT");
        assertRelative(0.156691321908799, att.get("age")[0], 1e-12, "age before, ATT denominator");
        assertEquals(0.0045614890433448, att.get("age")[1], 1e-9, "age after ATT");
        assertEquals(-0.0150525793121091, att.get("karno")[1], 1e-9, "karno after ATT");
        assertEquals(-0.00741083459015729, att.get("prior10")[1], 1e-9, "prior10 after ATT");
        // overlap weights balance the propensity model's covariates exactly
        for (double[] row : balance("ATO").values()) {
            assertEquals(0, row[1], 1e-10);
        }
    }

    @Test
    void effectsOnABinaryOutcomeWithTheCommonOutcomeModel() throws Exception {
        // causal.R section 4: glm(Y ~ A + X, binomial); SEs sd(IF)/sqrt(n) [n-1]
        Map<String, double[]> rows = effects("dead100", "binary", "ATE", Map.of("outcomeModel", "common"));
        assertRelative(0.154251738251446, rows.get("iptw difference")[0], 1e-9, "IPTW (Hajek) ATE");
        assertRelative(0.158021991716322, rows.get("gcomp difference")[0], 1e-9, "g-computation");
        assertRelative(0.157465956219735, rows.get("aipw difference")[0], 1e-9, "AIPW");
        assertRelative(0.0706963824424963, rows.get("aipw difference")[1], 1e-8, "AIPW SE [n-1]");
        assertRelative(0.157469885136272, rows.get("tmle difference")[0], 1e-9, "TMLE");
        assertRelative(0.0706958935821301, rows.get("tmle difference")[1], 1e-8, "TMLE SE [n-1]");
        assertRelative(1.30972193472039, rows.get("iptw riskRatio")[0], 1e-9, "IPTW RR");
        assertRelative(1.92477111246335, rows.get("gcomp oddsRatio")[0], 1e-9, "g-computation OR");
        assertRelative(1.31554678520997, rows.get("aipw riskRatio")[0], 1e-9, "AIPW RR");
        assertRelative(0.128383554373497, rows.get("aipw riskRatio")[1], 1e-8, "AIPW SE(log RR)");
        assertRelative(1.9186000671915, rows.get("aipw oddsRatio")[0], 1e-9, "AIPW OR");
        assertRelative(0.296779849251152, rows.get("aipw oddsRatio")[1], 1e-8, "AIPW SE(log OR)");
        assertRelative(1.31432127942362, rows.get("tmle riskRatio")[0], 1e-9, "TMLE RR");
        assertRelative(1.92028902971271, rows.get("tmle oddsRatio")[0], 1e-9, "TMLE OR");
        // parity.R section 1, common model: g-computation's delta-method SE [n-1]
        assertRelative(0.07012724582983, rows.get("gcomp difference")[1], 1e-8, "g-computation SE [n-1]");
        assertRelative(0.126095807052642, rows.get("gcomp riskRatio")[1], 1e-8, "g-computation SE(log RR)");
        assertRelative(0.158369065091413, effects("dead100", "binary", "ATT").get("iptw difference")[0], 1e-9,
                "IPTW ATT");
        assertRelative(0.153637592235087, effects("dead100", "binary", "ATO").get("iptw difference")[0], 1e-9,
                "IPTW ATO");
    }

    @Test
    void effectsOnAContinuousOutcomeWithTheCommonOutcomeModel() throws Exception {
        Map<String, double[]> rows = effects("logTime", "continuous", "ATE", Map.of("outcomeModel", "common"));
        assertRelative(-0.128419674771327, rows.get("iptw difference")[0], 1e-9, "IPTW");
        // lm(Ylog ~ A + X): the g-computation difference is the coefficient of A
        assertRelative(-0.126014630496576, rows.get("gcomp difference")[0], 1e-9, "g-computation");
        assertRelative(-0.124602888720096, rows.get("aipw difference")[0], 1e-9, "AIPW");
        assertRelative(0.189452890942818, rows.get("aipw difference")[1], 1e-8, "AIPW SE [n-1]");
    }

    @Test
    void weightedKaplanMeierAndCoxOnTimeToDeath() throws Exception {
        // causal.R section 6: survfit(Surv(time, status == 1) ~ A, weights = w) and
        // coxph(Surv(time, status == 1) ~ A, weights = w, robust = TRUE, ties = ...) with unstabilised ATE weights
        for (String ties : List.of("efron", "breslow")) {
            Map<String, double[]> rows = new HashMap<>();
            Map<String, double[]> curves = new HashMap<>();
            Map<String, Object> s;
            try (Table data = veteran()) {
                s = run(new EffectMethod(), data, Map.of("treatment", "trt", "treatedValue", "2", "covariates",
                        COVARIATES, "outcome", "time", "outcomeType", "survival", "status", "status", "times",
                        "100,200", "ties", ties), outputs -> {
                        rows.putAll(SyntheticEffectTest.effects(outputs.get("effects")));
                        Table table = outputs.get("curves");
                        for (int i = 0; i < table.rowCount(); i++) {
                            curves.put(table.strings("arm").get(i) + " " + table.doubles("time").get(i),
                                    new double[] {table.doubles("survival").get(i), table.doubles("stdError").get(i),
                                        table.doubles("atRisk").get(i)});
                        }
                    });
            }
            boolean efron = ties.equals("efron");
            double coefficient = efron ? -0.019563376220931 : -0.0207821883649901;
            assertRelative(Math.exp(coefficient), rows.get("iptw hazardRatio")[0], 1e-9, ties + " HR");
            assertRelative(efron ? 0.17899259674312 : 0.178200625985294, rows.get("iptw hazardRatio")[1], 1e-8,
                    ties + " robust SE");
            assertRelative(efron ? 0.1282371037843 : 0.128229381165662, (Double) s.get("logHazardRatioNaiveSE"), 1e-8,
                    ties + " naive SE");
            double[] at100 = rows.get("iptw survivalDifference(t=100)");
            assertRelative(0.341841488652887, at100[4], 1e-12, "KM treated t=100");
            assertRelative(0.497179054218661, at100[5], 1e-12, "KM control t=100");
            assertRelative(0.341841488652887 - 0.497179054218661, at100[0], 1e-12, "difference t=100");
            assertRelative(Math.hypot(0.0587119127892824, 0.0608180365692198), at100[1], 1e-10, "SE t=100");
            double[] at200 = rows.get("iptw survivalDifference(t=200)");
            assertRelative(0.225943061304219, at200[4], 1e-12, "KM treated t=200");
            assertRelative(0.190195010218639, at200[5], 1e-12, "KM control t=200");
            assertRelative(Math.hypot(0.0533894506863182, 0.0492980382813117), at200[1], 1e-10, "SE t=200");
            assertEquals(137L, s.get("n"));
        }
    }

    @Test
    void nearestNeighbourMatching() throws Exception {
        // matchit(A ~ X, method = "nearest", distance = "glm", m.order = "largest"), as the reference route (b) of
        // causal.R: pairs treated:control (1-based rows)
        String pairs = "70:18 71:51 72:61 73:25 74:10 75:67 76:21 77:66 78:5 79:4 80:22 81:12 82:65 83:20 84:50 85:49 "
                + "86:40 87:36 88:30 89:54 90:33 91:69 92:27 93:41 94:64 95:53 96:19 97:44 98:9 99:28 100:63 101:6 "
                + "102:45 103:37 104:23 105:8 106:42 107:24 108:46 109:34 110:43 111:29 112:55 113:58 114:14 115:13 "
                + "116:59 117:56 118:11 119:47 120:32 121:35 122:26 123:17 124:1 125:7 126:68 127:39 128:62 129:38 "
                + "130:48 131:3 132:2 133:16 134:60 135:57 136:52 137:15";
        Map<String, Object> s = matching(Map.of(), pairs);
        assertEquals(68L, s.get("matchedTreated"));
        assertEquals(68L, s.get("matchedControls"));
        assertRelative(0.176470588235294, (Double) s.get("att"), 1e-12, "ATT on dead100, 1:1");
        // caliper 0.2 SD of the scores: eight treated patients have no control close enough
        String caliper = "71:6 72:25 74:33 75:15 76:21 77:48 78:20 79:5 80:10 82:57 83:65 84:50 85:3 86:63 87:36 88:30 "
                + "89:49 90:27 91:69 93:59 94:39 95:53 96:19 97:12 98:9 99:1 100:60 101:23 102:28 103:38 104:64 105:42 "
                + "106:11 107:44 108:46 109:34 110:43 111:67 112:55 113:58 114:61 115:24 116:45 117:56 119:47 120:32 "
                + "121:51 122:26 123:17 124:8 125:37 126:68 128:29 129:13 130:22 132:2 133:16 134:7 136:52 137:14";
        Map<String, Object> calipered = matching(Map.of("caliper", "0.2"), caliper);
        assertEquals(60L, calipered.get("matchedTreated"));
        assertEquals(8L, calipered.get("unmatchedTreated"));
        assertRelative(0.216666666666667, (Double) calipered.get("att"), 1e-12, "ATT with caliper");
        // 1:2 with replacement: MatchIt's weights (controls 0.43 to 2.56, summing to the 58 distinct controls)
        String twoWithReplacement = "70:61,25 71:39,57 72:58,17 73:58,17 74:33,44 75:15,14 76:32,47 77:22,45 78:21,39 "
                + "79:64,65 80:24,1 81:11,42 82:56,32 83:21,56 84:50,53 85:3,18 86:63,40 87:36,40 88:58,50 89:67,49 "
                + "90:12,27 91:69,62 92:42,11 93:45,38 94:56,32 95:53,30 96:19,43 97:42,12 98:19,9 99:1,33 100:60,7 "
                + "101:21,39 102:10,24 103:13,28 104:21,56 105:42,12 106:11,42 107:44,8 108:36,46 109:36,46 110:19,9 "
                + "111:67,49 112:46,34 113:58,50 114:68,25 115:1,24 116:13,28 117:16,47 118:11,42 119:55,52 120:52,16 "
                + "121:51,4 122:9,26 123:58,50 124:8,44 125:45,38 126:58,17 127:32,47 128:49,67 129:10,28 130:28,13 "
                + "131:61,14 132:2,35 133:55,52 134:7,41 135:32,47 136:55,34 137:61,25";
        Map<String, Object> two = matching(Map.of("ratio", "2", "replace", "true"), twoWithReplacement);
        assertEquals(58L, two.get("matchedControls"));
        assertRelative(0.220588235294118, (Double) two.get("att"), 1e-12, "ATT 1:2 with replacement");
        assertRelative(0.441176470588235, (Double) two.get("meanControl"), 1e-12, "weighted control mean");
    }

    /** Runs causal.matching on dead100 and checks the pairs (as "treated:control,control ..." in treated order). */
    private Map<String, Object> matching(Map<String, String> extra, String expectedPairs) throws Exception {
        Map<String, Object> raw = new HashMap<>(Map.of("treatment", "trt", "treatedValue", "2", "covariates",
                COVARIATES, "outcome", "dead100"));
        raw.putAll(extra);
        Map<Long, StringBuilder> byTreated = new java.util.TreeMap<>();
        try (Table data = veteran()) {
            Map<String, Object> s = run(new MatchingMethod(), data, raw, outputs -> {
                Table matches = outputs.get("matches");
                LongColumn treated = matches.longs("treatedRow");
                LongColumn control = matches.longs("controlRow");
                DoubleColumn distance = matches.doubles("distance");
                for (int i = 0; i < matches.rowCount(); i++) {
                    StringBuilder text = byTreated.computeIfAbsent(treated.get(i), t -> new StringBuilder());
                    text.append(text.length() == 0 ? "" : ",").append(control.get(i));
                    assertEquals(true, distance.get(i) >= 0);
                }
            });
            StringBuilder actual = new StringBuilder();
            byTreated.forEach((t, controls) -> actual.append(actual.length() == 0 ? "" : " ").append(t).append(':')
                    .append(controls));
            assertEquals(expectedPairs, actual.toString());
            return s;
        }
    }
}
