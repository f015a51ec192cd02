package io.daybreak.charts.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.charts.AeDotPlot;
import io.daybreak.charts.Axis;
import io.daybreak.charts.SignalCriteria;
import io.daybreak.charts.Tick;
import io.daybreak.charts.VolcanoPlot;
import io.daybreak.charts.svg.SvgRenderer;

/** Volcano plots and the AE dot plot: where the values and thresholds land, labels apart, the terms' order. */
class SignalChartsTest {
    private static List<Shape.Text> texts(Scene scene) {
        return scene.shapes().stream().filter(Shape.Text.class::isInstance).map(Shape.Text.class::cast).toList();
    }

    private static List<Shape.Circle> dots(Scene scene) {
        return scene.shapes().stream().filter(Shape.Circle.class::isInstance).map(Shape.Circle.class::cast).toList();
    }

    /** The x of an x-axis tick label (centred under its tick) and the y of a y-axis tick's line (label baseline - 3.5). */
    private static double xTick(Scene scene, String label) {
        return texts(scene).stream().filter(t -> t.text().equals(label) && t.anchor() == Shape.Anchor.MIDDLE
                && t.size() == Frame.TICK_FONT).findFirst().orElseThrow(() -> new AssertionError("no x tick " + label)).x();
    }

    private static double yTick(Scene scene, String label) {
        return texts(scene).stream().filter(t -> t.text().equals(label) && t.anchor() == Shape.Anchor.END
                && t.size() == Frame.TICK_FONT).findFirst().orElseThrow(() -> new AssertionError("no y tick " + label)).y()
                - Frame.TICK_FONT * 0.35;
    }

    @Test
    void ratioAxesHaveTicksAtPowersOfTwoThroughOne() {
        Axis axis = Axis.log2("PRR", 0.3, 5);
        assertEquals(List.of("0.25", "0.5", "1", "2", "4", "8"), axis.ticks().stream().map(Tick::label).toList());
        assertEquals(Axis.Scale.LOG, axis.scale());
        Axis wide = Axis.log2("PRR", 0.01, 900);
        assertTrue(wide.ticks().size() <= 9, wide.ticks().toString());
        assertTrue(wide.ticks().stream().anyMatch(t -> t.value() == 1), "1 stays a tick on a wide axis");
        assertTrue(wide.min() <= 0.01 && wide.max() >= 900);
        // equally spaced in log: 0.5 and 2 are as far from 1
        assertEquals(axis.fraction(1) - axis.fraction(0.5), axis.fraction(2) - axis.fraction(1), 1e-12);
    }

