package io.daybreak.console.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text of a dose-finding design's operating characteristics (the summary fields every design of
 * io.daybreak.methods.design writes; docs/cli.md, "Design results"), laid out as {@code BOIN::get.oc}'s summary and a
 * trial report tabulate them: one row per dose with its true DLT rate, selection %, patients and DLTs, each mean ± its
 * Monte Carlo SE, then the trial-level measures, each with the JSON field that holds it. The flat per-dose arrays
 * the JSON document keeps for compatibility are not repeated. Other summary fields print as key/value lines first.
 */
final class DesignResultView {
    /** The fields shown by this view (the rest of a summary prints as key/value lines). */
    private static final Set<String> FIELDS = Set.of("doses", "selectionPercent", "selectionPercentSe",
            "noSelectionPercent", "noSelectionPercentSe", "stopPercent", "patientsPerDose", "dltsPerDose",
            "meanPatients", "meanDlts", "overdosePercent", "trueMtd", "trials", "method", "patientsPerDoseSe",
            "dltsPerDoseSe", "meanPatientsSe", "meanDltsSe", "patientsAboveMtdPercent", "patientsAboveMtdPercentSe",
            "selectionAboveMtdPercent", "selectionAboveMtdPercentSe", "maxPatients", "earlyStopPercent",
            "earlyStopPercentSe", "overdose60Percent", "overdose60PercentSe", "overdose80Percent", "overdose80PercentSe");

    private DesignResultView() {
    }

    static boolean applies(Map<String, Object> summary) {
        return Output.isTable(summary.get("doses")) && summary.containsKey("noSelectionPercent")
                && summary.containsKey("selectionAboveMtdPercent");
    }

    static void print(PrintStream out, Map<String, Object> s, String indent) {
        Map<String, Object> other = new LinkedHashMap<>(s);
        other.keySet().removeAll(FIELDS);
        Output.keyValues(out, other, indent);
        boolean exact = "exact".equals(s.get("method"));
        long trueMtd = number(s, "trueMtd").longValue();
        out.println(indent + "operating characteristics: " + (exact ? "exact (every outcome sequence enumerated)"
                : s.get("trials") + " simulated trials, mean ± Monte Carlo SE"));
        out.println(indent + "true MTD: " + (trueMtd > 0 ? "dose " + trueMtd
                + " (*), the highest dose whose true DLT rate is at most the target"
                : "none, every dose has a true DLT rate above the target"));
        List<List<String>> rows = new ArrayList<>();
        for (Object item : (List<?>) s.get("doses")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dose = (Map<String, Object>) item;
            long level = number(dose, "dose").longValue();
            rows.add(List.of(level + (level == trueMtd ? " *" : ""), Output.format(dose.get("truth")),
                    mean(dose, "selectionPercent", exact), mean(dose, "patients", exact), mean(dose, "dlts", exact)));
        }
        rows.add(List.of("none", "", mean(s, "noSelectionPercent", exact), "", ""));
        rows.add(List.of("all", "", "", mean(s, "meanPatients", exact), mean(s, "meanDlts", exact)));
        AlignedTable.print(out, indent + "  ", List.of("dose", "true DLT rate", "selected %", "patients", "DLTs"), rows);
        measures(out, s, exact, indent);
    }

    private static void measures(PrintStream out, Map<String, Object> s, boolean exact, String indent) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("no dose selected, % of trials", mean(s, "noSelectionPercent", exact),
                "noSelectionPercent (= stopPercent, get.oc's percentstop)"));
        if (s.containsKey("earlyStopPercent")) {
            rows.add(List.of("stopped early (< " + s.get("maxPatients") + " patients), % of trials",
                    mean(s, "earlyStopPercent", exact), "earlyStopPercent"));
        }
        rows.add(List.of("patients treated above the MTD, % of patients", mean(s, "patientsAboveMtdPercent", exact),
                "patientsAboveMtdPercent (= overdosePercent)"));
        rows.add(List.of("a dose above the MTD selected, % of trials", mean(s, "selectionAboveMtdPercent", exact),
                "selectionAboveMtdPercent"));
        for (String risk : List.of("60", "80")) {
            String key = "overdose" + risk + "Percent";
            if (s.containsKey(key)) {
                rows.add(List.of("> " + risk + "% of " + s.get("maxPatients") + " patients above the MTD, % of trials",
                        mean(s, key, exact), key + " (get.oc's overdose" + risk + ")"));
            }
        }
        AlignedTable.print(out, indent, null, rows, Set.of(2));
    }

    /** A mean to two decimals, ± its SE unless the values are exact. */
    private static String mean(Map<String, Object> values, String key, boolean exact) {
        double value = number(values, key).doubleValue();
        Object se = values.get(key + "Se");
        String text = String.format(Locale.ROOT, "%.2f", value);
        return exact || se == null ? text : text + " ± " + String.format(Locale.ROOT, "%.2f", ((Number) se).doubleValue());
    }

    private static Number number(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value instanceof Number n ? n : Double.NaN;
    }
}
