package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.daybreak.charts.BiomarkerCharts;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.console.internal.SignalReport.Rows;

/**
 * The charts of the biomarker methods (docs/biomarker.md, "Plots and the report"), from their output tables by the
 * contract column names: {@code biomarker.elastic-net} (tables "path" and "cv": coefficient paths and the
 * cross-validation curve with lambda.min and lambda.1se), {@code biomarker.roc} and {@code biomarker.time-roc} (tables
 * "roc" and "auc": ROC curves with the AUC and the Youden point), {@code biomarker.stepp} (table "stepp": the
 * STEPP plot), {@code biomarker.virtual-twins} and {@code biomarker.sides} (table "subgroups": a forest plot of naive
 * and adjusted effects). A table without its columns draws nothing.
 */
final class BiomarkerReport {
    static final String ELASTIC_NET = "biomarker.elastic-net";
    static final String ROC = "biomarker.roc";
    static final String TIME_ROC = "biomarker.time-roc";
    static final String STEPP = "biomarker.stepp";
    static final String VIRTUAL_TWINS = "biomarker.virtual-twins";
    static final String SIDES = "biomarker.sides";

    private BiomarkerReport() {
    }

    /**
     * The charts (SVG) and their captions for a biomarker method's result, in report order; empty for other methods.
     *
     * @param tables     a result table by name (null when absent)
     * @param summary    the result's summary (lambda.min, the AUC's level, the overall STEPP effect), may be empty
     * @param parameters the run's parameters, may be empty
     */
    static List<String> html(String method, Function<String, Rows> tables, Map<?, ?> summary, Map<?, ?> parameters) {
        if (method == null) {
            return List.of();
        }
        Map<?, ?> s = summary == null ? Map.of() : summary;
        Map<?, ?> p = parameters == null ? Map.of() : parameters;
        return switch (method) {
            case ELASTIC_NET -> elasticNet(tables.apply("path"), tables.apply("cv"), s, p);
            case ROC -> roc(tables.apply("roc"), tables.apply("auc"), s, false);
            case TIME_ROC -> roc(tables.apply("roc"), tables.apply("auc"), s, true);
            case STEPP -> stepp(tables.apply("stepp"), s, p);
            case VIRTUAL_TWINS, SIDES -> subgroups(tables.apply("subgroups"));
            default -> List.of();
        };
    }

    private static boolean usable(Rows rows, String... columns) {
        return rows != null && rows.size() > 0 && rows.hasAll(columns);
    }

