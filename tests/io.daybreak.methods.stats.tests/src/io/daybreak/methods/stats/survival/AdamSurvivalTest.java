package io.daybreak.methods.stats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.methods.stats.rmst.RmstMethod;

/**
 * Time-to-event analyses run straight from an ADaM ADTTE transport file with no column parameters: time = AVAL,
 * event = CNSR == 0, groups = TRTP. resources/adtte.xpt holds synthetic data (docs/validation/r/cdisc/make-adam.R,
 * written by R's haven): 120 subjects in three arms, parameters OS and PFS. Reference values from R 4.2.2,
 * survival 3.5.3 (docs/validation/r/cdisc/adam-survival.R and .out):
 *
 * <pre>
 * a &lt;- foreign::read.xport("adtte.xpt"); d &lt;- a[a$PARAMCD == "OS", ]     # likewise "PFS"
 * survfit(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)   # OS medians 262 (203, NA), NA (540, NA), 706 (410, NA); 49 events
 *                                                  # PFS 84.5 (55, 136), 366 (180, 491), 248 (149, 403); 94 events
 * coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)     # OS coef -1.227743403321345 (se 0.369434868640363),
 *                                                  #   -0.796803189606178 (se 0.334455062343061)
 *                                                  # PFS -1.28347101202311 (se 0.264750349526206),
 *                                                  #   -1.05261977134734 (se 0.255783687435369)
 * survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)$chisq   # OS 13.7933492341679, PFS 30.9037001821673
 * </pre>
 */
class AdamSurvivalTest extends StatsTestSupport {
    private static final String ADTTE = "adtte.xpt";
    private static final List<String> ARMS = List.of("Placebo", "Treatment High Dose", "Treatment Low Dose");

    @TempDir
    Path dir;

    private Map<String, Object> adam(Method method, String file, Map<String, ?> raw) throws Exception {
        try (Table data = TableFiles.read(file.startsWith("/") ? Path.of(file) : data(file), allocator)) {
            MethodResult result = apply(method, raw, Map.of("data", data), new TestMethodContext(allocator, 1));
            result.outputs().values().forEach(Table::close);
            return result.summary();
        }
    }

