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
 * The report of the drug-combination designs ({@code design.boin-comb}, {@code design.waterfall}; docs/designs.md,
 * "Drug combinations"): the selection and allocation matrices as heat maps of the shared chart model, drawn from the
 * {@code byCombination} table (drug A levels up, drug B levels across, the true MTDs outlined), and for boin-comb
 * the dose-transition pathways of the first cohorts from its {@code pathways} table. A table without its columns
 * draws nothing.
 */
final class CombinationReport {
    static final String BOIN_COMB = "design.boin-comb";
    static final String WATERFALL = "design.waterfall";
    static final String BLRM_COMBO = "design.blrm-combo";
    private static final String[] GRID = {"doseA", "doseB", "truth", "trueMtd", "selectionPercent", "patients"};
    static final String[] PATHWAYS = {"cohort", "history", "doseA", "doseB", "dlts", "nextDoseA", "nextDoseB",
        "decision"};

    private CombinationReport() {
    }

    /** The charts (SVG), captions and tables for a combination design's result; empty for other methods. */
    static List<String> html(String method, Function<String, Rows> tables, Map<?, ?> summary) {
        if (!BOIN_COMB.equals(method) && !WATERFALL.equals(method) && !BLRM_COMBO.equals(method)) {
            return List.of();
        }
        Map<?, ?> s = summary == null ? Map.of() : summary;
        List<String> html = new ArrayList<>();
        Rows grid = tables.apply("byCombination");
        if (grid != null && grid.size() > 0 && grid.hasAll(GRID)) {
            CombinationGrid cellsOf = CombinationGrid.of(numbers(grid, "doseA"), numbers(grid, "doseB"));
            if (cellsOf != null) {
                int cells = cellsOf.size();
                int rows = cellsOf.rows();
                int cols = cellsOf.columns();
                double[] selection = new double[cells];
                double[] patients = new double[cells];
                double[] truth = new double[cells];
                boolean[] mtd = new boolean[cells];
                for (int i = 0; i < cells; i++) {
                    int c = cellsOf.cell(i);
                    selection[c] = grid.number("selectionPercent", i);
                    patients[c] = grid.number("patients", i);
                    truth[c] = grid.number("truth", i);
                    mtd[c] = grid.flag("trueMtd", i);
                }
                boolean contour = WATERFALL.equals(method);
                boolean blrm = BLRM_COMBO.equals(method);
                String meaning = contour ? "true MTD contour (per row, truth closest to the target, at most target + 0.05)"
                        : blrm ? "true MTD (truth in the target interval [0.16, 0.33))"
                        : "true MTD (truth closest to the target)";
                html.add(SvgRenderer.svg(HeatMap.selection(contour ? "Selection of each combination into the MTD "
                        + "contour (% of trials)" : "Selection as the MTD (% of trials)", rows, cols, selection, truth,
                        mtd, meaning, number(s, "noSelectionPercent"))));
                html.add(SvgRenderer.svg(HeatMap.allocation("Patients treated per trial (mean)", rows, cols, patients,
                        truth, mtd, meaning, number(s, "meanPatients"))));
                html.add(ReportHtml.caption((contour ? "The waterfall design selects up to one MTD per level of drug A; "
                        + "a trial is correct when its selected set is exactly the outlined contour ("
                        : (blrm ? "The BLRM with EWOC" : "BOIN") + " selects one MTD per trial; correct selection = an "
                        + "outlined combination (")
                        + format(number(s, "correctSelectionPercent")) + "% of trials). " + format(number(s,
                        "patientsAtMtdPercent")) + "% of patients were treated at " + (contour ? "the contour." :
                        "an MTD.") + " Rows: drug A level 1 at the bottom; columns: drug B level 1 at the left."));
            }
        }
        Rows pathways = tables.apply("pathways");
        if (pathways != null && pathways.size() > 0 && pathways.hasAll(PATHWAYS)) {
            html.add("<h3>Dose-transition pathways (BOIN::next.comb)</h3>");
            html.add(pathwaysTable(pathways));
            html.add(ReportHtml.caption("Where BOIN chooses at random between two neighbours with equal scores, both are "
                    + "listed."));
        }
        return html;
    }

    /**
     * The pathways table (columns {@link #PATHWAYS}; with a {@code pOverNext} column also the next combination's
     * P(overdose)) as HTML.
     */
    static String pathwaysTable(Rows pathways) {
        boolean overdose = pathways.has("pOverNext");
        StringBuilder table = new StringBuilder("<table><tr><th>cohort</th><th class=\"text\">before</th>"
                + "<th class=\"text\">combination</th><th>DLTs</th><th class=\"text\">next</th>"
                + (overdose ? "<th>P(overdose) next</th>" : "") + "<th class=\"text\">decision</th></tr>");
        for (int i = 0; i < pathways.size(); i++) {
            boolean stop = Double.isNaN(pathways.number("nextDoseA", i));
            String next = stop ? "\u2013"
                    : "A" + (long) pathways.number("nextDoseA", i) + "B" + (long) pathways.number("nextDoseB", i);
            table.append("<tr><td>").append((long) pathways.number("cohort", i)).append("</td><td class=\"text\">")
                    .append(SvgRenderer.escape(pathways.text("history", i))).append("</td><td class=\"text\">A")
                    .append((long) pathways.number("doseA", i)).append('B').append((long) pathways.number("doseB", i))
                    .append("</td><td>").append((long) pathways.number("dlts", i)).append("</td><td class=\"text\">")
                    .append(next).append("</td>");
            if (overdose) {
                table.append("<td>").append(stop ? "\u2013" : String.format(java.util.Locale.ROOT, "%.3f",
                        pathways.number("pOverNext", i))).append("</td>");
            }
            table.append("<td class=\"text\">").append(SvgRenderer.escape(pathways.text("decision", i)))
                    .append("</td></tr>");
        }
        return table.append("</table>").toString();
    }

    /** A numeric column of the rows. */
    static double[] numbers(Rows rows, String column) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.number(column, i);
        }
        return values;
    }

    private static double number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "NA" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
