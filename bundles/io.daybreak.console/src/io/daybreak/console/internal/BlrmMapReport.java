package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.daybreak.charts.BarChart;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.console.internal.SignalReport.Rows;

/**
 * The report of {@code design.blrm-map-prior} (docs/designs.md, "Historical data in the BLRM"): what the history says
 * about the new trial's doses before its first patient, under the three forms of the MAP prior side by side — the MAP
 * draws themselves, the fitted mixture (the prior passed on as priorMixture) and the moment-matched normal — as a bar
 * chart of P(overdose) per dose and a table, then the mixture's components. A table without its columns draws
 * nothing.
 */
final class BlrmMapReport {
    static final String METHOD = "design.blrm-map-prior";
    private static final String[] PRIOR = {"dose", "amount", "pTarget", "pOver"};
    private static final String[] MIXTURE_PRIOR = {"dose", "amount", "pTarget", "pOver", "pOverDraws"};
    private static final String[] SHRINKAGE = {"trial", "patients", "dlts", "meanLogAlpha", "sdLogAlpha", "meanLogBeta",
        "sdLogBeta"};
    private static final String[] MIXTURE = {"component", "weight", "meanLogAlpha", "sdLogAlpha", "meanLogBeta",
        "sdLogBeta", "correlation", "robust"};

    private BlrmMapReport() {
    }

    /** The chart (SVG), tables and captions for a design.blrm-map-prior result; empty for other methods. */
    static List<String> html(String method, Function<String, Rows> tables, Map<?, ?> summary) {
        if (!METHOD.equals(method)) {
            return List.of();
        }
        List<String> html = new ArrayList<>();
        Rows normal = tables.apply("prior");
        Rows mixture = tables.apply("mixturePrior");
        if (normal == null || mixture == null || !normal.hasAll(PRIOR) || !mixture.hasAll(MIXTURE_PRIOR)
                || normal.size() != mixture.size() || normal.size() == 0) {
            return html;
        }
        boolean robust = summary != null && summary.get("robustWeight") instanceof Number w && w.doubleValue() > 0;
        String mixtureName = robust ? "robust mixture (passed on)" : "mixture (passed on)";
        List<String> doses = new ArrayList<>();
        for (int d = 0; d < normal.size(); d++) {
            doses.add(normal.text("amount", d));
        }
        double[][] over = {mixture.numbers("pOverDraws"), mixture.numbers("pOver"), normal.numbers("pOver")};
        html.add(SvgRenderer.svg(BarChart.of("P(overdose) of each dose before the first new patient", "dose amount",
                doses, List.of("MAP prior (its draws)", mixtureName, "moment-matched normal"), over,
                "P(DLT probability in the overdose interval)", 1)));
        StringBuilder table = new StringBuilder("<table><tr><th>dose</th><th>P(target), " + mixtureName + "</th>"
                + "<th>P(over), MAP draws</th><th>P(over), " + mixtureName + "</th><th>P(over), moment-matched</th></tr>");
        for (int d = 0; d < normal.size(); d++) {
            table.append("<tr><td>").append(SvgRenderer.escape(normal.text("amount", d))).append("</td><td>")
                    .append(format(mixture.number("pTarget", d))).append("</td><td>")
                    .append(format(mixture.number("pOverDraws", d))).append("</td><td>")
                    .append(format(mixture.number("pOver", d))).append("</td><td>")
                    .append(format(normal.number("pOver", d))).append("</td></tr>");
        }
        html.add(table.append("</table>").toString());
        html.add(ReportHtml.caption("With EWOC (design.blrm's default 0.25) a dose is admissible while its P(over) is at most "
                + "0.25; the BLRM still escalates one level at a time. "
                + "The fitted mixture should follow the MAP draws; the moment-matched normal has lighter tails. "
                + (robust ? "The robust mixture adds the weakly informative component, so its P(over) is higher "
                        + "than the draws' by design. " : "")
                + "Pass priorMixture (or the five moment-matched numbers) to design.blrm, design.blrm-posterior or "
                + "design.pathways with the same doseAmounts and referenceDose."));
        html.addAll(historicalTrials(tables.apply("shrinkage")));
        Rows components = tables.apply("mixture");
        if (components != null && components.size() > 0 && components.hasAll(MIXTURE)) {
            html.add("<h3>Mixture components of (log \u03b1, log \u03b2)</h3>");
            StringBuilder rows = new StringBuilder("<table><tr><th>component</th><th>weight</th><th>mean log \u03b1"
                    + "</th><th>sd log \u03b1</th><th>mean log \u03b2</th><th>sd log \u03b2</th><th>correlation</th>"
                    + "<th class=\"text\">kind</th></tr>");
            for (int k = 0; k < components.size(); k++) {
                rows.append("<tr><td>").append((long) components.number("component", k)).append("</td>");
                for (String column : new String[] {"weight", "meanLogAlpha", "sdLogAlpha", "meanLogBeta", "sdLogBeta",
                    "correlation"}) {
                    rows.append("<td>").append(format(components.number(column, k))).append("</td>");
                }
                rows.append("<td class=\"text\">").append(components.flag("robust", k) ? "robust (weak prior)" : "MAP")
                        .append("</td></tr>");
            }
            html.add(rows.append("</table>").toString());
        }
        return html;
    }

    /**
     * The historical trials: data, each trial's own (shrinkage) estimate of log α and log β, and under EXNEX its
     * posterior probability of being exchangeable, so a reader sees which trial the model discounts.
     */
    private static List<String> historicalTrials(Rows trials) {
        if (trials == null || trials.size() == 0 || !trials.hasAll(SHRINKAGE)) {
            return List.of();
        }
        // Under full exchangeability every trial is exchangeable in every sweep (P = 1 exactly): no column then.
        boolean exnex = false;
        for (int j = 0; j < trials.size() && trials.has("pExchangeable"); j++) {
            exnex |= trials.number("pExchangeable", j) != 1;
        }
        StringBuilder rows = new StringBuilder("<h3>Historical trials</h3><table><tr><th class=\"text\">trial</th>"
                + "<th>patients</th><th>DLTs</th><th>log \u03b1 (shrinkage mean \u00b1 sd)</th>"
                + "<th>log \u03b2 (shrinkage mean \u00b1 sd)</th>" + (exnex ? "<th>P(exchangeable)</th>" : "") + "</tr>");
        for (int j = 0; j < trials.size(); j++) {
            rows.append("<tr><td class=\"text\">").append(SvgRenderer.escape(trials.text("trial", j))).append("</td><td>")
                    .append((long) trials.number("patients", j)).append("</td><td>").append((long) trials.number("dlts", j))
                    .append("</td><td>").append(format(trials.number("meanLogAlpha", j))).append(" \u00b1 ")
                    .append(format(trials.number("sdLogAlpha", j))).append("</td><td>")
                    .append(format(trials.number("meanLogBeta", j))).append(" \u00b1 ")
                    .append(format(trials.number("sdLogBeta", j))).append("</td>");
            if (exnex) {
                rows.append("<td>").append(format(trials.number("pExchangeable", j))).append("</td>");
            }
            rows.append("</tr>");
        }
        List<String> html = new ArrayList<>(List.of(rows.append("</table>").toString()));
        if (exnex) {
            html.add(ReportHtml.caption("EXNEX: a trial with a low P(exchangeable) has been judged unlike the others by "
                    + "the data and contributes little to the MAP prior; check why before relying on the history."));
        }
        return html;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.3f", value);
    }
}
