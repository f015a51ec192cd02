package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.daybreak.charts.AeDotPlot;
import io.daybreak.charts.SignalCriteria;
import io.daybreak.charts.VolcanoPlot;
import io.daybreak.charts.svg.SvgRenderer;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * The report of the signal-detection methods: for {@code signal.disproportionality} (table "signals") and
 * {@code signal.ebgm} (table "ebgm") a volcano plot and the signal table with the criteria stated above it, the rows
 * meeting them highlighted and each value that passes its threshold in bold; for {@code signal.ae-compare} (table
 * "ae") the AE dot plot and its table in the plot's order. Reads the output tables by their contract column names
 * (docs/signal.md); what is drawn is the shared chart model's.
 */
final class SignalReport {
    static final String DISPROPORTIONALITY = "signal.disproportionality";
    static final String EBGM = "signal.ebgm";
    static final String AE = "signal.ae-compare";
    /** Rows of a signal table shown in the report; the run's output table has them all. */
    static final int MAX_ROWS = 100;

    private SignalReport() {
    }

    /** A result table's columns by name: an Arrow table of a local run, or the rows of a saved document. */
    interface Rows {
        int size();

        boolean has(String column);

        String text(String column, int row);

        /** NaN where missing or not a number. */
        double number(String column, int row);

        /** False where missing. */
        boolean flag(String column, int row);

        default boolean hasAll(String... columns) {
            for (String column : columns) {
                if (!has(column)) {
                    return false;
                }
            }
            return true;
        }

        default double[] numbers(String column) {
            double[] values = new double[size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = has(column) ? number(column, i) : Double.NaN;
            }
            return values;
        }

