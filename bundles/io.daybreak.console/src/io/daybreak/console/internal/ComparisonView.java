package io.daybreak.console.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text of a design comparison (design.compare's summary field {@code byScenario}; docs/cli.md, "compare"): one
 * table per scenario, labelled with its true DLT rates, target and true MTD, with a row per design: the % of trials
 * selecting each dose (the true MTD's column marked *), selecting none, selecting the true MTD, stopping early, the
 * mean sample size and both overdose measures. Values to one decimal, as {@code BOIN::get.oc} prints them.
 */
final class ComparisonView {
    private ComparisonView() {
    }

    static boolean applies(Map<String, Object> summary) {
        return summary.get("byScenario") instanceof List<?> scenarios && !scenarios.isEmpty()
                && scenarios.stream().allMatch(s -> s instanceof Map<?, ?> m && Output.isTable(m.get("designs")));
    }

    /** @param trials the simulated trials per design and scenario, if known (for the SE bound), else null */
    @SuppressWarnings("unchecked")
    static void print(PrintStream out, Map<String, Object> s, Object trials, String indent) {
        Map<String, Object> other = new LinkedHashMap<>(s);
        other.keySet().removeAll(Set.of("byScenario", "correctSelectionPercent"));
        Output.keyValues(out, other, indent);
        for (Object item : (List<Object>) s.get("byScenario")) {
            Map<String, Object> scenario = (Map<String, Object>) item;
            long trueMtd = ((Number) scenario.get("trueMtd")).longValue();
            List<Object> truth = (List<Object>) scenario.get("truth");
            out.println();
            out.println(indent + "scenario " + scenario.get("scenario") + ": true DLT rates "
                    + String.join(", ", truth.stream().map(Output::format).toList()) + "; target "
                    + Output.format(scenario.get("target")) + "; true MTD: "
                    + (trueMtd > 0 ? "dose " + trueMtd + " (*)" : "none (every dose is above the target)"));
            List<String> header = new ArrayList<>(List.of("design"));
            for (int d = 1; d <= truth.size(); d++) {
                header.add("dose " + d + (d == trueMtd ? "*" : ""));
            }
            header.addAll(List.of("none", "correct", "stopped early", "mean N", "patients > MTD", "selected > MTD"));
            List<List<String>> rows = new ArrayList<>();
            for (Object r : (List<Object>) scenario.get("designs")) {
                Map<String, Object> design = (Map<String, Object>) r;
                List<String> row = new ArrayList<>(List.of(String.valueOf(design.get("design"))));
                for (Object percent : (List<Object>) design.get("selectionPercent")) {
                    row.add(oneDecimal(percent));
                }
                for (String key : List.of("noSelectionPercent", "correctSelectionPercent", "earlyStopPercent",
                        "meanPatients", "patientsAboveMtdPercent", "selectionAboveMtdPercent")) {
                    row.add(oneDecimal(design.get(key)));
                }
                rows.add(row);
            }
            AlignedTable.print(out, indent + "  ", header, rows);
        }
        out.println();
        out.println(indent + "% of trials selecting each dose, none, the true MTD (correct) or a dose above it (selected > MTD);"
                + " stopped early:");
        out.println(indent + "% of trials with fewer patients than the maximum (- for 3plus3, which has none); patients > MTD:"
                + " % of patients");
        if (trials instanceof Number n && n.longValue() > 0) {
            out.println(indent + "Monte Carlo SE of a % at most " + String.format(Locale.ROOT, "%.2f",
                    100 * Math.sqrt(0.25 / n.doubleValue())) + " (" + n + " trials per design and scenario)");
        }
    }

    private static String oneDecimal(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : "-";
    }
}
