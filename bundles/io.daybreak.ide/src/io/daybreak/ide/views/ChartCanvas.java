package io.daybreak.ide.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.charts.layout.ChartLayout;

/**
 * Shows a {@link Chart}: its charts in the shared model (io.daybreak.charts) laid out side by side in the canvas
 * and drawn by {@link SwtRenderer}. (SWTChart on Maven Central needs Java 21; see ADR 0009, and ADR 0016 for why
 * Daybreak draws its own charts.)
 */
public final class ChartCanvas {
    private final Canvas canvas;
    private Chart chart;

    public ChartCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(event -> paint(event.gc, canvas.getClientArea()));
    }

    public void show(Chart shown) {
        this.chart = shown;
        canvas.redraw();
    }

    public Chart chart() {
        return chart;
    }

    public Canvas control() {
        return canvas;
    }

    private void paint(GC gc, Rectangle area) {
        gc.setAntialias(SWT.ON);
        if (chart == null) {
            gc.drawString("No chart for this table.", 10, 10, true);
            return;
        }
        List<io.daybreak.charts.Chart> models = chart.models();
        int top = area.y;
        if (models.size() > 1) {
            // several panels (operating characteristics): the overall title above them
            gc.drawString(chart.title(), area.x + 10, top + 4, true);
            top += 22;
        }
        int width = area.width / Math.max(1, models.size());
        int height = area.height - (top - area.y);
        for (int i = 0; i < models.size(); i++) {
            try (SwtRenderer renderer = new SwtRenderer(gc, area.x + i * width, top)) {
                renderer.draw(ChartLayout.layout(models.get(i), width, height));
            }
        }
    }
}
