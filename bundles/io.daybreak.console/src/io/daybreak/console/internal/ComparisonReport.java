package io.daybreak.console.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.daybreak.charts.BarChart;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.data.AtomicFiles;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * A self-contained HTML report of a design comparison ({@code design.compare}'s table): per scenario, labelled with
 * its target and true MTD, the selection percentage and the mean patients per dose for every design, as grouped bar
 * charts in inline SVG and as a table (the true MTD's column marked), then each design's trial-level measures: no
 * dose selected, stopped early, correct selection, mean sample size and both overdose measures. A table from before
 * those columns existed (a saved {@code compare --out} file read by {@code report --comparison}) gives the charts and
 * the per-dose table only. No scripts, no external files: it opens anywhere and can be archived with the run.
 */
final class ComparisonReport {
    private static final List<String> COLUMNS = List.of("scenario", "design", "dose", "truth", "selectionPercent",
            "patients");

    private ComparisonReport() {
    }

    /** The trial-level columns, optional (absent from tables written before they existed), with their headings. */
    private static final Map<String, String> TRIAL_MEASURES = trialMeasures();

    private static Map<String, String> trialMeasures() {
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("noSelectionPercent", "no dose selected (% of trials)");
        measures.put("earlyStopPercent", "stopped early (% of trials)");
        measures.put("meanPatients", "mean patients per trial");
        measures.put("patientsAboveMtdPercent", "patients treated above the MTD (% of patients)");
        measures.put("selectionAboveMtdPercent", "a dose above the MTD selected (% of trials)");
        return measures;
    }

    /**
     * One scenario's values: per design, per dose; the target (NaN if the table does not say), the true MTD (1-based,
     * 0 for none, −1 if the table does not say) and per design its trial-level measures (NaN where not defined).
     */
    private record Scenario(List<Double> truth, Map<String, List<double[]>> byDesign, double[] targetAndMtd,
            Map<String, double[]> trialMeasures) {
        double target() {
            return targetAndMtd[0];
        }

        int trueMtd() {
            return (int) targetAndMtd[1];
        }
    }

    /** The style sheet of Daybreak's reports (inline, so a report is one file). */
    static final String STYLE = "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}"
            + "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}h3{font-size:1em}"
            + "table{border-collapse:collapse;margin:.5em 0}"
            + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#f4f4f4}"
            // a long value (a mixture prior's text) wraps instead of widening the page
            + "td{overflow-wrap:anywhere}"
            + ".legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:.9em;"
            + "height:.9em;margin-right:.3em;vertical-align:middle}.meta{color:#666;font-size:.85em}"
            + "td.text,th.text{text-align:left}.mtd{background:#fff3c4}"
            + "tr.signal td{background:#fde2e1}table.signals{font-size:.8em}table.signals td{white-space:nowrap}</style>";

    static void write(Table comparison, ProvenanceRecord provenance, Path file) throws IOException {
        String body = scenarios(comparison);
        AtomicFiles.write(file, out -> {
            Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            html.write(render(body, provenance));
            html.flush();
        });
    }

    /** The charts and tables of every scenario of a design comparison table, as an HTML fragment. */
    static String scenarios(Table comparison) {
        for (String column : COLUMNS) {
            if (!comparison.hasColumn(column)) {
                throw new InvalidInputException("a design comparison table needs column '" + column
                        + "' (from design.compare)");
            }
        }
        StringBuilder html = new StringBuilder();
        for (Map.Entry<Long, Scenario> entry : group(comparison).entrySet()) {
            Scenario scenario = entry.getValue();
            List<String> designs = new ArrayList<>(scenario.byDesign().keySet());
            html.append("<h3>Scenario ").append(entry.getKey()).append(": true DLT probabilities ")
                    .append(escape(format(scenario.truth()))).append(heading(scenario)).append("</h3>\n");
            html.append(chart(scenario, designs, 0, "Selection as MTD (%)", "% of trials", 100));
            html.append(chart(scenario, designs, 1, "Patients per dose (mean)", "Mean patients per trial",
                    Double.NaN));
            html.append(table(scenario, designs));
            html.append(trialTable(scenario, designs));
        }
        return html.toString();
    }

    /** "; target 0.3; true MTD: dose 3", from what the table says. */
    private static String heading(Scenario scenario) {
        String text = Double.isNaN(scenario.target()) ? "" : "; target " + trim(scenario.target());
        if (scenario.trueMtd() > 0) {
            text += "; true MTD: dose " + scenario.trueMtd() + " (the highest dose with a true DLT probability at most"
                    + " the target)";
        } else if (scenario.trueMtd() == 0) {
            text += "; true MTD: none (every dose is above the target; selecting no dose is correct)";
        }
        return escape(text);
    }

    private static Map<Long, Scenario> group(Table table) {
        Map<Long, Scenario> scenarios = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            long scenario = table.longs("scenario").get(row);
            String design = table.strings("design").get(row);
            int dose = (int) table.longs("dose").get(row);
            Scenario s = scenarios.computeIfAbsent(scenario, k -> new Scenario(new ArrayList<>(), new LinkedHashMap<>(),
                    new double[] {Double.NaN, -1}, new LinkedHashMap<>()));
            if (s.truth().size() < dose) {
                s.truth().add(table.doubles("truth").get(row));
            }
            if (table.hasColumn("target") && table.hasColumn("trueMtd")) {
                s.targetAndMtd()[0] = table.doubles("target").get(row);
                s.targetAndMtd()[1] = table.longs("trueMtd").get(row);
            }
            double[] measures = new double[TRIAL_MEASURES.size()];
            int m = 0;
            for (String column : TRIAL_MEASURES.keySet()) {
                measures[m++] = table.hasColumn(column) ? table.doubles(column).get(row) : Double.NaN;
            }
            s.trialMeasures().put(design, measures);
            s.byDesign().computeIfAbsent(design, k -> new ArrayList<>()).add(new double[] {
                table.doubles("selectionPercent").get(row), table.doubles("patients").get(row)});
        }
        return scenarios;
    }

    private static String render(String scenarios, ProvenanceRecord provenance) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Daybreak design comparison</title>" + STYLE + "</head><body>\n");
        html.append("<h1>Design comparison on common random numbers</h1>\n<p class=\"meta\">")
                .append(escape(provenance.methodId() + " " + provenance.methodVersion() + ", seed " + provenance.seed()
                        + ", parameters " + provenance.parameters() + ", " + provenance.finished()))
                .append("</p>\n").append(scenarios);
        return html.append("</body></html>\n").toString();
    }

    /** A grouped bar chart from the shared chart model: doses on the x axis, one bar per design. */
    private static String chart(Scenario scenario, List<String> designs, int measure, String title, String axisTitle,
            double fixedMax) {
        int doses = scenario.truth().size();
        List<String> categories = new ArrayList<>();
        for (int d = 0; d < doses; d++) {
            categories.add((d + 1) + " (" + trim(scenario.truth().get(d)) + ")" + (d + 1 == scenario.trueMtd() ? " MTD" : ""));
        }
        double[][] values = new double[designs.size()][doses];
        for (int i = 0; i < designs.size(); i++) {
            for (int d = 0; d < doses; d++) {
                values[i][d] = scenario.byDesign().get(designs.get(i)).get(d)[measure];
            }
        }
        return SvgRenderer.svg(BarChart.of(title, "Dose level (true DLT probability)", categories, designs, values,
                axisTitle, fixedMax));
    }

    private static String table(Scenario scenario, List<String> designs) {
        boolean known = !scenario.trialMeasures().isEmpty() && !Double.isNaN(
                scenario.trialMeasures().values().iterator().next()[0]);
        StringBuilder table = new StringBuilder("<table><tr><th>design</th>");
        for (int d = 0; d < scenario.truth().size(); d++) {
            boolean mtd = d + 1 == scenario.trueMtd();
            table.append(mtd ? "<th class=\"mtd\">" : "<th>").append("dose ").append(d + 1).append("<br>")
                    .append(trim(scenario.truth().get(d))).append(mtd ? "<br>true MTD" : "").append("</th>");
        }
        table.append(known ? "<th" + (scenario.trueMtd() == 0 ? " class=\"mtd\"" : "") + ">no dose</th>" : "").append("</tr>");
        for (String design : designs) {
            table.append("<tr><th>").append(escape(design)).append(" selection %</th>");
            cells(table, scenario, design, 0);
            if (known) {
                table.append(cell(scenario.trialMeasures().get(design)[0], scenario.trueMtd() == 0));
            }
            table.append("</tr><tr><th>").append(escape(design)).append(" patients</th>");
            cells(table, scenario, design, 1);
            table.append(known ? "<td></td>" : "").append("</tr>");
        }
        return table.append("</table>\n").toString();
    }

    private static void cells(StringBuilder table, Scenario scenario, String design, int measure) {
        List<double[]> values = scenario.byDesign().get(design);
        for (int d = 0; d < values.size(); d++) {
            table.append(cell(values.get(d)[measure], d + 1 == scenario.trueMtd()));
        }
    }

    private static String cell(double value, boolean mtd) {
        return (mtd ? "<td class=\"mtd\">" : "<td>")
                + (Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, "%.1f", value)) + "</td>";
    }

    /** Per design: no dose selected, stopped early, mean N and both overdose measures; empty for an older table. */
    private static String trialTable(Scenario scenario, List<String> designs) {
        if (scenario.trialMeasures().values().stream().allMatch(m -> Double.isNaN(m[0]))) {
            return "";
        }
        StringBuilder table = new StringBuilder("<table><tr><th>design</th>");
        for (String heading : TRIAL_MEASURES.values()) {
            table.append("<th>").append(escape(heading)).append("</th>");
        }
        table.append("</tr>");
        for (String design : designs) {
            table.append("<tr><th>").append(escape(design)).append("</th>");
            for (double value : scenario.trialMeasures().get(design)) {
                table.append(cell(value, false));
            }
            table.append("</tr>");
        }
        return table.append("</table>\n<p class=\"meta\">Stopped early: fewer patients than the maximum sample size "
                + "(&ndash; for 3+3, which has none). The true MTD's column is shaded.</p>\n").toString();
    }

    private static String format(List<Double> values) {
        return values.stream().map(ComparisonReport::trim).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String trim(double value) {
        return Output.format(value);
    }

    static String escape(String text) {
        return SvgRenderer.escape(text);
    }
}
