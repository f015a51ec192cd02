package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.charts.LinePlot;
import io.daybreak.charts.Palette;

/** Lines and/or point marks per series on two linear axes. */
final class LineLayout {
    private LineLayout() {
    }

    static Scene layout(LinePlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double left = Frame.leftMargin(plot.y());
        double top = Decorations.title(shapes, plot.title(), 8);
        top = Decorations.legend(shapes, plot.series(), left, top);
        Frame frame = new Frame(left, top + 6, width - left - 18, height - top - 6 - Frame.X_AXIS_HEIGHT - 4, plot.x(),
                plot.y());
        frame.grid(shapes);
        for (int s = 0; s < plot.series().size(); s++) {
            double[] x = plot.xs().get(s);
            double[] y = plot.ys().get(s);
            List<Double> xy = new ArrayList<>();
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    xy.add(frame.px(x[i]));
                    xy.add(frame.py(y[i]));
                    if (plot.points()) {
                        shapes.add(new Shape.Rect(frame.px(x[i]) - 2.5, frame.py(y[i]) - 2.5, 5, 5, Palette.colour(s), null));
                    }
                }
            }
            if (plot.lines() && xy.size() >= 4) {
                shapes.add(new Shape.Path(xy.stream().mapToDouble(Double::doubleValue).toArray(), Palette.colour(s), 2, null,
                        1, plot.series().get(s)));
            }
        }
        frame.axes(shapes);
        return new Scene(plot.label(), width, height, shapes);
    }
}
