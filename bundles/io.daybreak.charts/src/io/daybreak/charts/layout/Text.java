package io.daybreak.charts.layout;

/**
 * Text sizes for layout decisions (margins, legend spacing). An estimate from the number of characters, because
 * the layout runs without a font system (console) and must give the same geometry for SVG and SWT.
 */
final class Text {
    static final String INK = "#222222";
    static final String GRID = "#e4e4e4";
    static final String AXIS = "#555555";

    private Text() {
    }

    /** Width of text in a proportional sans-serif font of the given pixel size (0.56 em per character). */
    static double width(String text, double size) {
        return text.length() * size * 0.56;
    }

    static Shape.Text at(double x, double y, String text, Shape.Anchor anchor, double size) {
        return new Shape.Text(x, y, text, anchor, size, false, false, INK);
    }
}
