package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.daybreak.charts.HeatMap;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.console.internal.SignalReport.Rows;

/**
 * The report of {@code design.blrm-combo-posterior} (docs/designs.md, "Two-drug BLRM with EWOC"): what a dose-escalation
 * meeting looks at, the grid of combinations with each one's data, P(overdose) and P(target) as heat maps (drug A up,
 * drug B across), the combinations admissible next outlined and the recommendation stated. Drawn from the
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
        int cells = posterior.size();
        int rows = 0;
        int cols = 0;
        for (int i = 0; i < cells; i++) {
            rows = Math.max(rows, (int) posterior.number("doseA", i));
            cols = Math.max(cols, (int) posterior.number("doseB", i));
        }
        if (rows * cols != cells) {
            return List.of();
        }
        double[][] over = new double[rows][cols];
        double[][] target = new double[rows][cols];
        String[][] overText = new String[rows][cols];
        String[][] targetText = new String[rows][cols];
        String[][] data = new String[rows][cols];
        String[][] mean = new String[rows][cols];
        boolean[][] admissible = new boolean[rows][cols];
        for (int i = 0; i < cells; i++) {
            int a = (int) posterior.number("doseA", i) - 1;
            int b = (int) posterior.number("doseB", i) - 1;
            over[a][b] = posterior.number("pOver", i);
            target[a][b] = posterior.number("pTarget", i);
            overText[a][b] = percent(over[a][b]);
            targetText[a][b] = percent(target[a][b]);
            long n = (long) posterior.number("patients", i);
            data[a][b] = n == 0 ? "no patients" : (long) posterior.number("dlts", i) + "/" + n + " DLT";
            mean[a][b] = String.format(Locale.ROOT, "mean p %.2f", posterior.number("meanP", i));
            admissible[a][b] = posterior.flag("admissible", i);
        }
        if (summary.get("recommendedDoseA") instanceof Number a && summary.get("recommendedDoseB") instanceof Number b
                && a.intValue() >= 1 && a.intValue() <= rows && b.intValue() >= 1 && b.intValue() <= cols) {
            data[a.intValue() - 1][b.intValue() - 1] += " \u00b7 next";
            mean[a.intValue() - 1][b.intValue() - 1] += " \u00b7 next";
        }
        List<String> rowLabels = new ArrayList<>();
        List<String> columnLabels = new ArrayList<>();
        for (int a = 1; a <= rows; a++) {
            rowLabels.add("A" + a);
        }
        for (int b = 1; b <= cols; b++) {
            columnLabels.add("B" + b);
        }
        String legend = "outlined: admissible next (P(overdose) within EWOC, at most one level above a tried combination)";
        String decision = summary.get("decision") == null ? "" : "Decision: " + summary.get("decision") + ".";
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(new HeatMap("P(overdose) of each combination, with its data", "overdose probability",
                "Drug A dose level", "Drug B dose level", rowLabels, columnLabels, over, overText, data, admissible, 1,
                legend, "Shading from 0 to 100%. " + decision)));
        html.add(SvgRenderer.svg(new HeatMap("P(target) of each combination, with its posterior mean DLT probability",
                "target probability", "Drug A dose level", "Drug B dose level", rowLabels, columnLabels, target,
                targetText, mean, admissible, 1, legend, "Shading from 0 to 100%.")));
        html.add(ReportHtml.caption("Posterior of the two-drug BLRM with interaction given the data so far; the "
                + "recommendation is the admissible combination with the highest P(target). Each probability carries "
                + "Monte Carlo error (the table's se columns): a P(overdose) within a few SEs of the EWOC bound may "
                + "decide the other way with another seed. Rows: drug A level 1 at the bottom; columns: drug B level 1 "
                + "at the left."));
        return html;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
