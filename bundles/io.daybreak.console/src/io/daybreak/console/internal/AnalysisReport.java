package io.daybreak.console.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.daybreak.charts.ForestPlot;
import io.daybreak.data.AtomicFiles;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * A self-contained HTML report of analysis results (the documents {@code fed --json} prints or {@code --save}s):
 * per analysis its results, Kaplan–Meier curves with confidence bands, a coefficient table with a forest plot,
 * and the result certificate (method, bundle digest, sites and N, rounds, policy checks); optionally a design
 * comparison's charts. Inline SVG, no scripts, no external files.
 */
final class AnalysisReport {
    private static final double Z95 = 1.959963984540054;

    private AnalysisReport() {
    }

    /** An HTML output path: named *.html, in an existing directory. */
    static Path htmlOutput(String option, String text) {
        Path path = Path.of(text);
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            throw new InvalidInputException(option + " " + text + ": the report is HTML; give a file name ending in .html");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException(option + " " + text + ": directory " + parent + " does not exist");
        }
        return path;
    }

    static void write(Path file, String title, List<Map<String, Object>> analyses, Table comparison) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>").append(ComparisonReport.STYLE).append("</head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (Map<String, Object> analysis : analyses) {
            html.append(analysis(analysis));
        }
        if (comparison != null) {
            html.append("<h2>Design comparison on common random numbers</h2>\n")
                    .append(ComparisonReport.scenarios(comparison));
        }
        String text = html.append("</body></html>\n").toString();
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(text);
            writer.flush();
        });
    }

    @SuppressWarnings("unchecked")
    private static String analysis(Map<String, Object> document) {
        Map<String, Object> summary = (Map<String, Object>) document.get("summary");
        Map<String, Object> certificate = (Map<String, Object>) document.get("certificate");
        String method = String.valueOf(document.get("method"));
        StringBuilder html = new StringBuilder("<h2>").append(escape(method))
                .append(certificate == null ? "" : " (federated, exact)").append("</h2>\n");
        if (document.get(RunReport.CHARTS) instanceof List<?> charts) {
            charts.forEach(svg -> html.append(svg).append('\n'));
        }
        if (!(document.get(RunReport.CHARTS) instanceof List<?>)) {
            // a saved signal result carrying its table in the summary: as rows (a local run), as columns under the
            // table's name or at the summary's top level (federated results)
            SignalReport.html(method, name -> SignalReport.rows(summary.containsKey(name) ? summary.get(name) : summary),
                    parameters(document))
                    .forEach(part -> html.append(part).append('\n'));
            // a saved biomarker result carrying its tables in the summary (as rows)
            BiomarkerReport.html(method, name -> SignalReport.rows(summary.get(name)), summary, parameters(document))
                    .forEach(part -> html.append(part).append('\n'));
            // a saved combination-design result carrying its tables in the summary (as rows)
            CombinationReport.html(method, name -> SignalReport.rows(summary.get(name)), summary)
                    .forEach(part -> html.append(part).append('\n'));
            // a saved design.blrm-map-prior result carrying its tables in the summary (as rows)
            BlrmMapReport.html(method, name -> SignalReport.rows(summary.get(name)), summary)
                    .forEach(part -> html.append(part).append('\n'));
            // a saved design.blrm-combo-posterior result carrying its table in the summary (as rows)
            ComboPosteriorReport.html(method, name -> SignalReport.rows(summary.get(name)), summary)
                    .forEach(part -> html.append(part).append('\n'));
        }
        if (summary.get("curves") instanceof List<?> curves) {
            html.append(ReportCharts.survival((List<Map<String, Object>>) curves,
                    summary.get("timeUnit") == null ? null : String.valueOf(summary.get("timeUnit"))));
        }
        if (summary.get("terms") instanceof List<?> terms && summary.get("coefficients") instanceof List<?> estimates
                && summary.get("standardErrors") instanceof List<?> errors) {
            html.append(coefficients(ForestPlot.ratioOf(method, family(document)), terms, estimates, errors));
        }
        if (summary.get("rowLevels") instanceof List<?> rows && summary.get("columnLevels") instanceof List<?> columns
                && summary.get("counts") instanceof List<?> counts) {
            html.append(crossTable(rows, columns, counts));
        }
        html.append("<h3>Results</h3>\n<table>");
        summary.forEach((key, value) -> {
            if (!List.of("curves", "terms", "coefficients", "standardErrors", "rowLevels", "columnLevels", "counts")
                    .contains(key)) {
                html.append("<tr><th class=\"text\">").append(escape(key)).append("</th><td class=\"text\">")
                        .append(Output.isTable(value) ? rowsTable((List<?>) value) : escape(Output.format(value)))
                        .append("</td></tr>");
            }
        });
        html.append("</table>\n");
        if (certificate != null) {
            html.append("<h3>Certificate</h3>\n<table>");
            certificate.forEach((key, value) -> html.append("<tr><th class=\"text\">").append(escape(key))
                    .append("</th><td class=\"text\">").append(escape(certificateValue(value))).append("</td></tr>"));
            html.append("</table>\n");
        }
        return html.toString();
    }

    /** A summary table (a coefficient table, a list of tests): one row per entry, a column per key. */
    private static String rowsTable(List<?> rows) {
        StringBuilder table = new StringBuilder("<table><tr>");
        for (Object key : ((Map<?, ?>) rows.get(0)).keySet()) {
            table.append("<th>").append(escape(String.valueOf(key))).append("</th>");
        }
        table.append("</tr>");
        for (Object row : rows) {
            table.append("<tr>");
            for (Object cell : ((Map<?, ?>) row).values()) {
                table.append(cell instanceof Number ? "<td>" : "<td class=\"text\">").append(escape(Output.format(cell)))
                        .append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>").toString();
    }

    /** A contingency table with its margins. */
    private static String crossTable(List<?> rows, List<?> columns, List<?> counts) {
        StringBuilder html = new StringBuilder("<h3>Counts</h3>\n<table><tr><th></th>");
        columns.forEach(c -> html.append("<th>").append(escape(String.valueOf(c))).append("</th>"));
        html.append("<th>total</th></tr>");
        long[] columnTotals = new long[columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = (List<?>) counts.get(r);
            long total = 0;
            html.append("<tr><th>").append(escape(String.valueOf(rows.get(r)))).append("</th>");
            for (int c = 0; c < row.size(); c++) {
                long count = ((Number) row.get(c)).longValue();
                total += count;
                columnTotals[c] += count;
                html.append("<td>").append(count).append("</td>");
            }
            html.append("<td>").append(total).append("</td></tr>");
        }
        html.append("<tr><th>total</th>");
        long all = 0;
        for (long total : columnTotals) {
            all += total;
            html.append("<td>").append(total).append("</td>");
        }
        return html.append("<td>").append(all).append("</td></tr></table>\n").toString();
    }

    /**
     * Sites as "site0 (n = 78)", audit heads as "site0: audit entry 39, head 0de59198f65a2643… (signed)", libraries as
     * "io.daybreak.stats.federated 0.1.0.v… (SHA-256 3f1c…)", everything else as the console prints it.
     */
    private static String certificateValue(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                Map<?, ?> entry = (Map<?, ?>) item;
                if (entry.containsKey("sha256")) {
                    // a bundle the method's code was wired to: name, version and enough of its digest to compare
                    String sha256 = String.valueOf(entry.get("sha256"));
                    parts.add(entry.get("bundle") + " " + entry.get("version") + " (SHA-256 "
                            + sha256.substring(0, Math.min(12, sha256.length())) + "…)");
                    continue;
                }
                if (entry.containsKey("auditHead")) {
                    // a site's signed audit head: enough of it to compare with the site's log (the saved JSON has all)
                    String head = String.valueOf(entry.get("auditHead"));
                    parts.add(entry.get("site") + ": audit entry " + entry.get("auditEntries") + ", head "
                            + head.substring(0, Math.min(16, head.length())) + "… (signed)");
                    continue;
                }
                parts.add(entry.get("site") + (entry.containsKey("n") ? " (n = " + entry.get("n") + ")"
                        : entry.containsKey("reason") ? " (" + entry.get("reason") + ")" : ""));
            }
            return String.join(", ", parts);
        }
        return Output.format(value);
    }

    /** The parameters a saved run used: a federated result's, or a local run's provenance's; empty if neither. */
    private static Map<?, ?> parameters(Map<String, Object> document) {
        Object parameters = document.get("parameters");
        if (!(parameters instanceof Map<?, ?>) && document.get("provenance") instanceof Map<?, ?> provenance) {
            parameters = provenance.get("parameters");
        }
        return parameters instanceof Map<?, ?> values ? values : Map.of();
    }

    /** The GLM family a saved run was fitted with: a federated result's parameters, or a local run's provenance. */
    private static String family(Map<String, Object> document) {
        Object parameters = document.get("parameters");
        if (!(parameters instanceof Map<?, ?>) && document.get("provenance") instanceof Map<?, ?> provenance) {
            parameters = provenance.get("parameters");
        }
        return parameters instanceof Map<?, ?> values && values.get("family") != null ? String.valueOf(values.get("family"))
                : null;
    }

    /**
     * Estimates with Wald 95% intervals (and exp of them where they are log ratios: hazard, odds or rate ratios), and a
     * forest plot.
     */
    private static String coefficients(String ratio, List<?> terms, List<?> estimates, List<?> errors) {
        boolean ratios = ratio != null;
        int k = terms.size();
        double[] estimate = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        StringBuilder html = new StringBuilder("<h3>Coefficients</h3>\n<table><tr><th class=\"text\">term</th>"
                + "<th>estimate</th><th>SE</th><th>95% CI</th>"
                + (ratios ? "<th>" + ratio.toLowerCase(Locale.ROOT) + " (95% CI)</th>" : "")
                + "</tr>");
        List<String> names = terms.stream().map(String::valueOf).toList();
        List<Integer> kept = ForestPlot.withoutIntercept(names);
        for (int i = 0; i < k; i++) {
            estimate[i] = ((Number) estimates.get(i)).doubleValue();
            double se = ((Number) errors.get(i)).doubleValue();
            lower[i] = estimate[i] - Z95 * se;
            upper[i] = estimate[i] + Z95 * se;
            html.append("<tr><td class=\"text\">").append(escape(String.valueOf(terms.get(i)))).append("</td><td>")
                    .append(Output.format(estimate[i])).append("</td><td>").append(Output.format(se)).append("</td><td>")
                    .append(Output.format(lower[i])).append(" to ").append(Output.format(upper[i])).append("</td>");
            if (ratios && !kept.contains(i)) {
                // exp of the intercept is a baseline odds or rate, not a ratio: the forest plot leaves it out too
                html.append("<td>&ndash;</td>");
            } else if (ratios) {
                html.append("<td>").append(Output.format(Math.exp(estimate[i]))).append(" (")
                        .append(Output.format(Math.exp(lower[i]))).append(" to ")
                        .append(Output.format(Math.exp(upper[i]))).append(")</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>\n").append(ReportCharts.forest(ratio, names,
                estimate, lower, upper)).toString();
    }

    static String escape(String text) {
        return ComparisonReport.escape(text);
    }
}
