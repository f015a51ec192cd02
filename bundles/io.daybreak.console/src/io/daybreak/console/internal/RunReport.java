package io.daybreak.console.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.charts.SpiderPlot;
import io.daybreak.charts.WaterfallPlot;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.data.ColumnType;
import io.daybreak.data.NumberText;
import io.daybreak.data.Table;

/**
 * {@code run ... --report file.html}: the HTML report of one run, with the charts its result carries. A design
 * comparison gets the comparison report; any other method the analysis report ({@link AnalysisReport}): its
 * summary, coefficient tables with forest plots, and Kaplan-Meier curves, which a local run holds in its
 * {@code curve} output table (one row per group and time) rather than in its summary.
 */
final class RunReport {
    /** The document key under which the report carries drawn charts (HTML), never printed as a result. */
    static final String CHARTS = "charts";
    private static final List<String> CURVE_COLUMNS = List.of("group", "time", "atRisk", "events", "censored", "survival",
            "lower", "upper");

    private RunReport() {
    }

    static void write(Path file, MethodDescriptor descriptor, RunResult result, Map<String, Object> document)
            throws IOException {
        if (descriptor.id().equals("design.compare")) {
            ComparisonReport.write(result.output(descriptor.outputs().get(0).name()), result.provenance(), file);
            return;
        }
        AnalysisReport.write(file, "Daybreak report: " + descriptor.id(), List.of(document(descriptor, result, document)),
                null);
    }

    /**
     * The run's document as the analysis report draws it: its summary, plus the Kaplan-Meier curves and the charts
     * (drawn SVG) its output tables carry. {@code run --save} writes it, so {@code report} can put several runs in
     * one file.
     */
    static Map<String, Object> document(MethodDescriptor descriptor, RunResult result, Map<String, Object> document) {
        Map<String, Object> withCharts = new LinkedHashMap<>(document);
        Table curve = result.output("curve");
        if (curve != null && CURVE_COLUMNS.stream().allMatch(curve::hasColumn)
                && document.get("summary") instanceof Map<?, ?> summary && !summary.containsKey("curves")) {
            Map<String, Object> withCurves = new LinkedHashMap<>();
            summary.forEach((key, value) -> withCurves.put(String.valueOf(key), value));
            withCurves.put("curves", curves(curve, groupBy(document), groupLabels(document)));
            withCharts.put("summary", withCurves);
        }
        List<String> charts = new ArrayList<>(tumourCharts(result));
        charts.addAll(SignalReport.html(descriptor.id(), name -> SignalReport.rows(result.output(name)),
                result.provenance() == null ? Map.of() : result.provenance().parameters()));
        charts.addAll(BiomarkerReport.html(descriptor.id(), name -> SignalReport.rows(result.output(name)),
                document.get("summary") instanceof Map<?, ?> summary ? summary : Map.of(),
                result.provenance() == null ? Map.of() : result.provenance().parameters()));
        charts.addAll(CombinationReport.html(descriptor.id(), name -> SignalReport.rows(result.output(name)),
                document.get("summary") instanceof Map<?, ?> summary ? summary : Map.of()));
        charts.addAll(BlrmMapReport.html(descriptor.id(), name -> SignalReport.rows(result.output(name)),
                document.get("summary") instanceof Map<?, ?> summary ? summary : Map.of()));
        charts.addAll(ComboPosteriorReport.html(descriptor.id(), name -> SignalReport.rows(result.output(name)),
                document.get("summary") instanceof Map<?, ?> summary ? summary : Map.of()));
        if (!charts.isEmpty()) {
            withCharts.put(CHARTS, charts);
        }
        return withCharts;
    }

