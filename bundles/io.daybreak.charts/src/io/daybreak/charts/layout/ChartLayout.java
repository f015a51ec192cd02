package io.daybreak.charts.layout;

import io.daybreak.charts.AeDotPlot;
import io.daybreak.charts.BarChart;
import io.daybreak.charts.Chart;
import io.daybreak.charts.CurvePlot;
import io.daybreak.charts.ForestPlot;
import io.daybreak.charts.HeatMap;
import io.daybreak.charts.LinePlot;
import io.daybreak.charts.SpiderPlot;
import io.daybreak.charts.SurvivalPlot;
import io.daybreak.charts.VolcanoPlot;
import io.daybreak.charts.WaterfallPlot;

/** Lays any chart out in a box of the given size. */
public final class ChartLayout {
    private ChartLayout() {
    }

    public static Scene layout(Chart chart, double width, double height) {
        if (chart instanceof SurvivalPlot km) {
            return SurvivalLayout.layout(km, width, height);
        }
        if (chart instanceof ForestPlot forest) {
            return ForestLayout.layout(forest, width, height);
        }
        if (chart instanceof BarChart bars) {
            return BarLayout.layout(bars, width, height);
        }
        if (chart instanceof WaterfallPlot waterfall) {
            return TumourLayout.waterfall(waterfall, width, height);
        }
        if (chart instanceof SpiderPlot spider) {
            return TumourLayout.spider(spider, width, height);
        }
        if (chart instanceof VolcanoPlot volcano) {
            return VolcanoLayout.layout(volcano, width, height);
        }
        if (chart instanceof AeDotPlot dots) {
            return AeDotLayout.layout(dots, width, height);
        }
        if (chart instanceof CurvePlot curves) {
            return CurveLayout.layout(curves, width, height);
        }
        if (chart instanceof HeatMap heat) {
            return HeatMapLayout.layout(heat, width, height);
        }
        return LineLayout.layout((LinePlot) chart, width, height);
    }

    /** The height a chart reads well at in a page of the given width (forest plots and risk tables grow with rows). */
    public static double preferredHeight(Chart chart, double width) {
        if (chart instanceof SurvivalPlot km) {
            return 340 + SurvivalLayout.riskTableHeight(km);
        }
        if (chart instanceof ForestPlot forest) {
            return ForestLayout.preferredHeight(forest);
        }
        if (chart instanceof AeDotPlot dots) {
            return AeDotLayout.preferredHeight(dots);
        }
        if (chart instanceof CurvePlot curves) {
            return CurveLayout.preferredHeight(curves, width);
        }
        if (chart instanceof HeatMap heat) {
            return HeatMapLayout.preferredHeight(heat);
        }
        if (chart instanceof VolcanoPlot) {
            return 440;
        }
        if (chart instanceof WaterfallPlot || chart instanceof SpiderPlot) {
            return 320;
        }
        return 260;
    }
}
