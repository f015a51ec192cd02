package io.daybreak.methods.signal.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/** signal.disproportionality on the synthetic reports against R (docs/validation/r/signal/disproportionality.R). */
class DisproportionalityMethodTest extends MethodTestSupport {
    static final List<String> CONTRACT = List.of("drug", "event", "n", "n_drug", "n_event", "n_total", "expected", "prr",
            "prr_lower", "prr_upper", "chisq_yates", "ror", "ror_lower", "ror_upper", "fisher_p", "ic", "ic_lower",
            "ic_upper", "signal_prr", "signal_ror", "signal_ic", "signal");

    private final DisproportionalityMethod method = new DisproportionalityMethod();

    static Map<String, Object> stratified() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("report", "report");
        raw.put("strata", "sex,age_group,year");
        return raw;
    }

    @Test
    void signalsTableFollowsTheContractAndEqualsR() throws Exception {
        Map<String, Object> raw = stratified();
        raw.put("sortBy", "ic_lower");
        raw.put("criteria", "prr,ic");
        try (Table data = CsvReader.read(ReferenceData.REPORTS, allocator)) {
            Map<String, Object> summary = run(method, Map.of("data", data), raw, 1, outputs -> {
                Table signals = outputs.get("signals");
                assertEquals(CONTRACT, signals.columnNames());
                for (String name : CONTRACT) {
                    ColumnType expected = name.equals("drug") || name.equals("event") ? ColumnType.STRING
                            : name.startsWith("signal") ? ColumnType.BOOLEAN : ColumnType.FLOAT64;
                    assertEquals(expected, signals.columnType(name), name);
                }
                assertEquals(1134, signals.rowCount());
                Map<String, Integer> rowOf = new HashMap<>();
                for (int i = 0; i < signals.rowCount(); i++) {
                    rowOf.put(signals.strings("drug").get(i) + "/" + signals.strings("event").get(i), i);
                }
                for (Map<String, String> ref : ReferenceData.read("disproportionality-reference.csv")) {
                    int i = rowOf.get(ref.get("drug") + "/" + ref.get("event"));
                    for (String column : List.of("n", "n_drug", "n_event", "n_total", "expected", "prr", "prr_lower",
                            "ror_upper", "fisher_p", "ic", "ic_lower", "ic_upper")) {
                        double r = ReferenceData.number(ref, column);
                        DoubleColumn values = signals.doubles(column);
                        if (Double.isFinite(r)) {
                            assertRelative(r, values.get(i), 1e-9, ref.get("drug") + "/" + ref.get("event") + " " + column);
                        } else {
                            assertTrue(values.isNull(i), column + " undefined in R is null");
                        }
                    }
                    boolean ic = ReferenceData.number(ref, "ic_lower") > 0;
                    assertEquals(ic, signals.booleans("signal_ic").get(i));
                    assertEquals(ic || signals.booleans("signal_prr").get(i), signals.booleans("signal").get(i));
                }
                DoubleColumn sorted = signals.doubles("ic_lower");
                for (int i = 1; i < signals.rowCount(); i++) {
                    assertTrue(sorted.get(i - 1) >= sorted.get(i), "sorted by ic_lower, descending, at row " + i);
                }
            });
            assertEquals(6000L, summary.get("reports"));
            assertEquals(24L, summary.get("strata"));
        }
    }

    @Test
    void minCountDropsRarePairsAndPreCountedInputGivesTheSameStatistics() throws Exception {
        List<Map<String, String>> ref = ReferenceData.read("disproportionality-reference.csv");
        List<Object> drug = new ArrayList<>();
        List<Object> event = new ArrayList<>();
        List<Object> n = new ArrayList<>();
        List<Object> nd = new ArrayList<>();
        List<Object> ne = new ArrayList<>();
        List<Object> nt = new ArrayList<>();
        for (Map<String, String> row : ref) {
            drug.add(row.get("drug"));
            event.add(row.get("event"));
            n.add(ReferenceData.number(row, "n"));
            nd.add(ReferenceData.number(row, "n_drug"));
            ne.add(ReferenceData.number(row, "n_event"));
            nt.add(ReferenceData.number(row, "n_total"));
        }
        try (Table data = Table.builder(allocator).add("drug", ColumnType.STRING, drug).add("event", ColumnType.STRING,
                event).add("n", ColumnType.FLOAT64, n).add("nd", ColumnType.FLOAT64, nd).add("ne", ColumnType.FLOAT64, ne)
                .add("nt", ColumnType.FLOAT64, nt).build()) {
            Map<String, Object> raw = Map.of("count", "n", "drugCount", "nd", "eventCount", "ne", "totalCount", "nt",
                    "minCount", 3);
            long expectedRows = ref.stream().filter(r -> ReferenceData.number(r, "n") >= 3).count();
            run(method, Map.of("data", data), raw, 1, outputs -> {
                Table signals = outputs.get("signals");
                assertEquals(expectedRows, signals.rowCount(), "pairs with n >= 3");
                Map<String, Map<String, String>> byPair = new HashMap<>();
                ref.forEach(r -> byPair.put(r.get("drug") + "/" + r.get("event"), r));
                for (int i = 0; i < signals.rowCount(); i++) {
                    Map<String, String> r = byPair.get(signals.strings("drug").get(i) + "/" + signals.strings("event")
                            .get(i));
                    // unstratified: E = n_drug n_event / N
                    assertRelative(ReferenceData.number(r, "expected_unstratified"), signals.doubles("expected").get(i),
                            1e-12, "E");
                    assertRelative(ReferenceData.number(r, "prr"), signals.doubles("prr").get(i), 1e-12, "prr");
                    assertRelative(ReferenceData.number(r, "fisher_p"), signals.doubles("fisher_p").get(i), 1e-9, "p");
                }
            });
        }
    }

    @Test
    void badInputIsRefusedNamingParameterColumnAndRow() throws Exception {
        try (Table data = Table.builder(allocator).addString("drug", "A", "A", "B").addString("event", "X", "Y", "X")
                .addFloat64("n", 3, -1, 4).addFloat64("nd", 5, 6, 4).build()) {
            InvalidParameterException missing = assertThrows(InvalidParameterException.class, () -> run(method,
                    Map.of("data", data), Map.of("drug", "medicine"), 1, null));
            assertTrue(missing.getMessage().contains("'drug'") && missing.getMessage().contains("'medicine'"),
                    missing.getMessage());
            InvalidParameterException negative = assertThrows(InvalidParameterException.class, () -> run(method,
                    Map.of("data", data), Map.of("count", "n"), 1, null));
            assertTrue(negative.getMessage().contains("row 2") && negative.getMessage().contains("-1"),
                    negative.getMessage());
            InvalidParameterException both = assertThrows(InvalidParameterException.class, () -> run(method,
                    Map.of("data", data), Map.of("count", "n", "report", "drug"), 1, null));
            assertTrue(both.getMessage().contains("'report'"), both.getMessage());
            InvalidParameterException criteria = assertThrows(InvalidParameterException.class, () -> run(method,
                    Map.of("data", data), Map.of("criteria", "prr,bcpnn"), 1, null));
            assertTrue(criteria.getMessage().contains("bcpnn"), criteria.getMessage());
        }
        try (Table data = Table.builder(allocator).addString("drug", "A", "A").addString("event", "X", "Y")
                .addFloat64("n", 3, 4).addFloat64("nd", 6, 5).build()) {
            InvalidParameterException differs = assertThrows(InvalidParameterException.class, () -> run(method,
                    Map.of("data", data), Map.of("count", "n", "drugCount", "nd"), 1, null));
            assertTrue(differs.getMessage().contains("row 2"), differs.getMessage());
        }
        try (Table data = Table.builder(allocator).addString("drug", "A", "B").addString("event", "X", "X")
                .addFloat64("n", 3, 4).addFloat64("nd", 2, 5).build()) {
            InvalidParameterException inconsistent = assertThrows(InvalidParameterException.class, () -> run(method,
                    Map.of("data", data), Map.of("count", "n", "drugCount", "nd"), 1, null));
            assertTrue(inconsistent.getMessage().contains("inconsistent with its margins"), inconsistent.getMessage());
        }
    }
}
