package io.daybreak.charts.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.charts.HeatMap;
import io.daybreak.charts.svg.SvgRenderer;

/** The heat map of a combination design: cells in grid order (drug A up), texts, outlines of the true MTDs, shading. */
class HeatMapTest {
    // BOIN's help-page grid (3 x 5) and R's get.oc.comb selection % (docs/validation/r/combination/comb-get-oc.out, S1)
    private static final double[] TRUTH = {0.01, 0.03, 0.10, 0.20, 0.30, 0.03, 0.05, 0.15, 0.30, 0.60, 0.08, 0.10, 0.30,
        0.60, 0.75};
    private static final double[] SELECTION = {0.004, 0.064, 1.134, 4.366, 5.924, 0.068, 0.288, 7.952, 20.304, 0.978,
        0.608, 8.138, 47.684, 2.476, 0.012};
    private static final boolean[] MTD = new boolean[15];

    static {
        MTD[4] = true;
        MTD[8] = true;
        MTD[12] = true;
    }

    private static List<Shape.Rect> cells(Scene scene) {
        return scene.shapes().stream().filter(Shape.Rect.class::isInstance).map(Shape.Rect.class::cast).toList();
    }

    private static Shape.Text text(Scene scene, String text) {
        return scene.shapes().stream().filter(Shape.Text.class::isInstance).map(Shape.Text.class::cast)
                .filter(t -> t.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError("no text " + text));
    }

    @Test
    void cellsSitOnTheDoseGridWithDrugAUpwards() {
        HeatMap map = HeatMap.selection("Selection", 3, 5, SELECTION, TRUTH, MTD, "true MTD", 0);
        Scene scene = ChartLayout.layout(map, 680, ChartLayout.preferredHeight(map, 680));
        List<Shape.Rect> cells = cells(scene);
        assertEquals(15, cells.size());
        // A1B1 is bottom left, A3B5 top right; A3B3 (47.7%) is above A1B3 (1.1%) and right of A3B1 (0.6%)
        Shape.Text a3b3 = text(scene, "47.7%");
        Shape.Text a1b3 = text(scene, "1.1%");
        Shape.Text a3b1 = text(scene, "0.6%");
        assertEquals(a3b3.x(), a1b3.x(), 1e-9);
        assertTrue(a3b3.y() < a1b3.y(), "drug A increases upwards");
        assertEquals(a3b3.y(), a3b1.y(), 1e-9);
        assertTrue(a3b3.x() > a3b1.x(), "drug B increases to the right");
        assertTrue(text(scene, "A1").y() > text(scene, "A3").y());
        // the largest cell is drawn at full colour, an empty one white, and shading grows with the value
        assertEquals("#4e79a7", cells.stream().filter(c -> c.tooltip().startsWith("A3 B3")).findFirst().orElseThrow()
                .fill());
        assertEquals("#ffffff", cells.stream().filter(c -> c.tooltip().startsWith("A1 B1")).findFirst().orElseThrow()
                .fill());
        String a2b4 = cells.stream().filter(c -> c.tooltip().startsWith("A2 B4")).findFirst().orElseThrow().fill();
        String a2b3 = cells.stream().filter(c -> c.tooltip().startsWith("A2 B3")).findFirst().orElseThrow().fill();
        assertTrue(Integer.parseInt(a2b4.substring(1, 3), 16) < Integer.parseInt(a2b3.substring(1, 3), 16),
                "20.3% is darker than 8.0%");
        assertTrue(cells.get(0).tooltip().contains("p = "), cells.get(0).tooltip());
    }

    @Test
    void trueMtdsAreOutlinedAndNothingElse() {
        HeatMap map = HeatMap.allocation("Patients", 3, 5, SELECTION, TRUTH, MTD, "true MTD", 36);
        Scene scene = ChartLayout.layout(map, 680, 300);
        List<Shape.Line> heavy = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(l -> l.width() == 3).toList();
        assertEquals(3 * 4 + 1, heavy.size(), "four sides per true MTD, plus the legend's swatch");
        // each outline surrounds the text of its cell
        for (String value : List.of("5.9", "20.3", "47.7")) {
            Shape.Text t = text(scene, value);
            assertTrue(heavy.stream().anyMatch(l -> l.y1() == l.y2() && l.y1() < t.y() && Math.min(l.x1(), l.x2()) < t.x()
                    && Math.max(l.x1(), l.x2()) > t.x()), "outline above " + value);
        }
        String svg = SvgRenderer.svg(map);
        assertTrue(svg.contains("Outlined: true MTD"), svg);
        assertTrue(svg.contains("p = 0.30"), svg);
    }

    @Test
    void inconsistentGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HeatMap.selection("x", 3, 4, SELECTION, TRUTH, MTD, "m", 0));
        assertThrows(IllegalArgumentException.class, () -> new HeatMap("x", "x", "r", "c", List.of("A1"),
                List.of("B1"), new double[][] {{1}}, new String[][] {{"1"}}, new String[][] {{""}},
                new boolean[][] {{false}}, 0, "", ""));
    }
}
