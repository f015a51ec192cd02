package io.daybreak.ide.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.data.NumberText;

/**
 * Draws a {@link Chart} with SWT's GC: grouped bars for operating characteristics, step curves with bands for
 * survival, intervals for coefficients. (SWTChart on Maven Central needs Java 21; see ADR 0009.)
 */
public final class ChartCanvas {
    private static final RGB[] PALETTE = {new RGB(0x4e, 0x79, 0xa7), new RGB(0xf2, 0x8e, 0x2b), new RGB(0x59, 0xa1, 0x4f),
        new RGB(0xe1, 0x57, 0x59), new RGB(0x76, 0xb7, 0xb2), new RGB(0xb0, 0x7a, 0xa1)};
    private static final int MARGIN = 44;
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
        gc.drawString(chart.title(), 10, 4, true);
        Rectangle plot = new Rectangle(area.x, area.y + 20, area.width, area.height - 20);
        if (chart instanceof Chart.OperatingCharacteristics oc) {
            int half = plot.width / 2;
            bars(gc, new Rectangle(plot.x, plot.y, half, plot.height), "Selection as MTD (%)", oc.series(), oc.doses(),
                    oc.selection(), 100);
            bars(gc, new Rectangle(plot.x + half, plot.y, half, plot.height), "Patients per dose (mean)", oc.series(),
                    oc.doses(), oc.patients(), 0);
        } else if (chart instanceof Chart.SurvivalCurves curves) {
            survival(gc, plot, curves);
        } else if (chart instanceof Chart.Forest forest) {
            forest(gc, plot, forest);
        }
    }

    private void bars(GC gc, Rectangle box, String title, List<String> series, List<String> doses, double[][] values,
            double fixedMax) {
        double max = fixedMax;
        if (max <= 0) {
            for (double[] row : values) {
                for (double v : row) {
                    max = Math.max(max, v);
                }
            }
            max = Math.max(1, Math.ceil(max));
        }
        int left = box.x + MARGIN;
        int top = box.y + 18;
        int width = box.width - MARGIN - 10;
        int height = box.height - 18 - 40;
        gc.drawString(title, left, box.y, true);
        axis(gc, left, top, width, height, max);
        double group = (double) width / doses.size();
        double bar = group * 0.8 / series.size();
        for (int d = 0; d < doses.size(); d++) {
            for (int s = 0; s < series.size(); s++) {
                int h = (int) Math.round(height * values[s][d] / max);
                gc.setBackground(colour(s));
                gc.fillRectangle((int) (left + d * group + group * 0.1 + s * bar), top + height - h,
                        Math.max(1, (int) bar - 1), h);
            }
            gc.drawString(doses.get(d), (int) (left + d * group + group / 2) - 3, top + height + 2, true);
        }
        legend(gc, left, top + height + 20, series);
    }

    private void survival(GC gc, Rectangle box, Chart.SurvivalCurves curves) {
        double end = 0;
        for (double[] times : curves.time()) {
            for (double t : times) {
                end = Math.max(end, t);
            }
        }
        end = end <= 0 ? 1 : end;
        int left = box.x + MARGIN;
        int top = box.y + 6;
        int width = box.width - MARGIN - 14;
        int height = box.height - 6 - 44;
        axis(gc, left, top, width, height, 1);
        gc.drawString("0", left, top + height + 2, true);
        gc.drawString(NumberText.text(end), left + width - 30, top + height + 2, true);
        for (int g = 0; g < curves.groups().size(); g++) {
            double[] time = curves.time().get(g);
            double[] s = curves.survival().get(g);
            double[] lower = curves.lower().get(g);
            double[] upper = curves.upper().get(g);
            double scale = end;
            Color colour = colour(g);
            gc.setBackground(colour);
            gc.setAlpha(50);
            for (int i = 0; i < time.length; i++) {
                if (Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                    int x0 = left + (int) (width * time[i] / scale);
                    int x1 = left + (int) (width * (i + 1 < time.length ? time[i + 1] : scale) / scale);
                    int y0 = top + (int) (height * (1 - upper[i]));
                    int y1 = top + (int) (height * (1 - lower[i]));
                    gc.fillRectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
                }
            }
            gc.setAlpha(255);
            gc.setForeground(colour);
            gc.setLineWidth(2);
            int x = left;
            int y = top;
            for (int i = 0; i < time.length; i++) {
                int nx = left + (int) (width * time[i] / scale);
                gc.drawLine(x, y, nx, y);
                int ny = Double.isFinite(s[i]) ? top + (int) (height * (1 - s[i])) : y;
                gc.drawLine(nx, y, nx, ny);
                x = nx;
                y = ny;
            }
            gc.drawLine(x, y, left + width, y);
            gc.setLineWidth(1);
            gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        }
        legend(gc, left, top + height + 22, curves.groups());
    }

    private void forest(GC gc, Rectangle box, Chart.Forest forest) {
        double min = 0;
        double max = 0;
        for (int i = 0; i < forest.terms().size(); i++) {
            min = Math.min(min, forest.lower()[i]);
            max = Math.max(max, forest.upper()[i]);
        }
        double pad = (max - min) * 0.05 + 1e-12;
        min -= pad;
        max += pad;
        int left = box.x + 140;
        int width = box.width - 160;
        int row = Math.max(16, Math.min(28, (box.height - 30) / Math.max(1, forest.terms().size())));
        double span = max - min;
        int zero = left + (int) (width * (0 - min) / span);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(zero, box.y, zero, box.y + row * forest.terms().size());
        gc.setLineStyle(SWT.LINE_SOLID);
        for (int i = 0; i < forest.terms().size(); i++) {
            int y = box.y + row * i + row / 2;
            gc.drawString(forest.terms().get(i), box.x + 8, y - 8, true);
            int x0 = left + (int) (width * (forest.lower()[i] - min) / span);
            int x1 = left + (int) (width * (forest.upper()[i] - min) / span);
            int xe = left + (int) (width * (forest.estimate()[i] - min) / span);
            gc.setForeground(colour(0));
            gc.setBackground(colour(0));
            gc.setLineWidth(2);
            gc.drawLine(x0, y, x1, y);
            gc.fillRectangle(xe - 4, y - 4, 8, 8);
            gc.setLineWidth(1);
            gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        }
        int axisY = box.y + row * forest.terms().size() + 4;
        gc.drawString(NumberText.text(min), left, axisY, true);
        gc.drawString(NumberText.text(max), left + width - 40, axisY, true);
    }

    private static void axis(GC gc, int left, int top, int width, int height, double max) {
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_GRAY));
        for (int tick = 0; tick <= 4; tick++) {
            int y = top + height - height * tick / 4;
            gc.drawLine(left, y, left + width, y);
            gc.drawString(NumberText.text(max * tick / 4), left - MARGIN + 2, y - 7, true);
        }
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
    }

    private static void legend(GC gc, int x, int y, List<String> names) {
        int at = x;
        for (int i = 0; i < names.size(); i++) {
            gc.setBackground(colour(i));
            gc.fillRectangle(at, y + 3, 10, 10);
            gc.drawString(names.get(i), at + 14, y, true);
            at += 24 + gc.textExtent(names.get(i)).x;
        }
    }

    /** A series colour (colours without a device need no disposing). */
    private static Color colour(int index) {
        return new Color(PALETTE[index % PALETTE.length]);
    }
}
