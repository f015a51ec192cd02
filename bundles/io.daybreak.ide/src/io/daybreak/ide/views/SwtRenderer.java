package io.daybreak.ide.views;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Transform;

import io.daybreak.charts.layout.Scene;
import io.daybreak.charts.layout.Shape;

/**
 * Draws a laid-out chart (io.daybreak.charts.layout) with SWT's GC. The geometry, ticks and labels come from the
 * shared layout, the same the console's SVG reports are drawn from; only the drawing calls are SWT's.
 */
final class SwtRenderer implements AutoCloseable {
    private final GC gc;
    private final int dx;
    private final int dy;
    /** Fonts by pixel size and weight, disposed with the renderer (one paint). */
    private final Map<String, Font> fonts = new HashMap<>();
    private final Font original;

    SwtRenderer(GC gc, int dx, int dy) {
        this.gc = gc;
        this.original = gc.getFont();
        this.dx = dx;
        this.dy = dy;
    }

    void draw(Scene scene) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        for (Shape shape : scene.shapes()) {
            if (shape instanceof Shape.Line line) {
                line(line);
            } else if (shape instanceof Shape.Path path) {
                path(path);
            } else if (shape instanceof Shape.Rect rect) {
                gc.setBackground(colour(rect.fill()));
                gc.fillRectangle(x(rect.x()), y(rect.y()), Math.max(1, (int) Math.round(rect.width())),
                        (int) Math.round(rect.height()));
            } else if (shape instanceof Shape.Circle dot) {
                circle(dot);
            } else if (shape instanceof Shape.Text text) {
                text(text);
            }
        }
    }

    private void line(Shape.Line line) {
        gc.setForeground(colour(line.stroke()));
        gc.setLineWidth(Math.max(1, (int) Math.round(line.width())));
        gc.setLineStyle(line.dashed() ? SWT.LINE_DASH : SWT.LINE_SOLID);
        gc.drawLine(x(line.x1()), y(line.y1()), x(line.x2()), y(line.y2()));
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
    }

    private void circle(Shape.Circle dot) {
        int d = Math.max(2, (int) Math.round(2 * dot.r()));
        int left = x(dot.cx() - dot.r());
        int top = y(dot.cy() - dot.r());
        if (dot.fill() != null) {
            gc.setBackground(colour(dot.fill()));
            gc.fillOval(left, top, d, d);
        }
        if (dot.stroke() != null) {
            gc.setForeground(colour(dot.stroke()));
            gc.drawOval(left, top, d, d);
        }
    }

    private void path(Shape.Path path) {
        int[] points = new int[path.xy().length];
        for (int i = 0; i + 1 < points.length; i += 2) {
            points[i] = x(path.xy()[i]);
            points[i + 1] = y(path.xy()[i + 1]);
        }
        if (path.fill() != null) {
            gc.setAlpha((int) Math.round(255 * path.opacity()));
            gc.setBackground(colour(path.fill()));
            gc.fillPolygon(points);
            gc.setAlpha(255);
        }
        if (path.stroke() != null) {
            gc.setForeground(colour(path.stroke()));
            gc.setLineWidth(Math.max(1, (int) Math.round(path.width())));
            gc.drawPolyline(points);
            gc.setLineWidth(1);
        }
    }

    private void text(Shape.Text text) {
        gc.setFont(font(text.size(), text.bold()));
        gc.setForeground(colour(text.colour()));
        int width = gc.textExtent(text.text()).x;
        int shift = text.anchor() == Shape.Anchor.START ? 0 : text.anchor() == Shape.Anchor.MIDDLE ? width / 2 : width;
        // the layout gives the baseline (as SVG does); SWT draws from the top of the line
        int ascent = gc.getFontMetrics().getAscent() + gc.getFontMetrics().getLeading();
        if (!text.vertical()) {
            gc.drawString(text.text(), x(text.x()) - shift, y(text.y()) - ascent, true);
            return;
        }
        Transform rotate = new Transform(gc.getDevice());
        try {
            rotate.translate(x(text.x()), y(text.y()));
            rotate.rotate(-90);
            gc.setTransform(rotate);
            gc.drawString(text.text(), -shift, -ascent, true);
        } finally {
            gc.setTransform(null);
            rotate.dispose();
        }
    }

    /** A font of the given pixel size in the control's face (points = pixels * 72 / dpi). */
    private Font font(double pixels, boolean bold) {
        return fonts.computeIfAbsent(pixels + (bold ? "b" : ""), key -> {
            FontData data = gc.getDevice().getSystemFont().getFontData()[0];
            int points = Math.max(6, (int) Math.round(pixels * 72 / gc.getDevice().getDPI().y));
            return new Font(gc.getDevice(), data.getName(), points, bold ? SWT.BOLD : SWT.NORMAL);
        });
    }

    /** A #rrggbb colour (colours without a device need no disposing). */
    private static Color colour(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new Color(new RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff));
    }

    private int x(double value) {
        return dx + (int) Math.round(value);
    }

    private int y(double value) {
        return dy + (int) Math.round(value);
    }

    @Override
    public void close() {
        // the GC must not keep a font that is about to be disposed
        gc.setFont(original);
        fonts.values().forEach(Font::dispose);
    }
}