    private static double number(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            if (map.get(key) instanceof Number n) {
                return n.doubleValue();
            }
        }
        return Double.NaN;
    }

    private static String text(Map<?, ?> map, String key) {
        return map.get(key) == null ? null : String.valueOf(map.get(key));
    }


    private static List<String> elasticNet(Rows path, Rows cv, Map<?, ?> summary, Map<?, ?> parameters) {
        List<String> html = new ArrayList<>();
        double lambdaMin = number(summary, "lambdaMin");
        double lambda1se = number(summary, "lambda1se");
        String typeMeasure = text(summary, "typeMeasure") != null ? text(summary, "typeMeasure")
                : text(parameters, "typeMeasure");
        String family = text(summary, "family") != null ? text(summary, "family") : text(parameters, "family");
        boolean maximise = "auc".equals(typeMeasure) || "C".equals(typeMeasure);
        if (usable(cv, "lambda", "cvm", "cvlo", "cvup")) {
            double[] lambda = cv.numbers("lambda");
            double[] cvm = cv.numbers("cvm");
            double[] cvlo = cv.numbers("cvlo");
            double[] cvup = cv.numbers("cvup");
            if (!Double.isFinite(lambdaMin)) {
                lambdaMin = BiomarkerCharts.lambdaMin(lambda, cvm, maximise);
            }
            if (!Double.isFinite(lambda1se)) {
                lambda1se = BiomarkerCharts.lambda1se(lambda, cvm, cvlo, cvup, maximise);
            }
        }
        if (usable(path, "lambda", "term", "coefficient")) {
            html.add(SvgRenderer.svg(BiomarkerCharts.coefficientPaths(path.texts("term"), path.numbers("lambda"),
                    path.numbers("coefficient"), lambdaMin, lambda1se)));
            html.add(ReportHtml.caption("Each line is one term's coefficient (on the scale of its own column) as the penalty "
                    + "\u03bb decreases to the left; the intercept is not drawn. Dashed: lambda.min and lambda.1se "
                    + "from cross-validation."));
        }
        if (usable(cv, "lambda", "cvm", "cvlo", "cvup")) {
            html.add(SvgRenderer.svg(BiomarkerCharts.cvCurve(cv.numbers("lambda"), cv.numbers("cvm"), cv.numbers("cvlo"),
                    cv.numbers("cvup"), cv.has("nzero") ? cv.numbers("nzero") : null, lambdaMin, lambda1se,
                    BiomarkerCharts.cvMeasure(typeMeasure, family), maximise)));
            html.add(ReportHtml.caption("lambda.min gives the best mean cross-validated " + (maximise ? "measure" : "error")
                    + "; lambda.1se, the largest \u03bb within one standard error of it, gives a sparser model that "
                    + "predicts about as well (as cv.glmnet)."));
        }
        return html;
    }

    private static List<String> roc(Rows roc, Rows auc, Map<?, ?> summary, boolean timeDependent) {
        String[] key = timeDependent ? new String[] {"marker", "time"} : new String[] {"marker"};
        if (!usable(roc, "sensitivity", "specificity") || !roc.hasAll(key)) {
            return List.of();
        }
        Map<String, List<Integer>> curves = new LinkedHashMap<>();
        for (int i = 0; i < roc.size(); i++) {
            curves.computeIfAbsent(name(roc, i, timeDependent), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> aucRow = new LinkedHashMap<>();
        if (auc != null && auc.size() > 0 && auc.hasAll(key)) {
            for (int i = 0; i < auc.size(); i++) {
                aucRow.put(name(auc, i, timeDependent), i);
            }
        }
        List<BiomarkerCharts.Roc> rocs = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> curve : curves.entrySet()) {
            List<Integer> rows = curve.getValue();
            double[] se = rows.stream().mapToDouble(i -> roc.number("sensitivity", i)).toArray();
            double[] sp = rows.stream().mapToDouble(i -> roc.number("specificity", i)).toArray();
            Integer a = aucRow.get(curve.getKey());
            rocs.add(new BiomarkerCharts.Roc(curve.getKey(), se, sp, value(auc, "auc", a), value(auc, "auc_lower", a),
                    value(auc, "auc_upper", a), value(auc, "best_threshold", a), value(auc, "best_sensitivity", a),
                    value(auc, "best_specificity", a)));
        }
        double level = number(summary, "level");
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(BiomarkerCharts.roc(timeDependent ? "Time-dependent ROC curves (cumulative cases, "
                + "dynamic controls)" : "ROC curves", rocs, Double.isFinite(level) ? level : 0.95)));
        html.add(ReportHtml.caption(timeDependent ? "At each time t: cases had the event by t, controls were event-free at t "
                + "(inverse-probability-of-censoring weighted, as timeROC); the AUC's interval is timeROC's Wald interval "
                + "from its influence-function (iid) standard error." : "The AUC's interval is DeLong's (as pROC's "
                + "ci.auc); the marked point is the threshold maximising Youden's J = sensitivity + specificity \u2212 1."));
        return html;
    }

    private static String name(Rows rows, int i, boolean timeDependent) {
        return timeDependent ? rows.text("marker", i) + " at t = " + rows.text("time", i) : rows.text("marker", i);
    }

    private static double value(Rows rows, String column, Integer row) {
        return rows == null || row == null || !rows.has(column) ? Double.NaN : rows.number(column, row);
    }

    private static List<String> stepp(Rows stepp, Map<?, ?> summary, Map<?, ?> parameters) {
        if (!usable(stepp, "marker_median", "difference", "difference_lower", "difference_upper")) {
            return List.of();
        }
        String marker = text(parameters, "markerColumn") != null ? text(parameters, "markerColumn") : text(parameters, "marker");
        String scale = text(summary, "effectScale");
        double overall = number(summary, "difference", "overallDifference"); // biomarker.stepp: the overall difference
        double p = number(summary, "steppP");
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(BiomarkerCharts.stepp(marker, stepp.numbers("marker_median"), stepp.numbers("difference"),
                stepp.numbers("difference_lower"), stepp.numbers("difference_upper"), scale, overall, p)));
        html.add(ReportHtml.caption("Each point is the treatment effect among the patients of one window of the marker "
                + "(overlapping windows, plotted at their median marker value). A flat band around the overall line "
                + "means no evidence that the effect depends on the marker."));
        return html;
    }

    private static List<String> subgroups(Rows subgroups) {
        if (!usable(subgroups, "subgroup", "effect_naive", "naive_lower", "naive_upper", "effect_adjusted",
                "adjusted_lower", "adjusted_upper")) {
            return List.of();
        }
        String scale = subgroups.has("effect_scale") ? subgroups.text("effect_scale", 0) : null;
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(BiomarkerCharts.subgroups(subgroups.texts("subgroup"), subgroups.numbers("effect_naive"),
                subgroups.numbers("naive_lower"), subgroups.numbers("naive_upper"), subgroups.numbers("effect_adjusted"),
                subgroups.numbers("adjusted_lower"), subgroups.numbers("adjusted_upper"), scale)));
        html.add(ReportHtml.caption("Naive: the effect in the subgroup as found, estimated on the data that chose it "
                + "(biased away from no effect). Adjusted: corrected for that selection; read this one."));
        return html;
    }
}
