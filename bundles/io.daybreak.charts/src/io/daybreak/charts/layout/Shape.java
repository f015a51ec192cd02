package io.daybreak.charts.layout;

/**
 * A primitive a renderer draws, in pixels from the top left. Colours are #rrggbb. Kept to what both SVG and SWT's
 * GC draw directly, so a renderer is a switch over these records and nothing else.
 */
public sealed interface Shape {
    /** Horizontal placement of a text relative to its x. */
    enum Anchor {
        START, MIDDLE, END
    }

    /** A straight line. */
    record Line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) implements Shape {
    }

    /**
     * A polyline (fill null) or a closed, filled polygon without outline (stroke null).
     *
     * @param xy x0, y0, x1, y1, ...
     * @param opacity of the fill, 0 to 1
     * @param tooltip shown on hover where the renderer can (SVG title), may be null
     */
    record Path(double[] xy, String stroke, double width, String fill, double opacity, String tooltip) implements Shape {
    }

    /** A filled rectangle. */
    record Rect(double x, double y, double width, double height, String fill, String tooltip) implements Shape {
    }

    /**
     * A dot: a filled circle, with an outline of the given colour when stroke is not null (an open dot when fill is
     * null).
     *
     * @param tooltip shown on hover where the renderer can (SVG title), may be null
     */
    record Circle(double cx, double cy, double r, String fill, String stroke, String tooltip) implements Shape {
    }

    /**
     * Text with its baseline at y.
     *
     * @param vertical rotated 90 degrees counter-clockwise about (x, y), for a y axis title
     */
    record Text(double x, double y, String text, Anchor anchor, double size, boolean bold, boolean vertical,
            String colour) implements Shape {
    }
}
