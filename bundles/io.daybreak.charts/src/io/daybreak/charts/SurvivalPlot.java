package io.daybreak.charts;

import java.util.List;

/**
 * Kaplan-Meier curves on a time axis from 0 and a survival axis from 0 to 1, with their confidence bands, censor
 * marks, dashed lines to each median survival time, and, when every curve has counts, a numbers-at-risk table under
 * the time axis at the time ticks.
 *
 * @param note a caption under the chart (what the band is), may be empty
 */
public record SurvivalPlot(String title, String label, Axis time, Axis survival, List<SurvivalCurve> curves, String note)
        implements Chart {

    private static final double DAYS_PER_MONTH = 30.4375;
    private static final double[] MONTH_STEPS = {1, 2, 3, 6, 12, 24};

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

    /**
     * Curves on the axis a trial report uses for the data's time unit ({@code days}, {@code weeks}, {@code months},
     * {@code years}; null or anything else when unknown): follow-up in days beyond six months, or in weeks beyond 26,
     * is drawn in months (30.4375 days) with ticks every 1, 2, 3, 6, 12 or 24 months; the axis title names the unit.
     */
    public static SurvivalPlot inUnit(String title, String unit, List<SurvivalCurve> curves, String note) {
        double end = curves.stream().mapToDouble(SurvivalCurve::end).max().orElse(0);
        double scale = 1;
        String shown = unit;
        if ("days".equals(unit) && end > 183) {
            scale = 1 / DAYS_PER_MONTH;
            shown = "months";
        } else if ("weeks".equals(unit) && end > 26) {
            scale = 7 / DAYS_PER_MONTH;
            shown = "months";
        }
        double factor = scale;
        List<SurvivalCurve> scaled = curves.stream().map(c -> c.scaled(factor)).toList();
        if (!"months".equals(shown)) {
            return of(title, unit == null ? "Time" : "Time (" + unit + ")", scaled, note);
        }
        double last = end * scale;
        return new SurvivalPlot(title, "Kaplan-Meier curves", Axis.linear("Time (months)", 0, last > 0 ? last : 1,
                MONTH_STEPS, 10), Axis.linear("Survival probability", 0, 1), scaled, note);
    }

    /** Whether the numbers-at-risk table is drawn: only when every curve has counts. */
    public boolean riskTable() {
        return !curves.isEmpty() && curves.stream().allMatch(SurvivalCurve::hasCounts);
    }
}
