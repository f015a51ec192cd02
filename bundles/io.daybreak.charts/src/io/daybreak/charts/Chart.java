package io.daybreak.charts;

/** A chart, independent of how it is drawn: the layout turns it into shapes, a renderer draws those. */
public sealed interface Chart permits SurvivalPlot, ForestPlot, BarChart, LinePlot,
        WaterfallPlot, SpiderPlot, VolcanoPlot, AeDotPlot, CurvePlot, HeatMap {
    /** The heading drawn above the chart (may be empty). */
    String title();

    /** A short accessible name (SVG aria-label). */
    String label();
}
