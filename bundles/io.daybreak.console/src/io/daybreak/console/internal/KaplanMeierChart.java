package io.daybreak.console.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kaplan–Meier curves as an inline SVG step chart, each with its pointwise confidence band. */
final class KaplanMeierChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;

    private KaplanMeierChart() {
    }

    /** @param curves maps with group, time, survival, lower and upper (as {@code stats.km} with curves=true) */
    static String svg(List<Map<String, Object>> curves) {
        double end = 0;
        for (Map<String, Object> curve : curves) {
            for (double t : values(curve, "time")) {
                end = Math.max(end, t);
            }
        }
        end = end <= 0 ? 1 : end;
        double plotWidth = WIDTH - LEFT - 12;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Kaplan-Meier curves\">", WIDTH, HEIGHT));
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotHeight - plotHeight * tick / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT, y, WIDTH - 12, y,
                    LEFT - 4, y + 3, Output.format(tick / 4.0)));
            double x = LEFT + plotWidth * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s"
                    + "</text>", x, HEIGHT - BOTTOM + 14, Output.format(end * tick / 4)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">time"
                + "</text>", LEFT + plotWidth / 2, HEIGHT - BOTTOM + 30));
        for (int g = 0; g < curves.size(); g++) {
            Map<String, Object> curve = curves.get(g);
            String colour = ComparisonReport.COLOURS[g % ComparisonReport.COLOURS.length];
            double[] time = values(curve, "time");
            svg.append("<path d=\"").append(band(time, values(curve, "lower"), values(curve, "upper"), end, plotWidth,
                    plotHeight)).append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.15\" stroke=\"none\"/>");
            svg.append("<path d=\"").append(steps(time, values(curve, "survival"), end, plotWidth, plotHeight))
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"><title>")
                    .append(ComparisonReport.escape(String.valueOf(curve.get("group")))).append("</title></path>");
        }
        svg.append("</svg>\n");
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (int g = 0; g < curves.size(); g++) {
            legend.append("<span><i style=\"background:").append(ComparisonReport.COLOURS[g % ComparisonReport.COLOURS
                    .length]).append("\"></i>").append(ComparisonReport.escape(String.valueOf(curves.get(g).get("group"))))
                    .append("</span>");
        }
        return svg + legend.append(" (shaded: pointwise 95% confidence band)</p>\n").toString();
    }

    /** S(t) as a right-continuous step function from (0, 1). */
    private static String steps(double[] time, double[] survival, double end, double width, double height) {
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "M%.1f %.1f", x(0, end, width), y(1, height)));
        double previous = 1;
        for (int i = 0; i < time.length; i++) {
            path.append(String.format(Locale.ROOT, " H%.1f", x(time[i], end, width)));
            if (Double.isFinite(survival[i]) && survival[i] != previous) {
                path.append(String.format(Locale.ROOT, " V%.1f", y(survival[i], height)));
                previous = survival[i];
            }
        }
        return path.toString();
    }

    /** The region between the lower and upper step functions (steps with an undefined bound are left out). */
    private static String band(double[] time, double[] lower, double[] upper, double end, double width, double height) {
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (int i = 0; i < time.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                continue;
            }
            double from = x(time[i], end, width);
            double to = x(i + 1 < time.length ? time[i + 1] : end, end, width);
            top.append(String.format(Locale.ROOT, "%s%.1f %.1f L%.1f %.1f ", top.length() == 0 ? "M" : "L", from,
                    y(upper[i], height), to, y(upper[i], height)));
            bottom.insert(0, String.format(Locale.ROOT, "L%.1f %.1f L%.1f %.1f ", to, y(lower[i], height), from,
                    y(lower[i], height)));
        }
        return top.length() == 0 ? "" : top.append(bottom).append("Z").toString();
    }

    private static double x(double t, double end, double width) {
        return LEFT + width * t / end;
    }

    private static double y(double s, double height) {
        return TOP + height * (1 - s);
    }

    private static double[] values(Map<String, Object> curve, String key) {
        if (!(curve.get(key) instanceof List<?> list)) {
            throw new io.daybreak.data.InvalidInputException("a Kaplan-Meier curve has no list '" + key + "'");
        }
        return list.stream().mapToDouble(v -> v instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
    }
}
