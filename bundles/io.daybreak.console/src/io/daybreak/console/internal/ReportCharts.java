package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.daybreak.charts.ForestPlot;
import io.daybreak.charts.SurvivalCurve;
import io.daybreak.charts.SurvivalPlot;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.data.InvalidInputException;

/**
 * Turns the values of a saved result document into the shared chart model (io.daybreak.charts) and draws it as
 * inline SVG. Only the reading of documents is here; axes, ticks and drawing are the library's.
 */
final class ReportCharts {
    private ReportCharts() {
    }

    /**
     * Kaplan-Meier curves from {@code stats.km} with curves=true: maps with group, time, survival, lower and upper,
     * and, where a result has them, atRisk, events and censored (then censor marks and numbers at risk are drawn).
     */
    static String survival(List<Map<String, Object>> curves, String timeUnit) {
        List<SurvivalCurve> model = new ArrayList<>();
        for (Map<String, Object> curve : curves) {
            String name = String.valueOf(curve.get("group"));
            double[] time = values(curve, "time");
            if (curve.containsKey("atRisk") && curve.containsKey("events") && curve.containsKey("censored")) {
                model.add(new SurvivalCurve(name, time, values(curve, "survival"), values(curve, "lower"),
                        values(curve, "upper"), counts(curve, "atRisk"), counts(curve, "events"), counts(curve, "censored")));
            } else {
                model.add(SurvivalCurve.of(name, time, values(curve, "survival"), values(curve, "lower"),
                        values(curve, "upper")));
            }
        }
        // without timeUnit the axis says only "Time" rather than guess days or months
        return SvgRenderer.svg(SurvivalPlot.inUnit("", timeUnit, model, "Shaded: pointwise 95% confidence band; "
                + "dashed: median survival"));
    }

    /**
     * A forest plot of coefficients with Wald limits: ratios (see {@link ForestPlot#ratioOf}) on a log axis through 1,
     * without the intercept; other models' coefficients on a linear axis through 0.
     */
    static String forest(String ratio, List<String> terms, double[] estimate, double[] lower, double[] upper) {
        StringBuilder svg = new StringBuilder();
        ForestPlot.coefficients("", ratio, terms, estimate, lower, upper).forEach(plot -> svg.append(SvgRenderer.svg(plot)));
        return svg.toString();
    }

    private static double[] values(Map<String, Object> curve, String key) {
        if (!(curve.get(key) instanceof List<?> list)) {
            throw new InvalidInputException("a Kaplan-Meier curve has no list '" + key + "'");
        }
        return list.stream().mapToDouble(v -> v instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
    }

    private static long[] counts(Map<String, Object> curve, String key) {
        return java.util.Arrays.stream(values(curve, key)).mapToLong(v -> Double.isFinite(v) ? Math.round(v) : 0).toArray();
    }
}
