package io.daybreak.methods.design.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.threeplusthree.ThreePlusThreeMethod;

/**
 * The comparison runs every design on the same simulated patients: each design's numbers equal those of the
 * design's own method run with the same seed (trial r uses stream r, one uniform per patient).
 */
class CompareTest extends MethodTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void everyDesignSeesTheSamePatientsAsItsOwnMethod() throws Exception {
        String truth = "0.05,0.12,0.25,0.40,0.55";
        MethodResult result = apply(new CompareMethod(), Map.of("scenarios", truth, "designs", "3plus3,boin",
                "target", "0.3", "cohorts", "10", "trials", "5000"), Map.of(), new TestMethodContext(allocator, 99));
        try (Table table = result.outputs().get("comparison")) {
            List<Double> boin = (List<Double>) summary(new BoinMethod(), Map.of("truth", truth, "target", "0.3",
                    "cohorts", "10", "trials", "5000"), 99).get("selectionPercent");
            List<Double> threePlusThree = (List<Double>) summary(new ThreePlusThreeMethod(), Map.of("truth", truth,
                    "oc", "simulate", "trials", "5000"), 99).get("selectionPercent");
            for (int row = 0; row < table.rowCount(); row++) {
                int dose = (int) table.longs("dose").get(row) - 1;
                List<Double> expected = table.strings("design").get(row).equals("boin") ? boin : threePlusThree;
                assertEquals(expected.get(dose), table.doubles("selectionPercent").get(row), 1e-9, "row " + row);
            }
            assertEquals(2 * 5, table.rowCount());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void blrmSeesTheSamePatientsAsItsOwnMethod() throws Exception {
        String truth = "0.05,0.12,0.25,0.40,0.55";
        MethodResult result = apply(new CompareMethod(), Map.of("scenarios", truth, "designs", "blrm", "target", "0.3",
                "cohorts", "8", "trials", "400"), Map.of(), new TestMethodContext(allocator, 7));
        try (Table table = result.outputs().get("comparison")) {
            List<Double> blrm = (List<Double>) summary(new BlrmMethod(), Map.of("truth", truth, "target", "0.3",
                    "cohorts", "8", "trials", "400"), 7).get("selectionPercent");
            for (int row = 0; row < table.rowCount(); row++) {
                assertEquals(blrm.get(row), table.doubles("selectionPercent").get(row), 1e-9, "row " + row);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachScenarioCarriesTheTrialMeasuresOfEachDesignsOwnMethod() throws Exception {
        String truth = "0.05,0.12,0.25,0.40,0.55";
        MethodResult result = apply(new CompareMethod(), Map.of("scenarios", truth + "/0.4,0.5,0.6", "designs",
                "3plus3,boin", "target", "0.3", "cohorts", "10", "trials", "3000"), Map.of(),
                new TestMethodContext(allocator, 5));
        result.outputs().values().forEach(Table::close);
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) result.summary().get("byScenario");
        assertEquals(2, scenarios.size());
        Map<String, Object> first = scenarios.get(0);
        assertEquals(3L, first.get("trueMtd"));
        assertEquals(0.3, (Double) first.get("target"), 0);
        assertEquals(List.of(0.05, 0.12, 0.25, 0.40, 0.55), first.get("truth"));
        Map<String, Object> boinRow = ((List<Map<String, Object>>) first.get("designs")).get(1);
        Map<String, Object> boin = summary(new BoinMethod(), Map.of("truth", truth, "target", "0.3", "cohorts", "10",
                "trials", "3000"), 5);
        assertEquals("boin", boinRow.get("design"));
        assertEquals(boin.get("selectionPercent"), boinRow.get("selectionPercent"));
        for (String key : List.of("noSelectionPercent", "earlyStopPercent", "meanPatients", "patientsAboveMtdPercent",
                "selectionAboveMtdPercent")) {
            assertEquals(boin.get(key), boinRow.get(key), key);
        }
        assertEquals(((List<Double>) boin.get("selectionPercent")).get(2), boinRow.get("correctSelectionPercent"));
        Map<String, Object> threeRow = ((List<Map<String, Object>>) first.get("designs")).get(0);
        assertEquals(null, threeRow.get("earlyStopPercent"), "3+3 has no maximum sample size");
        Map<String, Object> toxic = scenarios.get(1);
        assertEquals(0L, toxic.get("trueMtd"));
        for (Map<String, Object> row : (List<Map<String, Object>>) toxic.get("designs")) {
            assertEquals(row.get("noSelectionPercent"), row.get("correctSelectionPercent"),
                    "with no true MTD, selecting no dose is correct");
            assertEquals(100 - (Double) row.get("noSelectionPercent"), (Double) row.get("selectionAboveMtdPercent"), 1e-9,
                    "with no true MTD every dose is above it");
        }
    }

    @Test
    void badScenariosAndDesignsAreNamed() {
        assertThrows(InvalidParameterException.class,
                () -> summary(new CompareMethod(), Map.of("scenarios", "0.1,x", "target", "0.3"), 1));
        assertThrows(InvalidParameterException.class, () -> summary(new CompareMethod(), Map.of("scenarios", "0.1,0.2",
                "designs", "boin,ewoc", "target", "0.3"), 1));
    }
}
