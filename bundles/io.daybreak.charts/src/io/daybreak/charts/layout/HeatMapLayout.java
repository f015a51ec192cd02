package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.charts.HeatMap;
import io.daybreak.charts.Palette;

/** A heat map: cells from white to the first palette colour, texts inside, outlined cells, labels on both axes. */
final class HeatMapLayout {
    static final double CELL_HEIGHT = 58;
    private static final double NOTE_FONT = 9.5;
    private static final double VALUE_FONT = 12;

    private HeatMapLayout() {
    }

    static double preferredHeight(HeatMap chart) {
        return 26 + chart.rows() * CELL_HEIGHT + Frame.X_AXIS_HEIGHT + 44;
    }

    static Scene layout(HeatMap chart, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double top = Decorations.title(shapes, chart.title(), 8) + 4;
        double labelWidth = 0;
        for (String label : chart.rowLabels()) {
            labelWidth = Math.max(labelWidth, Text.width(label, Frame.TICK_FONT));
        }
        double left = 8 + 16 + labelWidth + 8;
        double bottomRoom = Frame.X_AXIS_HEIGHT + 40;
        int rows = chart.rows();
        int cols = chart.columns();
        double cellHeight = Math.max(20, Math.min(CELL_HEIGHT, (height - top - bottomRoom) / rows));
        double cellWidth = Math.max(24, Math.min(130, (width - left - 12) / cols));
        double gridWidth = cellWidth * cols;
        double gridHeight = cellHeight * rows;
        String full = Palette.colour(0);
        for (int i = 0; i < rows; i++) {
            double y = top + (rows - 1 - i) * cellHeight; // row 0 at the bottom
            for (int j = 0; j < cols; j++) {
                double x = left + j * cellWidth;
                double value = chart.values()[i][j];
                double share = Double.isFinite(value) ? Math.max(0, Math.min(1, value / chart.maximum())) : 0;
                String tooltip = chart.rowLabels().get(i) + " " + chart.columnLabels().get(j) + ": "
                        + chart.texts()[i][j] + (chart.notes()[i][j].isEmpty() ? "" : ", " + chart.notes()[i][j]);
                shapes.add(new Shape.Rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2, mix(full, share), tooltip));
                String ink = share > 0.55 ? "#ffffff" : Text.INK;
                double centre = x + cellWidth / 2;
                boolean withNote = !chart.notes()[i][j].isEmpty() && cellHeight >= 34;
                double baseline = y + cellHeight / 2 + (withNote ? -1 : 4);
                shapes.add(new Shape.Text(centre, baseline, chart.texts()[i][j], Shape.Anchor.MIDDLE, VALUE_FONT, true,
                        false, ink));
                if (withNote) {
                    shapes.add(new Shape.Text(centre, baseline + 14, chart.notes()[i][j], Shape.Anchor.MIDDLE, NOTE_FONT,
                            false, false, share > 0.55 ? "#f2f2f2" : Text.AXIS));
                }
            }
        }
        // outlines over the cells, so that neighbours do not paint over them
        for (int i = 0; i < rows; i++) {
            double y = top + (rows - 1 - i) * cellHeight;
            for (int j = 0; j < cols; j++) {
                if (chart.outlined()[i][j]) {
                    double x = left + j * cellWidth;
                    double a = x + 1.5;
                    double b = y + 1.5;
                    double c = x + cellWidth - 1.5;
                    double d = y + cellHeight - 1.5;
                    shapes.add(new Shape.Line(a, b, c, b, Text.INK, 3, false));
                    shapes.add(new Shape.Line(c, b, c, d, Text.INK, 3, false));
                    shapes.add(new Shape.Line(c, d, a, d, Text.INK, 3, false));
                    shapes.add(new Shape.Line(a, d, a, b, Text.INK, 3, false));
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            double y = top + (rows - 1 - i) * cellHeight + cellHeight / 2 + 4;
            shapes.add(Text.at(left - 6, y, chart.rowLabels().get(i), Shape.Anchor.END, Frame.TICK_FONT));
        }
        double bottom = top + gridHeight;
        for (int j = 0; j < cols; j++) {
            shapes.add(Text.at(left + j * cellWidth + cellWidth / 2, bottom + 15, chart.columnLabels().get(j),
                    Shape.Anchor.MIDDLE, Frame.TICK_FONT));
        }
        shapes.add(Text.at(left + gridWidth / 2, bottom + 31, chart.columnTitle(), Shape.Anchor.MIDDLE,
                Frame.TITLE_FONT));
        shapes.add(new Shape.Text(14, top + gridHeight / 2, chart.rowTitle(), Shape.Anchor.MIDDLE, Frame.TITLE_FONT,
                false, true, Text.INK));
        double line = bottom + Frame.X_AXIS_HEIGHT + 12;
        if (!chart.legend().isEmpty()) {
            shapes.add(new Shape.Line(left, line - 4, left + 14, line - 4, Text.INK, 3, false));
            shapes.add(Text.at(left + 20, line, chart.legend(), Shape.Anchor.START, Decorations.LEGEND_FONT));
            line += 16;
        }
        if (!chart.note().isEmpty()) {
            shapes.add(Text.at(left, line, chart.note(), Shape.Anchor.START, Decorations.LEGEND_FONT));
        }
        return new Scene(chart.label(), width, height, shapes);
    }

    /** The colour share of the way from white to {@code full} (#rrggbb). */
    static String mix(String full, double share) {
        int r = Integer.parseInt(full.substring(1, 3), 16);
        int g = Integer.parseInt(full.substring(3, 5), 16);
        int b = Integer.parseInt(full.substring(5, 7), 16);
        return String.format("#%02x%02x%02x", blend(r, share), blend(g, share), blend(b, share));
    }

    private static int blend(int channel, double share) {
        return (int) Math.round(255 + (channel - 255) * share);
    }
}