    /** Points at (PRR, -log10 p); the dashed lines at PRR = 2 and at p = 0.05, i.e. -log10(0.05) = 1.30103. */
    @Test
    void pointsAndThresholdsLandWhereTheValuesSay() {
        List<String> names = List.of("A \u2013 rash", "B \u2013 nausea", "C \u2013 fatigue");
        VolcanoPlot plot = VolcanoPlot.disproportionality("PRR", names, new double[] {4, 0.5, 1.5},
                new double[] {0.001, 0.2, 0.01}, new boolean[] {true, false, false}, 2, 0.05);
        Scene scene = ChartLayout.layout(plot, 680, ChartLayout.preferredHeight(plot, 680));
        Shape.Circle rash = dots(scene).stream().filter(d -> names.get(0).concat(": 4, 3").equals(d.tooltip()))
                .findFirst().orElseThrow(() -> new AssertionError(dots(scene).toString()));
        assertEquals(xTick(scene, "4"), rash.cx(), 1e-9);
        assertEquals(yTick(scene, "3"), rash.cy(), 1e-9, "-log10(0.001) = 3");
        assertEquals(VolcanoLayout.SIGNAL, rash.fill(), "a signal is highlighted");
        Shape.Circle nausea = dots(scene).stream().filter(d -> d.tooltip() != null && d.tooltip().startsWith("B"))
                .findFirst().orElseThrow();
        assertEquals(xTick(scene, "0.5"), nausea.cx(), 1e-9);
        assertEquals(VolcanoLayout.OTHER, nausea.fill());
        List<Shape.Line> dashed = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.dashed())
                .map(Shape.Line.class::cast).toList();
        assertEquals(2, dashed.size());
        Shape.Line across = dashed.stream().filter(l -> l.y1() == l.y2()).findFirst().orElseThrow();
        double one = yTick(scene, "1");
        double two = yTick(scene, "2");
        assertEquals(one + (two - one) * (-Math.log10(0.05) - 1), across.y1(), 1e-9);
        Shape.Line down = dashed.stream().filter(l -> l.x1() == l.x2()).findFirst().orElseThrow();
        assertEquals(xTick(scene, "2"), down.x1(), 1e-9);
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("p = 0.05")));
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("PRR = 2")));
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals(names.get(0))), "the signal is named");
        assertFalse(texts(scene).stream().anyMatch(t -> t.text().equals(names.get(1))), "a non-signal is not");
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("PRR (log scale)")));
    }

    @Test
    void theEbgmPlotDrawsEb05AgainstEbgmWithItsThreshold() {
        VolcanoPlot plot = VolcanoPlot.ebgm(List.of("A \u2013 x", "B \u2013 y"), new double[] {8, 1.2},
                new double[] {4, 0.7}, new boolean[] {true, false}, 2);
        Scene scene = ChartLayout.layout(plot, 680, 440);
        Shape.Line threshold = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.dashed())
                .map(Shape.Line.class::cast).findFirst().orElseThrow();
        assertEquals(yTick(scene, "2"), threshold.y1(), 1e-9);
        Shape.Circle a = dots(scene).stream().filter(d -> "A \u2013 x: 8, 4".equals(d.tooltip())).findFirst().orElseThrow();
        assertEquals(xTick(scene, "8"), a.cx(), 1e-9);
        assertEquals(yTick(scene, "4"), a.cy(), 1e-9);
    }

    /** 40 signals in a tight cluster: the names drawn never overlap each other or the threshold labels. */
    @Test
    void signalNamesDoNotOverlap() {
        List<String> names = new ArrayList<>();
        int n = 40;
        double[] prr = new double[n];
        double[] p = new double[n];
        boolean[] signal = new boolean[n];
        for (int i = 0; i < n; i++) {
            names.add("Drug" + (i % 4) + " \u2013 Event number " + i);
            prr[i] = 3 + 0.05 * (i % 7);
            p[i] = Math.pow(10, -4 - 0.05 * (i % 9));
            signal[i] = true;
        }
        VolcanoPlot plot = VolcanoPlot.disproportionality("PRR", names, prr, p, signal, 2, 0.05);
        Scene scene = ChartLayout.layout(plot, 680, 440);
        List<VolcanoLayout.Box> boxes = texts(scene).stream().filter(t -> t.size() == VolcanoLayout.LABEL_FONT)
                .map(VolcanoLayout.Box::of).toList();
        List<Shape.Text> named = texts(scene).stream().filter(t -> names.contains(t.text())).toList();
        assertTrue(named.size() >= 2 && named.size() <= VolcanoPlot.LABELLED, named.toString());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
            assertTrue(boxes.get(i).left() >= 0 && boxes.get(i).right() <= 680, boxes.get(i).toString());
        }
    }

    /** The strongest signal in the top right corner, where the PRR line's label used to be, is still named. */
    @Test
    void theStrongestSignalInTheCornerIsNamed() {
        List<String> names = List.of("Fastinib \u2013 Myocarditis", "B \u2013 x");
        VolcanoPlot plot = VolcanoPlot.disproportionality("PRR", names, new double[] {11.8, 0.04},
                new double[] {4.24e-40, 1e-6}, new boolean[] {true, false}, 2, 0.05);
        Scene scene = ChartLayout.layout(plot, 680, 440);
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals(names.get(0))), texts(scene).toString());
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("1/64")), "powers below 0.1 as fractions");
    }

    @Test
    void pairsWithoutAFiniteRatioAreCountedNotDrawn() {
        VolcanoPlot plot = VolcanoPlot.disproportionality("PRR", List.of("a", "b", "c"),
                new double[] {Double.POSITIVE_INFINITY, 0, 2.5}, new double[] {0.01, 0.5, 0.01},
                new boolean[] {true, false, true}, 2, 0.05);
        assertEquals(List.of("c"), plot.names());
        assertTrue(plot.note().startsWith("2 pairs not drawn"), plot.note());
    }

    /** The run's thresholds by name, else the conventional ones. */
    @Test
    void criteriaComeFromTheRunsParameters() {
        SignalCriteria run = new SignalCriteria(Map.of("prrMin", "3", "sortBy", "ror", "alpha", 0.01));
        assertEquals(3, run.value(2, SignalCriteria.PRR_THRESHOLD));
        assertEquals(0.01, run.value(0.05, SignalCriteria.ALPHA));
        assertEquals(4, run.value(4, SignalCriteria.CHISQ_THRESHOLD));
        assertTrue(run.given(SignalCriteria.PRR_THRESHOLD));
        assertFalse(run.given(SignalCriteria.CHISQ_THRESHOLD));
        assertEquals("ROR", run.ratio());
        assertEquals("PRR", new SignalCriteria(null).ratio());
    }

    private static AeDotPlot aePlot(List<String> systems, List<String> terms, double[] rd) {
        int k = terms.size();
        double[] incidenceArm = new double[k];
        double[] incidenceControl = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int i = 0; i < k; i++) {
            incidenceControl[i] = 10;
            incidenceArm[i] = 10 + rd[i];
            lower[i] = rd[i] - 5;
            upper[i] = rd[i] + 5;
        }
        return AeDotPlot.of("", AeDotPlot.Effect.RISK_DIFFERENCE, systems, terms, Collections.nCopies(k, "Drug"),
                Collections.nCopies(k, "Placebo"), incidenceArm, incidenceControl, rd, lower, upper);
    }

    /** One body system: terms top to bottom by decreasing risk difference. */
    @Test
    void termsAreSortedByTheRiskDifference() {
        AeDotPlot plot = aePlot(List.of("GI", "GI", "GI", "GI"), List.of("Nausea", "Vomiting", "Diarrhoea", "Constipation"),
                new double[] {2, -3, 12, 5});
        assertFalse(plot.grouped());
        assertEquals(List.of("Diarrhoea", "Constipation", "Nausea", "Vomiting"), plot.terms());
        Scene scene = ChartLayout.layout(plot, 680, ChartLayout.preferredHeight(plot, 680));
        List<Double> ys = plot.terms().stream().map(term -> texts(scene).stream().filter(t -> t.text().equals(term))
                .findFirst().orElseThrow().y()).toList();
        for (int i = 1; i < ys.size(); i++) {
            assertTrue(ys.get(i) >= ys.get(i - 1) + AeDotLayout.ROW - 1e-9, "rows drawn top to bottom, a row apart");
        }
    }

    /** Several body systems: systems by their largest difference, terms within; each system heads its group in bold. */
    @Test
    void termsAreGroupedByBodySystem() {
        AeDotPlot plot = aePlot(List.of("Skin", "GI", "Skin", "GI", "Nervous"),
                List.of("Rash", "Nausea", "Pruritus", "Diarrhoea", "Headache"), new double[] {4, 2, 9, 15, -1});
        assertTrue(plot.grouped());
        assertEquals(List.of("Diarrhoea", "Nausea", "Pruritus", "Rash", "Headache"), plot.terms());
        assertEquals(List.of("GI", "GI", "Skin", "Skin", "Nervous"), plot.bodySystems());
        Scene scene = ChartLayout.layout(plot, 680, ChartLayout.preferredHeight(plot, 680));
        Shape.Text gi = texts(scene).stream().filter(t -> t.text().equals("GI")).findFirst().orElseThrow();
        Shape.Text skin = texts(scene).stream().filter(t -> t.text().equals("Skin")).findFirst().orElseThrow();
        double nausea = texts(scene).stream().filter(t -> t.text().equals("Nausea")).findFirst().orElseThrow().y();
        double pruritus = texts(scene).stream().filter(t -> t.text().equals("Pruritus")).findFirst().orElseThrow().y();
        assertTrue(gi.bold() && skin.bold());
        assertTrue(gi.y() < nausea && nausea < skin.y() && skin.y() < pruritus, "a heading above its terms");
    }

    /** Incidence dots at their % on the left axis; the difference dot and its limits on the right axis; 0 dashed. */
    @Test
    void dotsAndIntervalsLandOnTheirAxes() {
        AeDotPlot plot = AeDotPlot.of("", AeDotPlot.Effect.RISK_DIFFERENCE, List.of("GI"), List.of("Nausea"),
                List.of("Drug"), List.of("Placebo"), new double[] {30}, new double[] {10}, new double[] {20},
                new double[] {5}, new double[] {35});
        Scene scene = ChartLayout.layout(plot, 680, ChartLayout.preferredHeight(plot, 680));
        Shape.Circle drug = dots(scene).stream().filter(d -> "Drug, Nausea: 30%".equals(d.tooltip())).findFirst()
                .orElseThrow(() -> new AssertionError(dots(scene).toString()));
        Shape.Circle placebo = dots(scene).stream().filter(d -> "Placebo, Nausea: 10%".equals(d.tooltip())).findFirst()
                .orElseThrow();
        Shape.Circle rd = dots(scene).stream().filter(d -> d.tooltip() != null && d.tooltip().startsWith("Drug vs Placebo"))
                .findFirst().orElseThrow();
        List<Shape.Text> ticks = texts(scene).stream().filter(t -> t.anchor() == Shape.Anchor.MIDDLE
                && t.size() == Frame.TICK_FONT).toList();
        // the incidence axis (0 to 30) comes first, the difference axis (0 to 40, say) second: each has its own "30"
        double incidence30 = ticks.stream().filter(t -> t.text().equals("30")).findFirst().orElseThrow().x();
        double incidence10 = ticks.stream().filter(t -> t.text().equals("10")).findFirst().orElseThrow().x();
        assertEquals(incidence30, drug.cx(), 1e-9);
        assertEquals(incidence10, placebo.cx(), 1e-9);
        assertEquals(drug.cy(), placebo.cy(), 1e-9, "both arms on the term's row");
        double rd20 = ticks.stream().filter(t -> t.text().equals("20")).reduce((a, b) -> b).orElseThrow().x();
        assertEquals(rd20, rd.cx(), 1e-9);
        Shape.Line ci = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.y1() == rd.cy()
                && l.y2() == rd.cy() && l.width() == 1.5).map(Shape.Line.class::cast).findFirst().orElseThrow();
        double rd0 = ticks.stream().filter(t -> t.text().equals("0")).reduce((a, b) -> b).orElseThrow().x();
        assertEquals(rd0 + (rd20 - rd0) * 5 / 20, ci.x1(), 1e-9);
        assertEquals(rd0 + (rd20 - rd0) * 35 / 20, ci.x2(), 1e-9);
        Shape.Line zero = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.dashed())
                .map(Shape.Line.class::cast).findFirst().orElseThrow();
        assertEquals(rd0, zero.x1(), 1e-9);
    }

    /** Relative risks on a log axis through 1 (dashed); an infinite upper limit (no control cases) ends at the edge. */
    @Test
    void relativeRisksAreDrawnOnALogAxis() {
        AeDotPlot plot = AeDotPlot.of("", AeDotPlot.Effect.RELATIVE_RISK, List.of("GI", "GI"), List.of("Nausea", "Ileus"),
                List.of("Drug", "Drug"), List.of("Placebo", "Placebo"), new double[] {30, 4}, new double[] {10, 0},
                new double[] {3, Double.POSITIVE_INFINITY}, new double[] {1.5, 0.6}, new double[] {6, Double.POSITIVE_INFINITY});
        assertEquals(Axis.Scale.LOG, plot.effectAxis().scale());
        Scene scene = ChartLayout.layout(plot, 680, ChartLayout.preferredHeight(plot, 680));
        Shape.Line one = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.dashed())
                .map(Shape.Line.class::cast).findFirst().orElseThrow();
        double x1 = texts(scene).stream().filter(t -> t.text().equals("1") && t.anchor() == Shape.Anchor.MIDDLE)
                .reduce((a, b) -> b).orElseThrow().x();
        assertEquals(x1, one.x1(), 1e-9, "the reference at relative risk 1");
        double right = texts(scene).stream().filter(t -> t.anchor() == Shape.Anchor.MIDDLE && t.size() == Frame.TICK_FONT)
                .mapToDouble(Shape.Text::x).max().orElseThrow();
        double ileus = texts(scene).stream().filter(t -> t.text().equals("Ileus")).findFirst().orElseThrow().y()
                - AeDotLayout.FONT * 0.35;
        Shape.Line interval = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.width() == 1.5
                && Math.abs(l.y1() - ileus) < 1e-9).map(Shape.Line.class::cast).findFirst().orElseThrow();
        assertEquals(right, interval.x2(), 1e-9, "the infinite limit reaches the axis' end");
        assertTrue(dots(scene).stream().noneMatch(d -> d.tooltip() != null && d.tooltip().startsWith("Drug vs Placebo, Ileus")),
                "no dot for an infinite estimate");
    }

    /** 30 terms in 5 body systems at the report's width: every name on its own row, none cut, the chart grows. */
    @Test
    void thirtyTermsStayReadable() {
        List<String> systems = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        double[] rd = new double[30];
        for (int i = 0; i < 30; i++) {
            systems.add("System organ class " + i % 5);
            terms.add("Preferred term " + i);
            rd[i] = (i * 7 % 30) - 10;
        }
        AeDotPlot plot = aePlot(systems, terms, rd);
        double height = ChartLayout.preferredHeight(plot, SvgRenderer.REPORT_WIDTH);
        Scene scene = ChartLayout.layout(plot, SvgRenderer.REPORT_WIDTH, height);
        List<Shape.Text> names = texts(scene).stream().filter(t -> terms.contains(t.text())
                || systems.contains(t.text())).sorted((a, b) -> Double.compare(a.y(), b.y())).toList();
        assertEquals(35, names.size(), "30 terms and 5 headings");
        for (int i = 1; i < names.size(); i++) {
            assertTrue(names.get(i).y() - names.get(i - 1).y() >= AeDotLayout.ROW - 1e-9, "rows at least 16 px apart");
        }
        for (Shape.Text name : names) {
            assertTrue(VolcanoLayout.Box.of(name).left() >= 0, name.text() + " starts inside the chart");
        }
        assertTrue(names.get(names.size() - 1).y() < height - Frame.X_AXIS_HEIGHT, "the last row above the axis");
    }

    @Test
    void incidencesAreReadAsProportionsOrPercentFromTheCounts() {
        assertEquals(100, AeDotPlot.percentFactor(new double[] {0.25}, new double[] {5}, new double[] {20}));
        assertEquals(1, AeDotPlot.percentFactor(new double[] {25}, new double[] {5}, new double[] {20}));
        assertEquals(100, AeDotPlot.percentFactor(new double[] {0.2, 0.9}, null, null));
        assertEquals(1, AeDotPlot.percentFactor(new double[] {0.5, 12}, null, null));
    }

    @Test
    void dotsAreSvgCircles() {
        Scene scene = new Scene("dots", 10, 10, List.of(new Shape.Circle(5, 5, 3, null, "#4e79a7", "a & b")));
        assertTrue(SvgRenderer.svg(scene).contains("<circle cx=\"5\" cy=\"5\" r=\"3\" fill=\"none\" stroke=\"#4e79a7\">"
                + "<title>a &amp; b</title></circle>"), SvgRenderer.svg(scene));
    }
}