    private static double[] numbers(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    @Test
    void kaplanMeierDefaultsToAvalAndCnsrAndCodesTheTreatmentText() throws Exception {
        Map<String, Object> km = adam(new KaplanMeierMethod(), ADTTE, Map.of("groupBy", "TRTP", "param", "OS"));
        assertEquals("AVAL", km.get("timeColumn"));
        assertEquals("CNSR", km.get("statusColumn"));
        assertEquals(0.0, ((Number) km.get("eventValue")).doubleValue(), "CNSR 0 = event");
        assertEquals("OS", km.get("paramcd"));
        assertEquals(ARMS, km.get("groupLabels"));
        assertEquals(49L, km.get("events"));
        assertEquals(71L, km.get("censored"));
        assertEquals(List.of(262.0, Double.NaN, 706.0), km.get("median"), "the high dose's curve stays above 0.5: NA");
        assertEquals(List.of(203.0, 540.0, 410.0), km.get("medianLower"));
        assertEquals(List.of(Double.NaN, Double.NaN, Double.NaN), km.get("medianUpper"));
        assertTrue(((String) km.get("roles")).contains("event = CNSR == 0"), (String) km.get("roles"));
        Map<String, Object> overall = adam(new KaplanMeierMethod(), ADTTE, Map.of("param", "OS"));
        assertEquals(List.of(554.0), overall.get("median"));
        assertEquals(List.of(466.0), overall.get("medianLower"));

        Map<String, Object> pfs = adam(new KaplanMeierMethod(), ADTTE, Map.of("groupBy", "TRTP", "param", "PFS"));
        assertEquals("PFS", pfs.get("paramcd"));
        assertEquals(94L, pfs.get("events"));
        assertEquals(List.of(84.5, 366.0, 248.0), pfs.get("median"), "placebo's curve is 0.5 from day 84 to 85");
        assertEquals(List.of(55.0, 180.0, 149.0), pfs.get("medianLower"));
        assertEquals(List.of(136.0, 491.0, 403.0), pfs.get("medianUpper"));
        overall = adam(new KaplanMeierMethod(), ADTTE, Map.of("param", "PFS"));
        assertEquals(List.of(165.0), overall.get("median"));
        assertEquals(List.of(135.0), overall.get("medianLower"));
        assertEquals(List.of(250.0), overall.get("medianUpper"));
    }

    /**
     * The proportional-hazards test with the same defaults. R 4.2.2, survival 3.5.3:
     * {@code cox.zph(coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d))$table} on OS: TRTP and GLOBAL chisq
     * 5.67468578695342 on 2 df, p 0.058581115614343.
     */
    @Test
    void proportionalHazardsTestDefaultsToAvalAndCnsr() throws Exception {
        Map<String, Object> zph = adam(new io.daybreak.methods.stats.zph.CoxZphMethod(), ADTTE,
                Map.of("formula", "~ TRTP", "param", "OS"));
        assertEquals("AVAL", zph.get("timeColumn"));
        assertEquals("OS", zph.get("paramcd"));
        double[] chisq = numbers(zph.get("chisq"));
        assertEquals(5.67468578695342, chisq[0], 1e-8);
        assertEquals(5.67468578695342, chisq[chisq.length - 1], 1e-8);
        assertEquals(0.058581115614343, numbers(zph.get("p"))[0], 1e-9);
        assertThrows(InvalidParameterException.class, () -> adam(new io.daybreak.methods.stats.zph.CoxZphMethod(), ADTTE,
                Map.of("formula", "~ TRTP")), "OS and PFS are not pooled");
    }

    @Test
    void theTransportFileHoldsTwoParametersThatAreNeverPooled() {
        InvalidParameterException pooled = assertThrows(InvalidParameterException.class,
                () -> adam(new KaplanMeierMethod(), ADTTE, Map.of("groupBy", "TRTP")));
        assertTrue(pooled.getMessage().contains("2 ADaM parameters (PARAMCD: OS, PFS)"), pooled.getMessage());
    }

    @Test
    void coxAndLogRankOnTheTreatment() throws Exception {
        Map<String, double[]> expected = Map.of(
                "OS", new double[] {-1.227743403321345, -0.796803189606178, 0.369434868640363, 0.334455062343061,
                    13.7933492341679, 49},
                "PFS", new double[] {-1.28347101202311, -1.05261977134734, 0.264750349526206, 0.255783687435369,
                    30.9037001821673, 94});
        for (Map.Entry<String, double[]> param : expected.entrySet()) {
            double[] r = param.getValue();
            for (String formula : List.of("~ TRTP", "Surv(AVAL, 1 - CNSR) ~ TRTP", "Surv(AVAL, CNSR == 0) ~ TRTP")) {
                String at = param.getKey() + " " + formula;
                Map<String, Object> cox = adam(new CoxMethod(), ADTTE, Map.of("formula", formula, "param", param.getKey()));
                double[] beta = numbers(cox.get("coefficients"));
                double[] se = numbers(cox.get("standardErrors"));
                assertEquals(r[0], beta[0], 1e-8, at);
                assertEquals(r[1], beta[1], 1e-8, at);
                assertEquals(r[2], se[0], 1e-8, at);
                assertEquals(r[3], se[1], 1e-8, at);
                assertEquals((long) r[5], cox.get("events"), at);
            }
            Map<String, Object> logrank = adam(new LogRankMethod(), ADTTE, Map.of("param", param.getKey()));
            assertEquals("TRTP", logrank.get("groupColumn"));
            assertEquals(r[4], ((Number) logrank.get("chiSquare")).doubleValue(), 1e-9, param.getKey());
        }
        InvalidParameterException wrong = assertThrows(InvalidParameterException.class,
                () -> adam(new CoxMethod(), ADTTE, Map.of("formula", "Surv(AVAL, CNSR) ~ TRTP", "param", "OS")));
        assertTrue(wrong.getMessage().contains("ADaM's CNSR is a censoring flag"), wrong.getMessage());
    }

    /**
     * Optional, run locally, not in CI: the SAS-written CDISC pilot adtte.xpt (not in the repository; where to get it:
     * docs/data.md) in the folder named by DAYBREAK_CDISC_PILOT (or the system property daybreak.cdisc.pilot).
     * R 4.2.2, survival 3.5.3 on that file: medians NA, 36 (25, 47), 33 (28, 51), 152 events; log HR 1.61461847858267
     * (se 0.233260526262463) and 1.42255495286673 (se 0.229509800940140); log-rank chi-square 60.2695567390281.
     */
    @Test
    void theCdiscPilotAdtteWhenItIsThere() throws Exception {
        String folder = System.getProperty("daybreak.cdisc.pilot", System.getenv("DAYBREAK_CDISC_PILOT"));
        Path pilot = folder == null ? null : Path.of(folder, "adtte.xpt");
        Assumptions.assumeTrue(pilot != null && Files.isRegularFile(pilot),
                "DAYBREAK_CDISC_PILOT names no folder with the pilot's adtte.xpt");
        String file = pilot.toAbsolutePath().toString();
        Map<String, Object> km = adam(new KaplanMeierMethod(), file, Map.of("groupBy", "TRTP"));
        assertEquals("TTDE", km.get("paramcd"));
        assertEquals(152L, km.get("events"));
        assertEquals(List.of(Double.NaN, 36.0, 33.0), km.get("median"));
        assertEquals(List.of(Double.NaN, 25.0, 28.0), km.get("medianLower"));
        assertEquals(List.of(Double.NaN, 47.0, 51.0), km.get("medianUpper"));
        double[] beta = numbers(adam(new CoxMethod(), file, Map.of("formula", "~ TRTP")).get("coefficients"));
        assertEquals(1.61461847858267, beta[0], 1e-8);
        assertEquals(1.42255495286673, beta[1], 1e-8);
        assertEquals(60.2695567390281,
                ((Number) adam(new LogRankMethod(), file, Map.of()).get("chiSquare")).doubleValue(), 1e-9);
    }

    @Test
    void severalParametersAreNeverPooled() throws Exception {
        StringBuilder csv = new StringBuilder("USUBJID,PARAMCD,AVAL,CNSR,TRTP\n");
        for (int i = 0; i < 20; i++) {
            csv.append("S").append(i).append(",OS,").append(10 + i).append(',').append(i % 3 == 0 ? 1 : 0)
                    .append(i % 2 == 0 ? ",A\n" : ",B\n");
            csv.append("S").append(i).append(",PFS,").append(5 + i).append(',').append(i % 4 == 0 ? 1 : 0)
                    .append(i % 2 == 0 ? ",A\n" : ",B\n");
        }
        Path file = dir.resolve("adtte.csv");
        Files.writeString(file, csv);
        String path = file.toString();
        InvalidParameterException pooled = assertThrows(InvalidParameterException.class,
                () -> adam(new KaplanMeierMethod(), path, Map.of()));
        assertTrue(pooled.getMessage().contains("2 ADaM parameters (PARAMCD: OS, PFS)"), pooled.getMessage());
        assertTrue(pooled.getMessage().contains("param=OS"), pooled.getMessage());
        Map<String, Object> os = adam(new KaplanMeierMethod(), path, Map.of("param", "OS"));
        assertEquals(20L, os.get("n"));
        assertEquals(13L, os.get("events"), "CNSR 0 (i % 3 != 0) is the event");
        assertEquals("OS", os.get("paramcd"));
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> adam(new CoxMethod(), path, Map.of("param", "DFS", "formula", "~ TRTP")));
        assertTrue(unknown.getMessage().contains("no rows with PARAMCD 'DFS'; PARAMCD values: OS, PFS"),
                unknown.getMessage());
        Map<String, Object> rmst = adam(new RmstMethod(), path, Map.of("param", "PFS", "arm", "TRTP", "tau", "20"));
        assertEquals(List.of("A", "B"), rmst.get("groupLabels"));
    }

    @Test
    void columnsNamedTimeAndStatusStillWin() throws Exception {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, "time,status,AVAL,CNSR\n1,1,9,1\n2,0,9,1\n3,1,9,1\n4,1,9,0\n");
        Map<String, Object> km = adam(new KaplanMeierMethod(), file.toString(), Map.of());
        assertEquals("time", km.get("timeColumn"));
        assertEquals(3L, km.get("events"), "status read as R's Surv() reads it: 1 = event");
    }
}
