package io.daybreak.charts.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.charts.Axis;
import io.daybreak.charts.BiomarkerCharts;
import io.daybreak.charts.CurvePlot;
import io.daybreak.charts.ForestPlot;
import io.daybreak.charts.Palette;
import io.daybreak.charts.svg.SvgRenderer;

/**
 * The biomarker charts: lambda.min and lambda.1se found and drawn where they are, ROC points and the Youden point
 * placed right, the subgroup forest rows in order, the STEPP band and reference lines, coefficient paths named.
 */
class BiomarkerChartsTest {
    private static final double W = 680;

    private static List<Shape.Text> texts(Scene scene) {
        return scene.shapes().stream().filter(Shape.Text.class::isInstance).map(Shape.Text.class::cast).toList();
    }

    private static Shape.Text text(Scene scene, String prefix) {
        return texts(scene).stream().filter(t -> t.text().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no text " + prefix));
    }

    /** The pixel x of data value v from two x tick labels (centred under their ticks) a and b. */
    private static double xAt(Scene scene, String a, double va, String b, double vb, double v) {
        double xa = xTick(scene, a);
        double xb = xTick(scene, b);
        return xa + (v - va) * (xb - xa) / (vb - va);
    }

    private static double xTick(Scene scene, String label) {
        return texts(scene).stream().filter(t -> t.text().equals(label) && t.anchor() == Shape.Anchor.MIDDLE
                && t.size() == Frame.TICK_FONT && t.y() > 100).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no x tick " + label)).x();
    }

    private static double yAt(Scene scene, String a, double va, String b, double vb, double v) {
        double ya = yTick(scene, a);
        double yb = yTick(scene, b);
        return ya + (v - va) * (yb - ya) / (vb - va);
    }

    private static double yTick(Scene scene, String label) {
        return texts(scene).stream().filter(t -> t.text().equals(label) && t.anchor() == Shape.Anchor.END
                && t.size() == Frame.TICK_FONT).findFirst().orElseThrow(() -> new AssertionError("no y tick " + label))
                .y() - Frame.TICK_FONT * 0.35;
    }

    private static List<Shape.Line> dashedVertical(Scene scene) {
        return scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(l -> l.dashed() && Math.abs(l.x1() - l.x2()) < 1e-9).toList();
    }

    /**
     * A cross-validation curve whose minimum (cvm 1.0) is at lambda = e^-3 with cvup 1.1 there: lambda.1se is the
     * largest lambda with cvm <= 1.1, e^-2 (cvm 1.08; e^-1 has 1.3), as cv.glmnet chooses it.
     */
    @Test
    void theCvCurveFindsAndMarksLambdaMinAndLambda1se() {
        double[] logLambda = {0, -1, -2, -3, -4, -5};
        double[] lambda = new double[6];
        for (int i = 0; i < 6; i++) {
            lambda[i] = Math.exp(logLambda[i]);
        }
        double[] cvm = {1.6, 1.3, 1.08, 1.0, 1.05, 1.2};
        double[] cvlo = new double[6];
        double[] cvup = new double[6];
        for (int i = 0; i < 6; i++) {
            cvlo[i] = cvm[i] - 0.1;
            cvup[i] = cvm[i] + 0.1;
        }
        double[] nzero = {0, 1, 3, 5, 8, 10};
        assertEquals(Math.exp(-3), BiomarkerCharts.lambdaMin(lambda, cvm, false), 1e-15);
        assertEquals(Math.exp(-2), BiomarkerCharts.lambda1se(lambda, cvm, cvlo, cvup, false), 1e-15);
        // a measure to maximise (AUC): best at the largest cvm, 1se the largest lambda with cvm >= its cvlo
        double[] auc = {0.6, 0.7, 0.79, 0.8, 0.75, 0.7};
        double[] aucLo = new double[6];
        for (int i = 0; i < 6; i++) {
            aucLo[i] = auc[i] - 0.02;
        }
        assertEquals(Math.exp(-3), BiomarkerCharts.lambdaMin(lambda, auc, true), 1e-15);
        assertEquals(Math.exp(-2), BiomarkerCharts.lambda1se(lambda, auc, aucLo, auc, true), 1e-15);

        CurvePlot plot = BiomarkerCharts.cvCurve(lambda, cvm, cvlo, cvup, nzero, Double.NaN, Double.NaN,
                BiomarkerCharts.cvMeasure("deviance", "binomial"), false);
        assertEquals("Binomial deviance", plot.y().title());
        Scene scene = ChartLayout.layout(plot, W, ChartLayout.preferredHeight(plot, W));
        List<Shape.Line> lines = dashedVertical(scene);
        assertEquals(2, lines.size(), "lambda.min and lambda.1se");
        assertEquals(xAt(scene, "-4", -4, "-1", -1, -3), lines.get(0).x1(), 1e-6, "lambda.min at log(lambda) = -3");
        assertEquals(xAt(scene, "-4", -4, "-1", -1, -2), lines.get(1).x1(), 1e-6, "lambda.1se at log(lambda) = -2");
        assertEquals("lambda.min 0.0498 (5 terms)", text(scene, "lambda.min").text(), "e^-3 = 0.049787, nzero 5");
        assertEquals("lambda.1se 0.135 (3 terms)", text(scene, "lambda.1se").text(), "e^-2 = 0.135335, nzero 3");
        assertTrue(text(scene, "lambda.min").x() < lines.get(0).x1() && text(scene, "lambda.1se").x() > lines.get(1).x1(),
                "the two labels sit on the outer sides of their lines");
        // the error bar at the minimum runs from cvlo 0.9 to cvup 1.1
        double x = lines.get(0).x1();
        Shape.Line bar = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(l -> l.stroke().equals(CurveLayout.GREY) && Math.abs(l.x1() - x) < 1e-9 && Math.abs(l.x2() - x) < 1e-9)
                .findFirst()
                .orElseThrow();
        assertEquals(yAt(scene, "0.8", 0.8, "1.6", 1.6, 0.9), Math.max(bar.y1(), bar.y2()), 1e-6);
        assertEquals(yAt(scene, "0.8", 0.8, "1.6", 1.6, 1.1), Math.min(bar.y1(), bar.y2()), 1e-6);
        // the number of non-zero coefficients along the top at log(lambda) = -5 .. 0
        assertEquals(List.of("10", "8", "5", "3", "1", "0"), plot.topTicks().stream().map(t -> t.label()).toList());
    }

    /** Given lambda.min and lambda.1se (the method's summary) win over the curve's own. */
    @Test
    void theMethodsLambdasAreDrawnWhenGiven() {
        double[] lambda = {1, 0.5, 0.25};
        double[] cvm = {3, 2, 1};
        CurvePlot plot = BiomarkerCharts.cvCurve(lambda, cvm, cvm, cvm, null, 0.5, 1, "Mean-squared error", false);
        Scene scene = ChartLayout.layout(plot, W, ChartLayout.preferredHeight(plot, W));
        List<Shape.Line> lines = dashedVertical(scene);
        assertEquals(2, lines.size());
        assertTrue(Math.abs(lines.get(0).x1() - lines.get(1).x1()) > 10);
        assertEquals("lambda.min 0.5", text(scene, "lambda.min").text(), "no count without nzero");
    }

    /**
     * Points (1 - specificity, sensitivity) where they belong; the Youden point (se 0.8, sp 0.7: J = 0.5, the largest)
     * marked; the diagonal from (0, 0) to (1, 1); the AUC with its interval in the legend.
     */
    @Test
    void rocPointsAndTheYoudenPointArePlacedRight() {
        double[] se = {1, 0.9, 0.8, 0.5, 0};
        double[] sp = {0, 0.4, 0.7, 0.8, 1};
        CurvePlot plot = BiomarkerCharts.roc("ROC curves", List.of(new BiomarkerCharts.Roc("CA-125", se, sp, 0.8123,
                0.7401, 0.8845, Double.NaN, Double.NaN, Double.NaN)), 0.95);
        Scene scene = ChartLayout.layout(plot, W, ChartLayout.preferredHeight(plot, W));
        Shape.Path curve = scene.shapes().stream().filter(Shape.Path.class::isInstance).map(Shape.Path.class::cast)
                .filter(p -> "CA-125: AUC 0.812 (95% CI 0.740 to 0.885)".equals(p.tooltip())).findFirst().orElseThrow();
        // sorted by false positive rate: (0, 0), (0.2, 0.5), (0.3, 0.8), (0.6, 0.9), (1, 1)
        double[][] expected = {{0, 0}, {0.2, 0.5}, {0.3, 0.8}, {0.6, 0.9}, {1, 1}};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(xAt(scene, "0", 0, "1", 1, expected[k][0]), curve.xy()[2 * k], 1e-6, "x of point " + k);
            assertEquals(yAt(scene, "0", 0, "1", 1, expected[k][1]), curve.xy()[2 * k + 1], 1e-6, "y of point " + k);
        }
        Shape.Circle youden = scene.shapes().stream().filter(Shape.Circle.class::isInstance).map(Shape.Circle.class::cast)
                .findFirst().orElseThrow();
        assertEquals(xAt(scene, "0", 0, "1", 1, 0.3), youden.cx(), 1e-6);
        assertEquals(yAt(scene, "0", 0, "1", 1, 0.8), youden.cy(), 1e-6);
        assertEquals("Se 0.800, Sp 0.700", youden.tooltip());
        Shape.Line diagonal = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(Shape.Line::dashed).findFirst().orElseThrow();
        assertEquals(xAt(scene, "0", 0, "1", 1, 0), diagonal.x1(), 1e-6);
        assertEquals(yAt(scene, "0", 0, "1", 1, 1), diagonal.y2(), 1e-6);
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("CA-125: AUC 0.812 (95% CI 0.740 to 0.885)")));
        // the method's Youden threshold wins over the one found from the points, and is named
        CurvePlot given = BiomarkerCharts.roc("ROC", List.of(new BiomarkerCharts.Roc("m", se, sp, 0.8, Double.NaN,
                Double.NaN, 2.5, 0.9, 0.4)), 0.9);
        assertEquals("threshold 2.5: Se 0.900, Sp 0.400", given.marks().get(0).label());
        assertEquals(0.6, given.marks().get(0).x(), 1e-15);
        assertEquals("m: AUC 0.800", given.curves().get(0).name(), "no interval when the limits are not known");
    }

    /** Two rows per subgroup in table order (naive above adjusted); a hazard ratio scale is a log axis through 1. */
    @Test
    void subgroupForestRowsAreOrderedNaiveThenAdjusted() {
        ForestPlot plot = BiomarkerCharts.subgroups(List.of("marker1 >= 0.42 & marker3 < 1.1", "marker2 < -0.3"),
                new double[] {0.45, 0.6}, new double[] {0.3, 0.42}, new double[] {0.68, 0.86}, new double[] {0.62, 0.75},
                new double[] {0.4, 0.5}, new double[] {0.96, 1.1}, "hazard ratio");
        assertEquals(List.of("marker1 >= 0.42 & marker3 < 1.1 \u00b7 naive", "marker1 >= 0.42 & marker3 < 1.1 \u00b7 adjusted",
                "marker2 < -0.3 \u00b7 naive", "marker2 < -0.3 \u00b7 adjusted"), plot.terms());
        assertEquals(Axis.Scale.LOG, plot.axis().scale());
        assertEquals(1, plot.reference());
        Scene scene = ChartLayout.layout(plot, W, ChartLayout.preferredHeight(plot, W));
        List<Shape.Text> names = texts(scene).stream().filter(t -> plot.terms().contains(t.text())).toList();
        assertEquals(plot.terms(), names.stream().map(Shape.Text::text).toList(), "drawn in that order");
        for (int i = 1; i < names.size(); i++) {
            assertTrue(names.get(i).y() > names.get(i - 1).y(), "top to bottom");
        }
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("0.620 (0.400 to 0.960)")));
        List<Shape.Rect> squares = scene.shapes().stream().filter(Shape.Rect.class::isInstance).map(Shape.Rect.class::cast)
                .filter(r -> r.tooltip() != null).toList();
        assertEquals(List.of(BiomarkerCharts.NAIVE, Palette.colour(0), BiomarkerCharts.NAIVE, Palette.colour(0)),
                squares.stream().map(Shape.Rect::fill).toList(), "naive grey, adjusted in colour");
        assertTrue(squares.get(1).tooltip().startsWith("marker1 >= 0.42 & marker3 < 1.1 \u00b7 adjusted: 0.620"));
        ForestPlot risk = BiomarkerCharts.subgroups(List.of("a"), new double[] {0.1}, new double[] {0.0},
                new double[] {0.2}, new double[] {0.05}, new double[] {-0.05}, new double[] {0.15}, "risk difference");
        assertEquals(Axis.Scale.LINEAR, risk.axis().scale());
        assertEquals(0, risk.reference());
        assertFalse(BiomarkerCharts.subgroups(List.of("a"), new double[] {0.1}, new double[] {0.0}, new double[] {0.2},
                new double[] {0.05}, new double[] {-0.05}, new double[] {0.15}, "log hazard ratio").axis().scale()
                == Axis.Scale.LOG, "a log ratio is a difference");
    }

    /** STEPP: points at the window medians, a band, the no-effect line at 0 and the overall effect dashed. */
    @Test
    void steppDrawsTheEffectBandAndTheOverallLine() {
        double[] median = {1, 2, 3, 4};
        double[] difference = {-0.2, -0.4, -0.6, -0.8};
        double[] lower = {-0.6, -0.8, -1.0, -1.2};
        double[] upper = {0.2, 0.0, -0.2, -0.4};
        CurvePlot plot = BiomarkerCharts.stepp("Ki-67", median, difference, lower, upper, "log hazard ratio", -0.5, 0.0123);
        assertEquals("Treatment effect (log hazard ratio)", plot.y().title());
        assertEquals("Ki-67 (median of window)", plot.x().title());
        Scene scene = ChartLayout.layout(plot, W, ChartLayout.preferredHeight(plot, W));
        List<Shape.Circle> dots = scene.shapes().stream().filter(Shape.Circle.class::isInstance)
                .map(Shape.Circle.class::cast).toList();
        assertEquals(4, dots.size());
        assertEquals(xAt(scene, "1", 1, "4", 4, 2), dots.get(1).cx(), 1e-6);
        assertEquals(yAt(scene, "0", 0, "-1", -1, -0.4), dots.get(1).cy(), 1e-6);
        Shape.Path band = scene.shapes().stream().filter(Shape.Path.class::isInstance).map(Shape.Path.class::cast)
                .filter(p -> p.fill() != null).findFirst().orElseThrow();
        assertEquals(16, band.xy().length, "four upper then four lower points");
        assertEquals(yAt(scene, "0", 0, "-1", -1, 0.2), band.xy()[1], 1e-6, "upper limit of the first window");
        assertEquals(yAt(scene, "0", 0, "-1", -1, -0.6), band.xy()[15], 1e-6, "lower limit of the first window, last");
        Shape.Line overall = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(l -> l.dashed()).findFirst().orElseThrow();
        assertEquals(yAt(scene, "0", 0, "-1", -1, -0.5), overall.y1(), 1e-6);
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("overall -0.5")));
        assertTrue(plot.note().contains("p = 0.012"));
    }

    /**
     * Coefficient paths: no intercept, the terms largest at the smallest lambda named (and coloured), the rest grey,
     * the count of non-zero terms along the top.
     */
    @Test
    void coefficientPathsNameTheLargestTermsAndDropTheIntercept() {
        List<String> term = new ArrayList<>();
        List<Double> lambda = new ArrayList<>();
        List<Double> coefficient = new ArrayList<>();
        int terms = 9;
        for (int m = 0; m < 5; m++) {
            double l = Math.exp(-m);
            term.add("(Intercept)");
            lambda.add(l);
            coefficient.add(5.0);
            for (int j = 0; j < terms; j++) {
                term.add("x" + j);
                lambda.add(l);
                // x_j enters at step j/2 and reaches 0.1 * (j + 1) at the smallest lambda
                coefficient.add(m >= j / 2 ? 0.1 * (j + 1) * (m + 1) / 5.0 : 0.0);
            }
        }
        CurvePlot plot = BiomarkerCharts.coefficientPaths(term, lambda.stream().mapToDouble(d -> d).toArray(),
                coefficient.stream().mapToDouble(d -> d).toArray(), Math.exp(-3), Double.NaN);
        assertEquals(terms, plot.curves().size(), "the intercept is not drawn");
        List<String> named = plot.curves().stream().filter(CurvePlot.Curve::endLabel)
                .sorted(Comparator.comparingInt(CurvePlot.Curve::colour)).map(CurvePlot.Curve::name).toList();
        assertEquals(BiomarkerCharts.LABELLED_PATHS, named.size());
        assertEquals(List.of("x8", "x7", "x6", "x5", "x4", "x3"), named, "largest |coefficient| at lambda = e^-4");
        assertTrue(plot.curves().stream().filter(c -> !c.endLabel()).allMatch(c -> c.colour() < 0), "the rest grey");
        // non-zero terms: lambda e^0: x0, x1; e^-1: x0..x3; ...; e^-4: all nine
        assertEquals(List.of("9", "8", "6", "4", "2"), plot.topTicks().stream().map(t -> t.label()).toList());
        Scene scene = ChartLayout.layout(plot, W, ChartLayout.preferredHeight(plot, W));
        assertEquals(1, dashedVertical(scene).size(), "lambda.min given, lambda.1se not");
        Shape.Text x8 = texts(scene).stream().filter(t -> t.text().equals("x8")).findFirst().orElseThrow();
        assertEquals(Shape.Anchor.END, x8.anchor(), "named left of where the path starts");
        assertTrue(SvgRenderer.svg(plot).contains("aria-label=\"coefficient paths\""));
    }
}
