package io.daybreak.charts.layout;

import java.util.List;

/**
 * A chart laid out in a box: what to draw, in drawing order.
 *
 * @param label the chart's accessible name
 */
public record Scene(String label, double width, double height, List<Shape> shapes) {
    public Scene {
        shapes = List.copyOf(shapes);
    }
}
