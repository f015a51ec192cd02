package io.daybreak.methods.stats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * Time-to-event analyses run straight from an ADaM ADTTE transport file (CDISC pilot data, resources/adtte.xpt; see
 * tests/io.daybreak.data.tests/resources/xpt/README.md) with no column parameters: time = AVAL, event = CNSR == 0.
 * Reference values from R 4.2.2, survival 3.5.3, on the SAS-written pilot adtte.xpt (phuse-scripts):
 *
 * <pre>
 * adtte &lt;- foreign::read.xport("adtte.xpt")
 * survfit(Surv(AVAL, 1 - CNSR) ~ TRTP, data = adtte)   # medians NA, 36 (25, 47), 33 (28, 51); 152 events
 * coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = adtte)     # coef 1.61461847858267 (se 0.233260526262463),
 *                                                       #      1.42255495286673 (se 0.229509800940140)
 * survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, data = adtte)$chisq   # 60.2695567390281
 * </pre>
 */
class AdamSurvivalTest extends StatsTestSupport {
    private static final String ADTTE = "adtte.xpt";

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
        Map<String, Object> km = adam(new KaplanMeierMethod(), ADTTE, Map.of("groupBy", "TRTP"));
        assertEquals("AVAL", km.get("timeColumn"));
        assertEquals("CNSR", km.get("statusColumn"));
        assertEquals(0.0, ((Number) km.get("eventValue")).doubleValue(), "CNSR 0 = event");
        assertEquals("TTDE", km.get("paramcd"));
        assertEquals(List.of("Placebo", "Xanomeline High Dose", "Xanomeline Low Dose"), km.get("groupLabels"));
        assertEquals(152L, km.get("events"));
        assertEquals(102L, km.get("censored"));
        double[] median = numbers(km.get("median"));
        assertTrue(Double.isNaN(median[0]), "placebo's curve stays above 0.5, as R's NA");
        assertEquals(36, median[1]);
        assertEquals(33, median[2]);
        assertEquals(List.of(Double.NaN, 25.0, 28.0), km.get("medianLower"));
        assertEquals(List.of(Double.NaN, 47.0, 51.0), km.get("medianUpper"));
        assertTrue(((String) km.get("roles")).contains("event = CNSR == 0"), (String) km.get("roles"));
        Map<String, Object> overall = adam(new KaplanMeierMethod(), ADTTE, Map.of());
        assertEquals(List.of(51.0), overall.get("median"));
    }

    @Test
    void coxAndLogRankOnTheTreatment() throws Exception {
        for (String formula : List.of("~ TRTP", "Surv(AVAL, 1 - CNSR) ~ TRTP", "Surv(AVAL, CNSR == 0) ~ TRTP")) {
            Map<String, Object> cox = adam(new CoxMethod(), ADTTE, Map.of("formula", formula));
            double[] beta = numbers(cox.get("coefficients"));
            double[] se = numbers(cox.get("standardErrors"));
            assertEquals(1.61461847858267, beta[0], 1e-8, formula);
            assertEquals(1.42255495286673, beta[1], 1e-8, formula);
            assertEquals(0.233260526262463, se[0], 1e-8, formula);
            assertEquals(0.229509800940140, se[1], 1e-8, formula);
            assertEquals(152L, cox.get("events"));
        }
        InvalidParameterException wrong = assertThrows(InvalidParameterException.class,
                () -> adam(new CoxMethod(), ADTTE, Map.of("formula", "Surv(AVAL, CNSR) ~ TRTP")));
        assertTrue(wrong.getMessage().contains("ADaM's CNSR is a censoring flag"), wrong.getMessage());
        Map<String, Object> logrank = adam(new LogRankMethod(), ADTTE, Map.of());
        assertEquals("TRTP", logrank.get("groupColumn"));
        assertEquals(60.2695567390281, ((Number) logrank.get("chiSquare")).doubleValue(), 1e-9);
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
