package io.daybreak.methods.design.pathways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;

/** Pathways follow each design's published rules for the first cohorts. */
class PathwaysTest extends MethodTestSupport {

    private record Row(long cohort, String history, long dose, long dlts, Long next, String decision) {
    }

    private List<Row> pathways(Map<String, String> raw) throws Exception {
        MethodResult result = apply(new PathwaysMethod(), raw, Map.of(), new TestMethodContext(allocator, 1));
        try (Table table = result.outputs().get("pathways")) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < table.rowCount(); i++) {
                rows.add(new Row(table.longs("cohort").get(i), table.strings("history").get(i),
                        table.longs("dose").get(i), table.longs("dlts").get(i),
                        table.longs("nextDose").isNull(i) ? null : table.longs("nextDose").get(i),
                        table.strings("decision").get(i)));
            }
            return rows;
        }
    }

    @Test
    void threePlusThreeFirstTwoCohorts() throws Exception {
        List<Row> rows = pathways(Map.of("design", "3plus3", "doses", "4", "cohorts", "2"));
        // cohort 1 at dose 1: 0/3 escalate, 1/3 stay, 2/3 and 3/3 stop without a dose
        Row first = rows.get(0);
        assertEquals(new Row(1, "", 1, 0, 2L, "escalate"), first);
        Row oneOfThree = rows.stream().filter(r -> r.cohort() == 1 && r.dlts() == 1).findFirst().orElseThrow();
        assertEquals("stay", oneOfThree.decision());
        Row twoOfThree = rows.stream().filter(r -> r.cohort() == 1 && r.dlts() == 2).findFirst().orElseThrow();
        assertNull(twoOfThree.next());
        assertEquals("stop, no dose selected", twoOfThree.decision());
        // after 1/3 then 0/3 at dose 1 (1/6): escalate to dose 2; after 1/3 then 1/3 (2/6): stop
        assertEquals("escalate", rows.stream().filter(r -> r.history().equals("D1:1/3") && r.dlts() == 0)
                .findFirst().orElseThrow().decision());
        assertEquals("stop, no dose selected", rows.stream().filter(r -> r.history().equals("D1:1/3")
                && r.dlts() == 1).findFirst().orElseThrow().decision());
        // after 0/3 at dose 1, cohort 2 is at dose 2; 2/3 there stops with MTD = dose 1
        assertEquals("stop, MTD = dose 1", rows.stream().filter(r -> r.history().equals("D1:0/3") && r.dlts() == 2)
                .findFirst().orElseThrow().decision());
        assertEquals(4 + 2 * 4, rows.size(), "4 outcomes, then 4 more after each of the 2 that continue");
    }

    @Test
    void boinFirstCohortFollowsItsBoundaries() throws Exception {
        // target 0.3, n = 3: escalate if 0 DLTs, de-escalate if >= 2 (impossible at dose 1: stay), eliminate at 3
        List<Row> rows = pathways(Map.of("design", "boin", "doses", "4", "cohorts", "1", "target", "0.3"));
        assertEquals(List.of(2L, 1L, 1L), rows.subList(0, 3).stream().map(Row::next).toList());
        assertEquals("stop, no dose selected", rows.get(3).decision());
        List<Row> fromThree = pathways(Map.of("design", "boin", "doses", "4", "cohorts", "1", "startDose", "3"));
        assertEquals(List.of(4L, 3L, 2L), fromThree.subList(0, 3).stream().map(Row::next).toList());
    }

    @Test
    void crmNeverSkipsAndKeyboardRuns() throws Exception {
        List<Row> crm = pathways(Map.of("design", "crm", "doses", "5", "cohorts", "2", "skeleton",
                "0.02,0.05,0.1,0.2,0.3", "target", "0.3"));
        for (Row row : crm) {
            if (row.next() != null) {
                assertEquals(true, row.next() <= highestTried(row) + 1, "skipped a dose: " + row);
            }
        }
        // with no DLT in the first cohort the CRM would jump (skeleton far below target), but goes to dose 2 only
        assertEquals(2L, crm.get(0).next());
        List<Row> one = pathways(Map.of("design", "keyboard", "doses", "3", "cohorts", "1"));
        long continuing = one.stream().filter(r -> r.next() != null).count();
        assertEquals(4 + 4 * continuing, pathways(Map.of("design", "keyboard", "doses", "3", "cohorts", "2")).size());
        assertThrows(InvalidParameterException.class, () -> pathways(Map.of("design", "3plus3", "doses", "3",
                "cohortSize", "2")));
    }

    @Test
    void blrmFollowsEwocWithoutSkipping() throws Exception {
        List<Row> blrm = pathways(Map.of("design", "blrm", "doses", "6", "cohorts", "3", "target", "0.3"));
        for (Row row : blrm) {
            if (row.next() != null) {
                assertEquals(true, row.next() <= highestTried(row) + 1, "skipped a dose: " + row);
            }
        }
        // 0/3 at dose 1 escalates; 3/3 at dose 1 leaves no dose with P(overdose) <= 0.25 under the default prior
        assertEquals(2L, blrm.get(0).next());
        Row allToxic = blrm.stream().filter(r -> r.cohort() == 1 && r.dlts() == 3).findFirst().orElseThrow();
        assertNull(allToxic.next());
        assertEquals("stop, no dose selected", allToxic.decision());
    }

    /** The highest dose given so far on this row's path, including this cohort's. */
    private static long highestTried(Row row) {
        long highest = row.dose();
        java.util.regex.Matcher doses = java.util.regex.Pattern.compile("D(\\d+):").matcher(row.history());
        while (doses.find()) {
            highest = Math.max(highest, Long.parseLong(doses.group(1)));
        }
        return highest;
    }
}
