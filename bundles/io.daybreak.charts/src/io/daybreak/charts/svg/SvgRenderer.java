package io.daybreak.charts.svg;

import java.util.Locale;

import io.daybreak.charts.Chart;
import io.daybreak.charts.layout.ChartLayout;
import io.daybreak.charts.layout.Scene;
import io.daybreak.charts.layout.Shape;

/** Draws a laid-out chart as one inline {@code <svg>} element with {@code role="img"} and an aria-label. */
public final class SvgRenderer {
    /** The width of charts in Daybreak's HTML reports (the report's text column is 60em). */
    public static final double REPORT_WIDTH = 680;

    private SvgRenderer() {
    }

    /** A chart at the report width and its preferred height. */
    public static String svg(Chart chart) {
        return svg(ChartLayout.layout(chart, REPORT_WIDTH, ChartLayout.preferredHeight(chart, REPORT_WIDTH)));
    }

    public static String svg(Scene scene) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%s\" height=\"%s\" role=\"img\" aria-label=\"%s\" font-family=\"system-ui,sans-serif\">",
                number(scene.width()), number(scene.height()), escape(scene.label())));
        for (Shape shape : scene.shapes()) {
            draw(svg, shape);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void draw(StringBuilder svg, Shape shape) {
        if (shape instanceof Shape.Line line) {
            svg.append("<line x1=\"").append(number(line.x1())).append("\" y1=\"").append(number(line.y1()))
                    .append("\" x2=\"").append(number(line.x2())).append("\" y2=\"").append(number(line.y2()))
                    .append("\" stroke=\"").append(line.stroke()).append("\" stroke-width=\"").append(number(line.width()))
                    .append(line.dashed() ? "\" stroke-dasharray=\"4 3" : "").append("\"/>");
        } else if (shape instanceof Shape.Path path) {
            svg.append("<path d=\"").append(points(path.xy(), path.fill() != null)).append('"');
            if (path.fill() != null) {
                svg.append(" fill=\"").append(path.fill()).append("\" fill-opacity=\"").append(number(path.opacity()))
                        .append('"');
            } else {
                svg.append(" fill=\"none\"");
            }
            svg.append(path.stroke() == null ? " stroke=\"none\"" : " stroke=\"" + path.stroke() + "\" stroke-width=\""
                    + number(path.width()) + "\" stroke-linejoin=\"miter\"");
            close(svg, "path", path.tooltip());
        } else if (shape instanceof Shape.Rect rect) {
            svg.append("<rect x=\"").append(number(rect.x())).append("\" y=\"").append(number(rect.y()))
                    .append("\" width=\"").append(number(rect.width())).append("\" height=\"").append(number(rect.height()))
                    .append("\" fill=\"").append(rect.fill()).append('"');
            close(svg, "rect", rect.tooltip());
        } else if (shape instanceof Shape.Circle dot) {
            svg.append("<circle cx=\"").append(number(dot.cx())).append("\" cy=\"").append(number(dot.cy()))
                    .append("\" r=\"").append(number(dot.r())).append("\" fill=\"")
                    .append(dot.fill() == null ? "none" : dot.fill()).append('"');
            if (dot.stroke() != null) {
                svg.append(" stroke=\"").append(dot.stroke()).append('"');
            }
            close(svg, "circle", dot.tooltip());
        } else if (shape instanceof Shape.Text text) {
            svg.append("<text x=\"").append(number(text.x())).append("\" y=\"").append(number(text.y()))
                    .append("\" font-size=\"").append(number(text.size())).append('"');
            if (text.anchor() != Shape.Anchor.START) {
                svg.append(" text-anchor=\"").append(text.anchor() == Shape.Anchor.MIDDLE ? "middle" : "end").append('"');
            }
            if (text.bold()) {
                svg.append(" font-weight=\"bold\"");
            }
            if (text.vertical()) {
                svg.append(" transform=\"rotate(-90 ").append(number(text.x())).append(' ').append(number(text.y()))
                        .append(")\"");
            }
            svg.append(" fill=\"").append(text.colour()).append("\">").append(escape(text.text())).append("</text>");
        }
    }

    private static void close(StringBuilder svg, String element, String tooltip) {
        if (tooltip == null) {
            svg.append("/>");
        } else {
            svg.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
        }
    }

    private static String points(double[] xy, boolean closed) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            d.append(i == 0 ? "M" : " L").append(number(xy[i])).append(' ').append(number(xy[i + 1]));
        }
        return closed ? d.append(" Z").toString() : d.toString();
    }

    /** One decimal is below a pixel's width; fewer characters keep reports small. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
