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
 * A self-contained HTML report of a design comparison ({@code design.compare}'s table): per scenario, the
 * selection percentage and the mean patients per dose for every design, as a table and as grouped bar
 * charts in inline SVG. No scripts, no external files: it opens anywhere and can be archived with the run.
 */
final class ComparisonReport {
    private static final List<String> COLUMNS = List.of("scenario", "design", "dose", "truth", "selectionPercent",
            "patients");

    private ComparisonReport() {
    }

    /** One scenario's values: per design, per dose. */
    private record Scenario(List<Double> truth, Map<String, List<double[]>> byDesign) {
    }

    /** The style sheet of Daybreak's reports (inline, so a report is one file). */
    static final String STYLE = "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}"
            + "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}h3{font-size:1em}"
            + "table{border-collapse:collapse;margin:.5em 0}"
            + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#f4f4f4}"
            + ".legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:.9em;"
            + "height:.9em;margin-right:.3em;vertical-align:middle}.meta{color:#666;font-size:.85em}"
            + "td.text,th.text{text-align:left}</style>";

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
                    .append(escape(format(scenario.truth()))).append("</h3>\n");
            html.append(chart(scenario, designs, 0, "Selection as MTD (%)", "% of trials", 100));
            html.append(chart(scenario, designs, 1, "Patients per dose (mean)", "Mean patients per trial",
                    Double.NaN));
            html.append(table(scenario, designs));
        }
        return html.toString();
    }

    private static Map<Long, Scenario> group(Table table) {
        Map<Long, Scenario> scenarios = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            long scenario = table.longs("scenario").get(row);
            String design = table.strings("design").get(row);
            int dose = (int) table.longs("dose").get(row);
            Scenario s = scenarios.computeIfAbsent(scenario, k -> new Scenario(new ArrayList<>(), new LinkedHashMap<>()));
            if (s.truth().size() < dose) {
                s.truth().add(table.doubles("truth").get(row));
            }
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
            categories.add((d + 1) + " (" + trim(scenario.truth().get(d)) + ")");
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
        StringBuilder table = new StringBuilder("<table><tr><th>design</th>");
        for (int d = 0; d < scenario.truth().size(); d++) {
            table.append("<th>dose ").append(d + 1).append("<br>").append(trim(scenario.truth().get(d))).append("</th>");
        }
        table.append("</tr>");
        for (String design : designs) {
            table.append("<tr><th>").append(escape(design)).append(" selection %</th>");
            for (double[] value : scenario.byDesign().get(design)) {
                table.append("<td>").append(String.format(Locale.ROOT, "%.1f", value[0])).append("</td>");
            }
            table.append("</tr><tr><th>").append(escape(design)).append(" patients</th>");
            for (double[] value : scenario.byDesign().get(design)) {
                table.append("<td>").append(String.format(Locale.ROOT, "%.1f", value[1])).append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>\n").toString();
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
