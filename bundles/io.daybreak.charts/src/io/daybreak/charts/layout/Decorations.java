package io.daybreak.charts.layout;

import java.util.List;

import io.daybreak.charts.Palette;

/** Title and legend, shared by every chart kind. */
final class Decorations {
    static final double TITLE_FONT = 13;
    static final double LEGEND_FONT = 11;

    private Decorations() {
    }

    /** The title at the top; returns the y below it. */
    static double title(List<Shape> shapes, String title, double x) {
        if (title == null || title.isEmpty()) {
            return 6;
        }
        shapes.add(new Shape.Text(x, 16, title, Shape.Anchor.START, TITLE_FONT, true, false, Text.INK));
        return 26;
    }

    /** A row of colour swatches and names starting at (x, y); returns the y below it (y when there is none). */
    static double legend(List<Shape> shapes, List<String> names, double x, double y) {
        if (names.size() < 2) {
            return y;
        }
        return legend(shapes, names, names.stream().map(n -> Palette.colour(names.indexOf(n))).toList(), x, y);
    }

    /** A row of swatches of the given colours and their names (however many); returns the y below it. */
    static double legend(List<Shape> shapes, List<String> names, List<String> colours, double x, double y) {
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            shapes.add(new Shape.Rect(at, y + 2, 10, 10, colours.get(i), null));
            shapes.add(Text.at(at + 14, y + 11, names.get(i), Shape.Anchor.START, LEGEND_FONT));
            at += 14 + Text.width(names.get(i), LEGEND_FONT) + 18;
        }
        return y + 20;
    }
}
