package io.daybreak.methods.stats.rmst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.methods.stats.StatsTestSupport;

/**
 * stats.rmst against R 4.2.2, survRM2 1.0-4 on survival 3.5.3 (docs/validation/r/stats/survival-diagnostics.R,
 * output survival-diagnostics.out). The arms are the arm column's two values, lower = arm 0, so lung's sex 1/2 is
 * rmst2's arm = sex - 1 and veteran's trt 1/2 is arm = trt - 1.
 */
class RmstTest extends StatsTestSupport {
    static final double TOL = 1e-10;
    private static final String VETERAN = "survival_veteran.csv";

    private Map<String, Object> lung(Map<String, String> raw) throws Exception {
        Map<String, Object> all = new HashMap<>(raw);
        all.put("eventValue", "2");
        all.put("arm", "sex");
        return run(new RmstMethod(), LUNG, all);
    }

    /** Asserts the summary against rmst2's RMST.arm1/arm0 results and unadjusted.result, in R's order. */
    static void assertRmst2(Map<String, Object> s, double tau, double[] arm1, double[] arm0, double[][] contrasts,
            double tolerance) {
        assertEquals(tau, (Double) s.get("tau"), 0.0, "tau");
        double[] rmst = doubles(s.get("rmst"));
        double[] se = doubles(s.get("rmstStdErr"));
        double[] lower = doubles(s.get("rmstLower"));
        double[] upper = doubles(s.get("rmstUpper"));
        double[][] arms = {arm0, arm1};
        for (int a = 0; a < 2; a++) {
            assertRelative(arms[a][0], rmst[a], tolerance, "RMST arm " + a);
            assertRelative(arms[a][1], se[a], tolerance, "se arm " + a);
            assertRelative(arms[a][2], lower[a], tolerance, "lower arm " + a);
            assertRelative(arms[a][3], upper[a], tolerance, "upper arm " + a);
            assertRelative(tau - arms[a][0], doubles(s.get("rmtl"))[a], tolerance, "RMTL arm " + a);
        }
        String[] names = {"difference", "ratio", "rmtlRatio"};
        for (int k = 0; k < 3; k++) {
            assertRelative(contrasts[k][0], (Double) s.get(names[k]), tolerance, names[k]);
            assertRelative(contrasts[k][1], (Double) s.get(names[k] + "Lower"), tolerance, names[k] + " lower");
            assertRelative(contrasts[k][2], (Double) s.get(names[k] + "Upper"), tolerance, names[k] + " upper");
            assertRelative(contrasts[k][3], (Double) s.get(names[k] + "P"), 1e-8, names[k] + " p");
        }
    }

    @Test
    void lungByDefaultTauMatchesRmst2() throws Exception {
        Map<String, Object> s = lung(Map.of());
        // a <- rmst2(lung$time, lung$status - 1, lung$sex - 1): both arms end censored (1022, 965): tau = 965
        assertEquals(true, s.get("tauDefault"));
        assertEquals(List.of(138L, 90L), s.get("n"));
        assertRmst2(s, 965, new double[] {455.90408751167342, 32.917415688735048, 391.38713829761900, 520.42103672572784},
                new double[] {324.04841906214551, 22.297939234143815, 280.34526123376099, 367.75157689053003},
                new double[][] {
                    {131.85566844952791143, 53.93004532040842491, 209.78129157864739796, 0.00091185947832012797},
                    {1.40690113172328402, 1.15708335949182239, 1.71065531122457237, 0.00061981774175110113},
                    {0.79428138977893792, 0.68782237014111991, 0.91721780729481583, 0.00170778475439273530}}, TOL);
    }

    @Test
    void lungAtTau365AndLevel90MatchRmst2() throws Exception {
        // rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 365)
        double[][] contrasts = {
            {55.97032433997978274, 26.65293637733133991, 85.28771230262822201, 0.00018270646131116053},
            {1.23176589409870463, 1.10334339056205954, 1.37513600103397815, 0.00020676122250322130},
            {0.54681702807522481, 0.38391234834971227, 0.77884669112192495, 0.00082292421176542545}};
        assertRmst2(lung(Map.of("tau", "365")), 365,
                new double[] {297.465409532036801, 10.79132397880009, 276.314803188085136, 318.616015875988467},
                new double[] {241.49508519205702, 10.358226491096945, 221.19333432579830, 261.79683605831571},
                contrasts, TOL);
        // rmst2(..., tau = 365, alpha = 0.1)
        double[][] ninety = {
            {55.97032433997978274, 31.36639676606459659, 80.5742519138949689, 0.00018270646131116053},
            {1.23176589409870463, 1.12304842489206336, 1.3510078321071546, 0.00020676122250322130},
            {0.54681702807522481, 0.40637641735234764, 0.7357928497454278, 0.00082292421176542545}};
        assertRmst2(lung(Map.of("tau", "365", "level", "0.9")), 365,
                new double[] {297.465409532036801, 10.79132397880009, 279.715261145899092, 315.215557918174511},
                new double[] {241.49508519205702, 10.358226491096945, 224.45731877939139, 258.53285160472262},
                ninety, TOL);
    }

