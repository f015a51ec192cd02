package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;

/** E-values against VanderWeele & Ding (2017) and the conversions of their paper. */
class EValueTest extends CausalTestSupport {
    private final EValueMethod method = new EValueMethod();

    @Test
    void reproducesThePublishedExample() throws Exception {
        // VanderWeele & Ding, Ann Intern Med 2017: RR 3.9 (95% CI 1.8 to 8.7) -> E-values 7.26 and 3.00
        Map<String, Object> s = run(method, null, Map.of("estimate", "3.9", "lower", "1.8", "upper", "8.7"), null);
        assertEquals(7.26, (Double) s.get("eValue"), 0.005);
        assertEquals(3.00, (Double) s.get("eValueLimit"), 0.005);
        // exact: 3.9 + sqrt(3.9 * 2.9) and 1.8 + sqrt(1.8 * 0.8)
        assertEquals(3.9 + Math.sqrt(3.9 * 2.9), (Double) s.get("eValue"), 1e-12);
        assertEquals(1.8 + Math.sqrt(1.8 * 0.8), (Double) s.get("eValueLimit"), 1e-12);
    }

    @Test
    void protectiveEffectsAndIntervalsThroughOne() throws Exception {
        // RR 0.5: invert to 2 -> 2 + sqrt(2); an interval containing 1 gives E-value 1 for the limit
        Map<String, Object> s = run(method, null, Map.of("estimate", "0.5", "lower", "0.2", "upper", "1.1"), null);
        assertEquals(2 + Math.sqrt(2), (Double) s.get("eValue"), 1e-12);
        assertEquals(1.0, (Double) s.get("eValueLimit"), 0);
    }

    @Test
    void convertsCommonOutcomeOddsAndHazardRatios() throws Exception {
        // OR 2.5, common outcome: RR ~ sqrt(2.5); HR 0.6 common: RR ~ (1 - 0.5^sqrt(0.6)) / (1 - 0.5^sqrt(1/0.6))
        Map<String, Object> or = run(method, null, Map.of("measure", "OR", "estimate", "2.5", "rareOutcome", "false"),
                null);
        double rr = Math.sqrt(2.5);
        assertEquals(rr, (Double) or.get("riskRatio"), 1e-12);
        assertEquals(rr + Math.sqrt(rr * (rr - 1)), (Double) or.get("eValue"), 1e-12);
        Map<String, Object> hr = run(method, null, Map.of("measure", "HR", "estimate", "0.6", "rareOutcome", "false"),
                null);
        double hrRr = (1 - Math.pow(0.5, Math.sqrt(0.6))) / (1 - Math.pow(0.5, Math.sqrt(1 / 0.6)));
        assertEquals(hrRr, (Double) hr.get("riskRatio"), 1e-12);
        Map<String, Object> rare = run(method, null, Map.of("measure", "HR", "estimate", "0.6"), null);
        assertEquals(0.6, (Double) rare.get("riskRatio"), 0);
    }

    @Test
    void matchesTheRFormulasForOddsAndHazardRatios() throws Exception {
        // docs/validation/r/causal/causal.out, section 7: {measure, estimate, lower, upper, rare, E(est), E(CI)}
        Object[][] cases = {{"OR", "2.5", "1.3", "4.8", "true", 4.43649167310371, 1.92449979983984},
            {"OR", "2.5", "1.3", "4.8", "false", 2.53971129469801, 1.53995608358684},
            {"HR", "0.6", "0.45", "0.8", "true", 2.72075922005613, 1.80901699437495},
            {"HR", "0.6", "0.45", "0.8", "false", 2.19962239565988, 1.60889134837784}};
        for (Object[] c : cases) {
            Map<String, Object> s = run(method, null, Map.of("measure", c[0], "estimate", c[1], "lower", c[2], "upper",
                    c[3], "rareOutcome", c[4]), null);
            assertEquals((Double) c[5], (Double) s.get("eValue"), 1e-12, c[0] + " rare=" + c[4]);
            assertEquals((Double) c[6], (Double) s.get("eValueLimit"), 1e-12, c[0] + " rare=" + c[4] + " limit");
        }
    }

    @Test
    void namesInconsistentLimits() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(method, null,
                Map.of("estimate", "2", "lower", "2.5", "upper", "3"), null));
        assertTrue(e.getMessage().contains("lower <= estimate <= upper"), e.getMessage());
        InvalidParameterException one = assertThrows(InvalidParameterException.class, () -> run(method, null,
                Map.of("estimate", "2", "lower", "1.5"), null));
        assertTrue(one.getMessage().contains("both confidence limits"), one.getMessage());
    }
}
