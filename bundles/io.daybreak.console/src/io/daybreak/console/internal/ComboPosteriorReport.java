package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.daybreak.charts.CombinationGrid;
import io.daybreak.charts.HeatMap;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.console.internal.SignalReport.Rows;

/**
 * The report of {@code design.blrm-combo-posterior} (docs/designs.md, "Two-drug BLRM with EWOC"): what a dose-escalation
 * meeting looks at, the grid of combinations with each one's data, P(overdose) and P(target) as heat maps (drug A up,
 * drug B across), the combinations admissible next outlined and the recommendation marked. Drawn from the
 * {@code posterior} table; a table without its columns draws nothing.
 */
final class ComboPosteriorReport {
    static final String METHOD = "design.blrm-combo-posterior";
    private static final String[] COLUMNS = {"doseA", "doseB", "patients", "dlts", "meanP", "pTarget", "pOver",
        "admissible"};

    private ComboPosteriorReport() {
    }

    /** The two heat maps and a caption for a design.blrm-combo-posterior result; empty for other methods. */
    static List<String> html(String method, Function<String, Rows> tables, Map<?, ?> summary) {
        Rows posterior = tables.apply("posterior");
        if (!METHOD.equals(method) || posterior == null || posterior.size() == 0 || !posterior.hasAll(COLUMNS)) {
            return List.of();
        }
        CombinationGrid grid = CombinationGrid.of(CombinationReport.numbers(posterior, "doseA"),
                CombinationReport.numbers(posterior, "doseB"));
        if (grid == null) {
            return List.of();
        }
        boolean[] admissible = new boolean[posterior.size()];
        for (int i = 0; i < admissible.length; i++) {
            admissible[i] = posterior.flag("admissible", i);
        }
        int next = -1;
        if (summary.get("recommendedDoseA") instanceof Number a && summary.get("recommendedDoseB") instanceof Number b
                && a.intValue() >= 1 && a.intValue() <= grid.rows() && b.intValue() >= 1 && b.intValue() <= grid.columns()) {
            next = (a.intValue() - 1) * grid.columns() + b.intValue() - 1;
        }
        String decision = summary.get("decision") == null ? "" : "Decision: " + summary.get("decision") + ".";
        List<String> html = new ArrayList<>(List.of(
                SvgRenderer.svg(HeatMap.posteriorOverdose(grid, CombinationReport.numbers(posterior, "pOver"),
                        CombinationReport.numbers(posterior, "patients"), CombinationReport.numbers(posterior, "dlts"),
                        admissible, next, decision)),
                SvgRenderer.svg(HeatMap.posteriorTarget(grid, CombinationReport.numbers(posterior, "pTarget"),
                        CombinationReport.numbers(posterior, "meanP"), admissible, next)),
                ReportHtml.caption("Posterior of the two-drug BLRM with interaction given the data so far; the "
                        + "recommendation is the admissible combination with the highest P(target), admissible meaning "
                        + "P(overdose) within EWOC and at most one level above a tried combination in each drug. Each "
                        + "probability carries Monte Carlo error (the table's se columns): a P(overdose) within a few SEs "
                        + "of the EWOC bound may decide the other way with another seed. Rows: drug A level 1 at the "
                        + "bottom; columns: drug B level 1 at the left.")));
        Rows pathways = tables.apply("pathways");
        if (pathways != null && pathways.size() > 0 && pathways.hasAll(CombinationReport.PATHWAYS)) {
            html.add("<h3>Dose-transition pathways of the next cohorts</h3>");
            html.add(CombinationReport.pathwaysTable(pathways));
            html.add(ReportHtml.caption("Each row: the cohort treated at the combination recommended so far, its number of "
                    + "DLTs, and the combination recommended after it. Each posterior is a Monte Carlo estimate "
                    + "(pathwayDraws): a P(overdose) next to the EWOC bound may flip with another seed."));
        }
        return html;
    }
}
