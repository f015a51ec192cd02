package io.daybreak.methods.design.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.methods.design.oc.OperatingCharacteristics;

/**
 * The summary entry {@code byScenario} of design.compare: per scenario its truth, target and true MTD, and one row per
 * design with the selection % per dose and the trial-level measures, so that a scenario reads as one labelled table
 * (docs/cli.md, "compare").
 */
final class ScenarioSummary {
    private ScenarioSummary() {
    }

    static Map<String, Object> of(int scenario, double[] truth, double target, int trueMtd, List<Object> designRows) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("scenario", (long) scenario);
        entry.put("truth", java.util.Arrays.stream(truth).boxed().toList());
        entry.put("target", target);
        entry.put("trueMtd", (long) trueMtd + 1);
        entry.put("designs", designRows);
        return entry;
    }

    /** One design's row; earlyStopPercent is null for a design without a maximum sample size (3+3). */
    static Map<String, Object> designRow(String design, OperatingCharacteristics oc, double correctSelectionPercent) {
        List<Object> selection = new ArrayList<>();
        for (int d = 0; d < oc.doses(); d++) {
            selection.add(oc.selectionPercent(d));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("design", design);
        row.put("selectionPercent", selection);
        row.put("noSelectionPercent", oc.noSelectionPercent());
        row.put("correctSelectionPercent", correctSelectionPercent);
        row.put("earlyStopPercent", Double.isNaN(oc.earlyStopPercent()) ? null : oc.earlyStopPercent());
        row.put("meanPatients", oc.meanPatients());
        row.put("patientsAboveMtdPercent", oc.patientsAboveMtdPercent());
        row.put("selectionAboveMtdPercent", oc.selectionAboveMtdPercent());
        return row;
    }
}