    @Test
    void veteranMatchesRmst2() throws Exception {
        // rmst2(veteran$time, veteran$status, veteran$trt - 1): default tau 999
        Map<String, Object> s = run(new RmstMethod(), VETERAN, Map.of("arm", "trt"));
        assertRmst2(s, 999, new double[] {142.06128172268899, 26.81070967978042, 89.513256350359967, 194.60930709501801},
                new double[] {123.92816666152997, 14.843518043894139, 94.835405891627033, 153.02092743143291},
                new double[][] {
                    {18.13311506115901750, -41.93088164024054265, 78.1971117625585777, 0.55404719688028015},
                    {1.14631956196595630, 0.73967389255486760, 1.7765241566212886, 0.54125220639258842},
                    {0.97927814109616662, 0.91329814926136421, 1.0500247683676458, 0.55628358720778703}}, TOL);
        // rmst2(veteran$time, veteran$status, veteran$trt - 1, tau = 100)
        s = run(new RmstMethod(), VETERAN, Map.of("arm", "trt", "tau", "100"));
        assertEquals(false, s.get("tauDefault"));
        assertRmst2(s, 100, new double[] {60.141953781512584, 4.4509707235135076, 51.418211467183923, 68.865696095841244},
                new double[] {68.031543052003414, 4.5620940508512087, 59.090003018250606, 76.973083085756230},
                new double[][] {
                    {-7.88958927049083059, -20.38177955650603224, 4.6026010155243693, 0.21577604661425157},
                    {0.88403042299863732, 0.72687180386240091, 1.0751686674794885, 0.21711195049853535},
                    {1.24679293352584719, 0.87408190215765313, 1.7784290182107132, 0.22350388810119967}}, TOL);
    }

    @Test
    void theTableHoldsRmst2sRows() throws Exception {
        try (Table data = CsvReader.read(data(LUNG), allocator)) {
            MethodResult result = apply(new RmstMethod(), Map.of("arm", "sex", "eventValue", "2", "tau", "365"),
                    Map.of("data", data), new TestMethodContext(allocator, 1));
            try (Table table = result.outputs().get("rmst")) {
                assertEquals(7, table.rowCount());
                assertEquals("RMST (sex=2)", table.strings("quantity").get(0));
                assertEquals("RMTL (sex=1)", table.strings("quantity").get(3));
                assertEquals("RMST (sex=2)/(sex=1)", table.strings("quantity").get(5));
                // rmst2(..., tau = 365)$RMST.arm0$result["RMTL", ]: 123.50491480794298, 103.20316394168429, 143.80666567420170
                assertRelative(123.50491480794298, table.doubles("estimate").get(3), TOL, "RMTL arm 0");
                assertRelative(103.20316394168429, table.doubles("lower").get(3), TOL, "RMTL lower arm 0");
                assertRelative(143.80666567420170, table.doubles("upper").get(3), TOL, "RMTL upper arm 0");
                assertRelative(1.10334339056205954, table.doubles("lower").get(5), TOL, "ratio lower");
                assertTrue(table.doubles("p").isNull(0), "no p-value for one arm");
            }
        }
    }

    @Test
    void siteSplitEqualsPooled() throws Exception {
        Map<String, Object> pooled = lung(Map.of("tau", "500"));
        Map<String, Object> split = lung(Map.of("tau", "500", "siteColumn", "site"));
        assertEquals(3L, split.get("sites"));
        for (String key : List.of("difference", "differenceLower", "ratio", "ratioUpper", "rmtlRatio", "differenceP")) {
            assertRelative((Double) pooled.get(key), (Double) split.get(key), 1e-12, key);
        }
    }

    @Test
    void tauBeyondSurvRm2sRangeIsRefusedNamingTheParameterAndRange() throws Exception {
        // rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 1000): "The truncation time, tau, needs to be shorter
        // than or equal to the minimum of the largest observed time on each of the two groups:  965"
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> lung(Map.of("tau", "1000")));
        assertTrue(e.getMessage().contains("parameter 'tau' must be in (0, 965]"), e.getMessage());
        assertTrue(e.getMessage().contains("the smaller"), e.getMessage());
        assertEquals(965.0, (Double) lung(Map.of("tau", "965")).get("tau"), 0.0, "the bound itself is allowed");
        InvalidParameterException negative = assertThrows(InvalidParameterException.class, () -> lung(Map.of("tau",
                "-1")));
        assertTrue(negative.getMessage().contains("'tau'"), negative.getMessage());
        InvalidParameterException arms = assertThrows(InvalidParameterException.class, () -> run(new RmstMethod(), LUNG,
                Map.of("arm", "ph.ecog", "eventValue", "2")));
        assertTrue(arms.getMessage().contains("parameter 'arm'") && arms.getMessage().contains("exactly two"),
                arms.getMessage());
    }
}
