package io.daybreak.charts.svg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.charts.SurvivalCurve;
import io.daybreak.charts.SurvivalPlot;

class SvgRendererTest {

    @Test
    void aKaplanMeierChartIsOneAccessibleSvgElement() {
        SurvivalPlot plot = SurvivalPlot.of("", "Time (days)", List.of(SurvivalCurve.of("sex = 1 & <2>",
                new double[] {1, 2}, new double[] {0.9, 0.5}, new double[] {0.8, 0.3}, new double[] {1, 0.7})), "");
        String svg = SvgRenderer.svg(plot);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("role=\"img\" aria-label=\"Kaplan-Meier curves\""), svg);
        assertTrue(svg.contains("<title>sex = 1 &amp; &lt;2&gt;</title>"), "names are escaped");
        assertTrue(svg.contains("transform=\"rotate(-90"), "the survival axis title is vertical");
        assertTrue(svg.trim().endsWith("</svg>") && !svg.contains("<script"));
    }
}