        default List<String> texts(String column) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                values.add(text(column, i));
            }
            return values;
        }
    }

    static Rows rows(Table table) {
        return table == null ? null : new Rows() {
            @Override
            public int size() {
                return table.rowCount();
            }

            @Override
            public boolean has(String column) {
                return table.hasColumn(column);
            }

            @Override
            public String text(String column, int row) {
                if (table.columnType(column) == ColumnType.STRING) {
                    return table.strings(column).isNull(row) ? "NA" : table.strings(column).get(row);
                }
                return Output.format(number(column, row));
            }

            @Override
            public double number(String column, int row) {
                ColumnType type = table.columnType(column);
                if (type == ColumnType.STRING || type == ColumnType.BOOLEAN || table.doubles(column).isNull(row)) {
                    return Double.NaN;
                }
                return table.doubles(column).get(row);
            }

            @Override
            public boolean flag(String column, int row) {
                return table.columnType(column) == ColumnType.BOOLEAN && !table.booleans(column).isNull(row)
                        && table.booleans(column).get(row);
            }
        };
    }

    /**
     * The rows of a table in a saved document, or null: a list of maps with the same keys (a local run's table), or
     * a map of columns (a federated result's table, or its summary itself where the columns are at its top level):
     * the columns are the lists as long as the first list in the map.
     */
    static Rows rows(Object value) {
        if (value instanceof Map<?, ?> columns) {
            int size = columns.values().stream().filter(List.class::isInstance).map(v -> ((List<?>) v).size())
                    .findFirst().orElse(0);
            return size == 0 ? null : new DocumentRows(size,
                    column -> columns.get(column) instanceof List<?> list && list.size() == size,
                    (column, row) -> ((List<?>) columns.get(column)).get(row));
        }
        if (!Output.isTable(value)) {
            return null;
        }
        List<?> list = (List<?>) value;
        return new DocumentRows(list.size(), column -> ((Map<?, ?>) list.get(0)).containsKey(column),
                (column, row) -> ((Map<?, ?>) list.get(row)).get(column));
    }

    /** A saved table's cells, however the document lays them out. */
    private record DocumentRows(int size, Predicate<String> columns, BiFunction<String, Integer, Object> cells)
            implements Rows {
        @Override
        public boolean has(String column) {
            return columns.test(column);
        }

        @Override
        public String text(String column, int row) {
            Object cell = cells.apply(column, row);
            return cell == null ? "NA" : cell instanceof String s ? s : Output.format(cell);
        }

        @Override
        public double number(String column, int row) {
            return cells.apply(column, row) instanceof Number n ? n.doubleValue() : Double.NaN;
        }

        /** True or, as a federated result may carry a flag, a non-zero number. */
        @Override
        public boolean flag(String column, int row) {
            Object cell = cells.apply(column, row);
            return Boolean.TRUE.equals(cell) || cell instanceof Number n && n.doubleValue() != 0;
        }
    }

    /**
     * The charts and tables of a signal method's result, in report order; empty for other methods or when the table
     * is missing.
     *
     * @param tables     a result table by name (null when absent)
     * @param parameters the run's parameters (thresholds), may be empty
     */
    static List<String> html(String method, Function<String, Rows> tables, Map<?, ?> parameters) {
        if (method == null) {
            return List.of();
        }
        SignalCriteria criteria = new SignalCriteria(parameters);
        return switch (method) {
            case DISPROPORTIONALITY -> disproportionality(tables.apply("signals"), criteria);
            case EBGM -> ebgm(tables.apply("ebgm"), criteria);
            case AE -> ae(tables.apply("ae"), criteria);
            default -> List.of();
        };
    }

    private static List<String> disproportionality(Rows signals, SignalCriteria criteria) {
        if (signals == null || signals.size() == 0 || !signals.hasAll("drug", "event", "n", "prr", "fisher_p")) {
            return List.of();
        }
        double prrThreshold = criteria.value(2, SignalCriteria.PRR_THRESHOLD);
        double chisqThreshold = criteria.value(4, SignalCriteria.CHISQ_THRESHOLD);
        double minCount = criteria.value(3, SignalCriteria.MIN_COUNT);
        double alpha = criteria.value(0.05, SignalCriteria.ALPHA);
        boolean ror = "ROR".equals(criteria.ratio()) && signals.has("ror");
        int n = signals.size();
        boolean[] flagged = new boolean[n];
        for (int i = 0; i < n; i++) {
            flagged[i] = signals.flag("signal", i);
        }
        List<String> names = names(signals);
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(VolcanoPlot.disproportionality(ror ? "ROR" : "PRR", names,
                signals.numbers(ror ? "ror" : "prr"), signals.numbers("fisher_p"), flagged,
                ror ? Double.NaN : prrThreshold, alpha)));
        StringBuilder text = new StringBuilder("<h3>Signals</h3>\n<p class=\"criteria\"><b>Signal criteria.</b> ")
                .append("PRR (Evans et al. 2001): PRR &ge; ").append(Output.format(prrThreshold))
                .append(given(criteria, SignalCriteria.PRR_THRESHOLD)).append(", Yates &chi;&sup2; &ge; ")
                .append(Output.format(chisqThreshold)).append(given(criteria, SignalCriteria.CHISQ_THRESHOLD))
                .append(" and n &ge; ").append(Output.format(minCount)).append(given(criteria, SignalCriteria.MIN_COUNT))
                .append("; ROR: lower 95% limit &gt; 1; IC (BCPNN): IC025 &gt; 0. ")
                .append("Highlighted rows: the method flagged a signal (column <code>signal</code>: any of the criteria ")
                .append("the run used); values meeting their threshold are in bold. The plot's dashed lines: ")
                .append(ror ? "" : "PRR = " + Output.format(prrThreshold) + " and ").append("Fisher's exact p = ")
                .append(Output.format(alpha)).append(given(criteria, SignalCriteria.ALPHA)).append(".</p>\n");
        text.append(order(criteria, n));
        text.append("<table class=\"signals\"><tr><th class=\"text\">drug</th><th class=\"text\">event</th><th>n</th>")
                .append("<th>expected</th><th>PRR (95% CI)</th><th>&chi;&sup2; (Yates)</th><th>ROR (95% CI)</th>")
                .append("<th>Fisher p</th><th>IC (IC025 to IC975)</th><th class=\"text\">criteria met</th></tr>");
        for (int i = 0; i < Math.min(n, MAX_ROWS); i++) {
            double count = signals.number("n", i);
            double prr = signals.number("prr", i);
            double chisq = value(signals, "chisq_yates", i);
            List<String> met = new ArrayList<>();
            for (String[] flag : new String[][] {{"signal_prr", "PRR"}, {"signal_ror", "ROR"}, {"signal_ic", "IC"}}) {
                if (signals.has(flag[0]) && signals.flag(flag[0], i)) {
                    met.add(flag[1]);
                }
            }
            text.append(flagged[i] ? "<tr class=\"signal\">" : "<tr>")
                    .append(textCell(signals.text("drug", i))).append(textCell(signals.text("event", i)))
                    .append(countCell(count, count >= minCount)).append(cell(signals.number("expected", i), false))
                    .append(interval(signals, "prr", "prr_lower", "prr_upper", i, prr >= prrThreshold))
                    .append(cell(chisq, chisq >= chisqThreshold))
                    .append(interval(signals, "ror", "ror_lower", "ror_upper", i, value(signals, "ror_lower", i) > 1))
                    .append(cell(signals.number("fisher_p", i), signals.number("fisher_p", i) < alpha))
                    .append(interval(signals, "ic", "ic_lower", "ic_upper", i, value(signals, "ic_lower", i) > 0))
                    .append(textCell(met.isEmpty() ? "" : String.join(", ", met))).append("</tr>");
        }
        html.add(text.append("</table>\n").append(more(n, "signals")).toString());
        return html;
    }

    private static List<String> ebgm(Rows ebgm, SignalCriteria criteria) {
        if (ebgm == null || ebgm.size() == 0 || !ebgm.hasAll("drug", "event", "ebgm", "eb05")) {
            return List.of();
        }
        double threshold = criteria.value(2, SignalCriteria.EB05_THRESHOLD);
        int n = ebgm.size();
        boolean[] flagged = new boolean[n];
        for (int i = 0; i < n; i++) {
            flagged[i] = ebgm.number("eb05", i) >= threshold;
        }
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(VolcanoPlot.ebgm(names(ebgm), ebgm.numbers("ebgm"), ebgm.numbers("eb05"), flagged,
                threshold)));
        StringBuilder text = new StringBuilder("<h3>Signals (empirical Bayes)</h3>\n<p class=\"criteria\"><b>Signal ")
                .append("criterion.</b> EB05, the lower 5% quantile of the posterior of the relative reporting ratio, ")
                .append("&ge; ").append(Output.format(threshold)).append(given(criteria, SignalCriteria.EB05_THRESHOLD))
                .append(" (DuMouchel 1999; Szarfman et al. 2002). Highlighted rows meet it (bold EB05); the plot's ")
                .append("dashed line is the threshold.</p>\n").append(order(criteria, n));
        text.append("<table class=\"signals\"><tr><th class=\"text\">drug</th><th class=\"text\">event</th><th>n</th>")
                .append("<th>expected</th><th>n / expected</th><th>EBGM</th><th>EB05</th><th>EB95</th>")
                .append("<th>P(&lambda; &gt; threshold)</th></tr>");
        for (int i = 0; i < Math.min(n, MAX_ROWS); i++) {
            text.append(flagged[i] ? "<tr class=\"signal\">" : "<tr>").append(textCell(ebgm.text("drug", i)))
                    .append(textCell(ebgm.text("event", i))).append(countCell(value(ebgm, "n", i), false))
                    .append(cell(value(ebgm, "expected", i), false)).append(cell(value(ebgm, "rr", i), false))
                    .append(cell(ebgm.number("ebgm", i), false)).append(cell(ebgm.number("eb05", i), flagged[i]))
                    .append(cell(value(ebgm, "eb95", i), false)).append(cell(value(ebgm, "p_exceed", i), false))
                    .append("</tr>");
        }
        html.add(text.append("</table>\n").append(more(n, "ebgm")).toString());
        return html;
    }

    private static List<String> ae(Rows ae, SignalCriteria criteria) {
        if (ae == null || ae.size() == 0 || !ae.hasAll("body_system", "term", "arm", "control_arm", "incidence_arm",
                "incidence_control", "risk_difference", "rd_lower", "rd_upper")) {
            return List.of();
        }
        int n = ae.size();
        double factor = AeDotPlot.percentFactor(ae.numbers("incidence_arm"), ae.numbers("n_arm"), ae.numbers("N_arm"));
        AeDotPlot plot = AeDotPlot.of("Adverse events: incidence and risk difference", AeDotPlot.Effect.RISK_DIFFERENCE,
                ae.texts("body_system"), ae.texts("term"), ae.texts("arm"), ae.texts("control_arm"),
                scaled(ae.numbers("incidence_arm"), factor), scaled(ae.numbers("incidence_control"), factor),
                scaled(ae.numbers("risk_difference"), factor), scaled(ae.numbers("rd_lower"), factor),
                scaled(ae.numbers("rd_upper"), factor));
        double fdr = criteria.value(0.1, SignalCriteria.FDR_THRESHOLD);
        List<String> html = new ArrayList<>();
        html.add(SvgRenderer.svg(plot));
        StringBuilder text = new StringBuilder("<h3>Adverse events by arm</h3>\n<p class=\"criteria\"><b>Flag.</b> ")
                .append("A term more frequent on the arm (risk difference &gt; 0) with double-FDR adjusted p (Mehrotra ")
                .append("and Heyse 2004) &le; ").append(Output.format(fdr)).append(given(criteria, SignalCriteria.FDR_THRESHOLD))
                .append(": highlighted rows; every p at or below the level is bold, also for a term less frequent on ")
                .append("the arm. Risk differences are arm minus control in percentage points with 95% limits; the ")
                .append("plot's terms, and these rows, are ").append(plot.grouped() ? "grouped by body system and " : "")
                .append("sorted by the risk difference of ").append(SvgRenderer.escape(plot.comparisons().get(0)))
                .append(" (largest increase first). BH p adjusts within the body system; P(&theta; &gt; 0) is the ")
                .append("Berry and Berry (2004) posterior probability that the term's log-odds ratio is raised.</p>\n");
        List<String> controls = ae.texts("control_arm").stream().distinct().toList();
        boolean oneControl = controls.size() == 1;
        text.append("<table class=\"signals\"><tr><th class=\"text\">term</th><th class=\"text\">")
                .append(oneControl ? "arm (vs " + SvgRenderer.escape(controls.get(0)) + ")" : "arm vs control")
                .append("</th><th>arm n/N (%)</th><th>control n/N (%)</th>")
                .append("<th>risk difference (95% CI)</th><th>relative risk (95% CI)</th><th>Fisher p</th>")
                .append("<th>BH p</th><th>double-FDR p</th><th>P(&theta; &gt; 0)</th></tr>");
        List<Integer> order = aeOrder(ae, plot);
        String system = null;
        String term = null;
        for (int i : order.subList(0, Math.min(order.size(), MAX_ROWS))) {
            if (!ae.text("body_system", i).equals(system)) {
                // the body system heads its terms, as in the plot
                system = ae.text("body_system", i);
                term = null;
                text.append("<tr><th class=\"text\" colspan=\"10\">").append(SvgRenderer.escape(system))
                        .append("</th></tr>");
            }
            double doubleFdr = value(ae, "double_fdr_p", i);
            double difference = ae.number("risk_difference", i) * factor;
            boolean flagged = doubleFdr <= fdr && difference > 0;
            String name = ae.text("term", i);
            text.append(flagged ? "<tr class=\"signal\">" : "<tr>").append(textCell(name.equals(term) ? "" : name))
                    .append(textCell(ae.text("arm", i) + (oneControl ? "" : " vs " + ae.text("control_arm", i))))
                    .append(rawCell(counts(ae, "n_arm", "N_arm", ae.number("incidence_arm", i) * factor, i)))
                    .append(rawCell(counts(ae, "n_control", "N_control", ae.number("incidence_control", i) * factor, i)))
                    .append(rawCell(number(difference) + " (" + number(ae.number("rd_lower", i) * factor) + " to "
                            + number(ae.number("rd_upper", i) * factor) + ")"))
                    .append(interval(ae, "risk_ratio", "rr_lower", "rr_upper", i, false))
                    .append(cell(value(ae, "fisher_p", i), false)).append(cell(value(ae, "bh_p", i), false))
                    .append(cell(doubleFdr, doubleFdr <= fdr)).append(cell(value(ae, "bb_prob_raised", i), false))
                    .append("</tr>");
            term = name;
        }
        html.add(text.append("</table>\n").append(more(n, "ae")).toString());
        return html;
    }

    /** The table's rows in the plot's order: by the plot's term order, then by arm as the plot lists them. */
    static List<Integer> aeOrder(Rows ae, AeDotPlot plot) {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < plot.terms().size(); t++) {
            for (String arm : plot.comparisons()) {
                for (int i = 0; i < ae.size(); i++) {
                    if (ae.text("term", i).equals(plot.terms().get(t))
                            && ae.text("body_system", i).equals(plot.bodySystems().get(t)) && ae.text("arm", i).equals(arm)) {
                        order.add(i);
                    }
                }
            }
        }
        return order;
    }

    private static List<String> names(Rows rows) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            names.add(rows.text("drug", i) + " \u2013 " + rows.text("event", i));
        }
        return names;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static String order(SignalCriteria criteria, int n) {
        String sortBy = criteria.text("sortBy");
        return "<p class=\"meta\">" + (sortBy == null ? "In the method's order" : "Sorted by " + SvgRenderer.escape(sortBy)
                + " (descending), as the method returned them") + (n > MAX_ROWS ? "; the first " + MAX_ROWS + " of " + n
                + " rows" : "") + ".</p>\n";
    }

    private static String more(int n, String table) {
        return n > MAX_ROWS ? "<p class=\"meta\">" + (n - MAX_ROWS) + " more rows in the run's output table '" + table
                + "'.</p>\n" : "";
    }

    /** " (this run)" when the run recorded the threshold, " (default)" when the report assumed the usual value. */
    private static String given(SignalCriteria criteria, List<String> names) {
        return criteria.given(names) ? "" : " (the usual value; the run recorded none)";
    }

    private static double value(Rows rows, String column, int row) {
        return rows.has(column) ? rows.number(column, row) : Double.NaN;
    }

    private static String counts(Rows rows, String n, String total, double percent, int i) {
        String count = rows.has(n) && rows.has(total) ? Output.format(rows.number(n, i)) + "/"
                + Output.format(rows.number(total, i)) + " " : "";
        return count + "(" + String.format(Locale.ROOT, "%.1f", percent) + ")";
    }

    private static String interval(Rows rows, String estimate, String lower, String upper, int i, boolean bold) {
        if (!rows.has(estimate)) {
            return "<td>NA</td>";
        }
        String text = number(rows.number(estimate, i)) + " (" + number(value(rows, lower, i)) + " to "
                + number(value(rows, upper, i)) + ")";
        return "<td>" + (bold ? "<b>" + text + "</b>" : text) + "</td>";
    }

    private static String cell(double value, boolean bold) {
        String text = number(value);
        return "<td>" + (bold ? "<b>" + text + "</b>" : text) + "</td>";
    }

    /** A count as a whole number (NumberText: 12, not 12.0). */
    private static String countCell(double value, boolean bold) {
        String text = Output.format(value);
        return "<td>" + (bold ? "<b>" + text + "</b>" : text) + "</td>";
    }

    private static String rawCell(String text) {
        return "<td>" + SvgRenderer.escape(text) + "</td>";
    }

    private static String textCell(String text) {
        return "<td class=\"text\">" + SvgRenderer.escape(text) + "</td>";
    }

    /** Three significant digits as reports print them; below 0.0001 (small p-values) in scientific notation. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        double magnitude = Math.abs(value);
        if (value != 0 && magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