    /**
     * Waterfall and spider plots from tumour-size results ({@code twin.tgi-fit}): the best change per patient in its
     * {@code patients} table, the change at each assessment in its {@code response} table.
     */
    private static List<String> tumourCharts(RunResult result) {
        List<String> charts = new ArrayList<>();
        Table patients = result.output("patients");
        if (patients != null && patients.hasColumn("id") && patients.hasColumn("bestChange")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < patients.rowCount(); i++) {
                ids.add(patients.strings("id").get(i));
            }
            charts.add(SvgRenderer.svg(WaterfallPlot.of("Best change in tumour size from baseline", ids,
                    doubles(patients, "bestChange"))));
        }
        Table response = result.output("response");
        if (response != null && List.of("id", "day", "change").stream().allMatch(response::hasColumn)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < response.rowCount(); i++) {
                ids.add(response.strings("id").get(i));
            }
            charts.add(SvgRenderer.svg(SpiderPlot.ofRows("Change in tumour size over time", "Days since baseline", ids,
                    doubles(response, "day"), doubles(response, "change"))));
        }
        if (!charts.isEmpty()) {
            charts.add("<p class=\"meta\">Colours by the RECIST 1.1 size thresholds of one assessment (decrease of 30% "
                    + "or more, increase of 20% or more; dashed lines), not a confirmed best overall response.</p>");
        }
        return charts;
    }

    /**
     * The column the run grouped by: the one the method reports using ({@code groupColumn}, e.g. an ADaM table's
     * treatment chosen by default), else the {@code groupBy} parameter of its provenance, or null.
     */
    private static String groupBy(Map<String, Object> document) {
        if (document.get("summary") instanceof Map<?, ?> summary && summary.get("groupColumn") != null) {
            return String.valueOf(summary.get("groupColumn"));
        }
        if (document.get("provenance") instanceof Map<?, ?> provenance
                && provenance.get("parameters") instanceof Map<?, ?> parameters && parameters.get("groupBy") != null) {
            return String.valueOf(parameters.get("groupBy"));
        }
        return null;
    }

    /** The labels of a text group column the method coded 1, 2, ... ({@code groupLabels}), or null. */
    private static List<String> groupLabels(Map<String, Object> document) {
        if (document.get("summary") instanceof Map<?, ?> summary && summary.get("groupLabels") instanceof List<?> labels) {
            return labels.stream().map(String::valueOf).toList();
        }
        return null;
    }

    /**
     * The curve table's rows grouped into one map of lists per group, as federated results carry curves; groups are
     * named as R names strata ({@code sex=1}, {@code TRTP=Placebo} for a text column the method coded).
     */
    static List<Map<String, Object>> curves(Table curve, String groupBy) {
        return curves(curve, groupBy, null);
    }

    static List<Map<String, Object>> curves(Table curve, String groupBy, List<String> labels) {
        Map<String, Map<String, Object>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < curve.rowCount(); i++) {
            String group = groupBy == null ? "all" : groupBy + "=" + label(curve, i, labels);
            Map<String, Object> lists = byGroup.computeIfAbsent(group, g -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("group", g);
                CURVE_COLUMNS.subList(1, CURVE_COLUMNS.size()).forEach(c -> fresh.put(c, new ArrayList<Object>()));
                return fresh;
            });
            for (String column : CURVE_COLUMNS.subList(1, CURVE_COLUMNS.size())) {
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) lists.get(column);
                values.add(value(curve, column, i));
            }
        }
        return new ArrayList<>(byGroup.values());
    }

    /**
     * The group as R prints its value (1, not 1.0), so the legend reads like survfit's strata; a code k of a text
     * column is its k-th label.
     */
    private static String label(Table curve, int row, List<String> labels) {
        if (curve.columnType("group") == ColumnType.STRING) {
            return String.valueOf(curve.strings("group").get(row));
        }
        if (curve.doubles("group").isNull(row)) {
            return "NA";
        }
        double code = curve.doubles("group").get(row);
        if (labels != null && code == Math.rint(code) && code >= 1 && code <= labels.size()) {
            return labels.get((int) code - 1);
        }
        return NumberText.text(code);
    }

    /** A numeric column's values, NaN where missing. */
    private static double[] doubles(Table table, String column) {
        double[] values = new double[table.rowCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.doubles(column).isNull(i) ? Double.NaN : table.doubles(column).get(i);
        }
        return values;
    }

    private static Object value(Table table, String column, int row) {
        if (table.columnType(column) == ColumnType.INT64 || table.columnType(column) == ColumnType.INT32) {
            return table.longs(column).isNull(row) ? null : (Object) table.longs(column).get(row);
        }
        return table.doubles(column).isNull(row) ? null : (Object) table.doubles(column).get(row);
    }
}
