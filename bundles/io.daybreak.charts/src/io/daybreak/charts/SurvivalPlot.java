package io.daybreak.charts;

import java.util.List;

/**
 * Kaplan-Meier curves on a time axis from 0 and a survival axis from 0 to 1, with their confidence bands, censor
 * marks and, when every curve has counts, a numbers-at-risk table under the time axis at the time ticks.
 *
 * @param note a caption under the chart (what the band is), may be empty
 */
public record SurvivalPlot(String title, String label, Axis time, Axis survival, List<SurvivalCurve> curves, String note)
        implements Chart {

    public SurvivalPlot {
        curves = List.copyOf(curves);
    }

    /**
     * @param timeTitle the time axis title with its unit, e.g. "Time (days)"
     */
    public static SurvivalPlot of(String title, String timeTitle, List<SurvivalCurve> curves, String note) {
        double end = 0;
        for (SurvivalCurve curve : curves) {
            end = Math.max(end, curve.end());
        }
        return new SurvivalPlot(title, "Kaplan-Meier curves", Axis.linear(timeTitle, 0, end > 0 ? end : 1),
                Axis.linear("Survival probability", 0, 1), curves, note);
    }

    /** Whether the numbers-at-risk table is drawn: only when every curve has counts. */
    public boolean riskTable() {
        return !curves.isEmpty() && curves.stream().allMatch(SurvivalCurve::hasCounts);
    }
}
