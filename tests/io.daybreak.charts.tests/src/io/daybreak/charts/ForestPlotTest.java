package io.daybreak.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ForestPlotTest {

    @Test
    void ratiosAreExponentiatedOnALogAxisThroughOne() {
        // coxph(Surv(time, status) ~ age + sex, lung): age 0.017 (SE 0.0092), sex -0.513 (SE 0.167)
        double[] beta = {0.017045, -0.513219};
        double[] se = {0.009223, 0.167458};
        double z = 1.959963984540054;
        double[] lower = {beta[0] - z * se[0], beta[1] - z * se[1]};
        double[] upper = {beta[0] + z * se[0], beta[1] + z * se[1]};
        ForestPlot plot = ForestPlot.ratios("", "Hazard ratio", List.of("age", "sex"), beta, lower, upper);
        assertEquals(Axis.Scale.LOG, plot.axis().scale());
        assertEquals(1, plot.reference());
        assertEquals(0.599, plot.estimate()[1], 5e-4, "HR for sex as R prints it");
        assertTrue(plot.axis().min() <= plot.lower()[1] && plot.axis().max() >= plot.upper()[0]);
        assertTrue(plot.axis().min() < 1 && plot.axis().max() > 1, "the reference is on the axis");
    }

    @Test
    void differencesAreOnALinearAxisThroughZero() {
        ForestPlot plot = ForestPlot.differences("", "Coefficient", List.of("a"), new double[] {2}, new double[] {1},
                new double[] {3});
        assertEquals(Axis.Scale.LINEAR, plot.axis().scale());
        assertEquals(0, plot.reference());
        assertEquals(0, plot.axis().min());
    }

    @Test
    void theInterceptIsNoRatio() {
        assertEquals(List.of(1, 2), ForestPlot.withoutIntercept(List.of("(Intercept)", "age", "sex")));
    }

    @Test
    void undefinedLimitsDoNotBreakTheAxis() {
        ForestPlot plot = ForestPlot.ratios("", "Odds ratio", List.of("x", "y"), new double[] {0.1, Double.NaN},
                new double[] {-0.2, Double.NaN}, new double[] {Double.POSITIVE_INFINITY, Double.NaN});
        assertTrue(Double.isFinite(plot.axis().max()));
    }

    @Test
    void eachRegressionMethodsCoefficientsAreShownOnItsReportScale() {
        assertEquals("Hazard ratio", ForestPlot.ratioOf("stats.cox", null));
        assertEquals("Odds ratio", ForestPlot.ratioOf("stats.firth", null));
        assertEquals("Odds ratio", ForestPlot.ratioOf("stats.glm", "binomial"));
        assertEquals("Rate ratio", ForestPlot.ratioOf("stats.glm", "poisson"));
        assertNull(ForestPlot.ratioOf("stats.glm", "gaussian"));
        assertNull(ForestPlot.ratioOf("stats.glm", null));
        assertNull(ForestPlot.ratioOf(null, "binomial"));
    }

    @Test
    void logisticCoefficientsBecomeOddsRatiosWithoutTheIntercept() {
        List<ForestPlot> plots = ForestPlot.coefficients("", "Odds ratio", List.of("(Intercept)", "age"),
                new double[] {-3, Math.log(2)}, new double[] {-4, Math.log(1.5)}, new double[] {-2, Math.log(3)});
        assertEquals(1, plots.size());
        ForestPlot plot = plots.get(0);
        assertEquals(List.of("age"), plot.terms());
        assertEquals(2, plot.estimate()[0], 1e-12);
        assertEquals(1.5, plot.lower()[0], 1e-12);
        assertEquals(Axis.Scale.LOG, plot.axis().scale());
        assertEquals("Odds ratio (95% CI, log scale)", plot.axis().title());
        assertTrue(ForestPlot.coefficients("", "Odds ratio", List.of("(Intercept)"), new double[] {1},
                new double[] {0}, new double[] {2}).isEmpty(), "an intercept alone is no ratio");
        assertEquals(Axis.Scale.LINEAR, ForestPlot.coefficients("", null, List.of("(Intercept)", "age"),
                new double[] {1, 2}, new double[] {0, 1}, new double[] {2, 3}).get(0).axis().scale());
    }
}
