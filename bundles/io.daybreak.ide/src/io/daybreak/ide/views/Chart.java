package io.daybreak.ide.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.charts.AeDotPlot;
import io.daybreak.charts.BarChart;
import io.daybreak.charts.BiomarkerCharts;
import io.daybreak.charts.CombinationGrid;
import io.daybreak.charts.ForestPlot;
import io.daybreak.charts.HeatMap;
import io.daybreak.charts.SignalCriteria;
import io.daybreak.charts.SpiderPlot;
import io.daybreak.charts.SurvivalCurve;
import io.daybreak.charts.SurvivalPlot;
import io.daybreak.charts.VolcanoPlot;
import io.daybreak.charts.WaterfallPlot;
import io.daybreak.data.NumberText;
import io.daybreak.data.Table;

/**
 * What a result table can be drawn as, with its numbers copied out of the Arrow table (so the chart outlives
 * the result): operating characteristics of dose-finding designs (selection % and patients per dose, per
 * design), Kaplan–Meier curves with their confidence bands, a forest plot of coefficients, or tumour response
 * (waterfall and spider plots), drug-event signals (volcano plots), the adverse-event dot plot and the biomarker
 * charts (coefficient paths, cross-validation, ROC and STEPP curves, subgroup forest plots). Only the reading
 * of tables is here: {@link #models()} hands the numbers to the shared chart model (io.daybreak.charts), whose
 * layout the console's HTML reports draw too.
 */
public sealed interface Chart {
    /** A short description of what is drawn. */
    String title();

    /** The charts drawn, side by side, in the shared chart model. */
    List<io.daybreak.charts.Chart> models();

    /**
     * Per design (series) and dose (category): selection as MTD (%) and mean patients.
     *
     * @param selection [series][dose]
     * @param patients  [series][dose]
     */
    record OperatingCharacteristics(String title, List<String> series, List<String> doses, double[][] selection,
            double[][] patients) implements Chart {
        @Override
        public List<io.daybreak.charts.Chart> models() {
            return List.of(BarChart.of("Selection as MTD", "Dose level", doses, series, selection,
                    "% of trials", 100), BarChart.of("Patients per dose", "Dose level", doses, series,
                    patients, "Mean patients", Double.NaN));
        }
    }

    /**
     * Step curves S(t) with pointwise lower and upper limits, one per group, and the numbers at risk, events and
     * censorings at each time when the table has them (else null per group).
     */
    record SurvivalCurves(String title, List<String> groups, List<double[]> time, List<double[]> survival,
            List<double[]> lower, List<double[]> upper, List<long[]> atRisk, List<long[]> events, List<long[]> censored,
            String timeUnit) implements Chart {
        @Override
        public List<io.daybreak.charts.Chart> models() {
            List<SurvivalCurve> curves = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                curves.add(new SurvivalCurve(groups.get(g), time.get(g), survival.get(g), lower.get(g), upper.get(g),
                        atRisk.get(g), events.get(g), censored.get(g)));
            }
            // the run's timeUnit parameter, if given, titles the axis (and draws long follow-up in months)
            return List.of(SurvivalPlot.inUnit(title, timeUnit, curves, ""));
        }
    }

    /**
     * One chart of the shared model drawn as it is: tumour response (a waterfall plot of each patient's best change, a
     * spider plot of the changes over time), signal detection (the volcano plot of a disproportionality
     * ({@code signals}) or empirical-Bayes ({@code ebgm}) table, the AE dot plot of an {@code ae} table; docs/signal.md)
     * and biomarker discovery (coefficient paths ({@code path}), cross-validation curve ({@code cv}), ROC curves
     * ({@code roc}), STEPP ({@code stepp}), naive and adjusted subgroup effects ({@code subgroups}); docs/biomarker.md).
     */
    record Single(io.daybreak.charts.Chart model) implements Chart {
        @Override
        public String title() {
            return model.title();
        }

        @Override
        public List<io.daybreak.charts.Chart> models() {
            return List.of(model);
        }
    }

    /**
     * The selection and allocation matrices of a drug-combination design ({@code byCombination} of
     * {@code design.boin-comb} and {@code design.waterfall}; docs/designs.md, "Drug combinations") as heat maps,
     * drawn as the HTML report draws them.
     */
    record CombinationMatrices(String title, HeatMap selection, HeatMap allocation) implements Chart {
        @Override
        public List<io.daybreak.charts.Chart> models() {
            return List.of(selection, allocation);
        }
    }

    /**
     * The posterior of a two-drug BLRM ({@code posterior} of {@code design.blrm-combo-posterior}): P(overdose) with each
     * combination's data and P(target) with its posterior mean, the admissible combinations outlined, drawn as the HTML
     * report draws them (the report also marks the recommendation, which is in the run's summary, not the table).
     */
    record CombinationPosterior(String title, HeatMap overdose, HeatMap target) implements Chart {
        @Override
        public List<io.daybreak.charts.Chart> models() {
            return List.of(overdose, target);
        }
    }

    /**
     * Estimates with 95% Wald intervals.
     *
     * @param ratio what exp(estimate) is ("Hazard ratio", "Odds ratio", "Rate ratio": drawn exponentiated on a log
     *              axis through 1, see {@link ForestPlot#ratioOf}), null for coefficients on a linear axis through 0
     */
    record Forest(String title, List<String> terms, double[] estimate, double[] lower, double[] upper, String ratio)
            implements Chart {
        @Override
        public List<io.daybreak.charts.Chart> models() {
            return List.copyOf(ForestPlot.coefficients(title, ratio, terms, estimate, lower, upper));
        }
    }

    /** The chart a table supports, or null when it has none. */
    static Chart of(Table table) {
        return of(null, null, table);
    }

    /**
     * The chart a table of the given method's result supports (the method and, for a GLM, its family tell ratios from
     * differences).
     */
    static Chart of(String method, String family, Table table) {
        return of(method, family, table, null);
    }

    /** As {@link #of(String, String, Table)}, with the time unit of survival curves (null: not known). */
    static Chart of(String method, String family, Table table, String timeUnit) {
        return of(method, family, table, timeUnit, null);
    }

    /**
     * As {@link #of(String, String, Table, String)}, with the column that made the survival curves' groups (null: not
     * known), so that they are named as R names strata ({@code sex=1}) rather than {@code group 1}.
     */
    static Chart of(String method, String family, Table table, String timeUnit, String groupBy) {
        return of(method, family, table, timeUnit, groupBy, 0);
    }

    /**
     * As above, with a design's true MTD (1-based, 0 when none or not known), marked on its dose as the HTML
     * report marks it; a comparison table's own {@code trueMtd} column takes precedence.
     */
    static Chart of(String method, String family, Table table, String timeUnit, String groupBy, long trueMtd) {
        return of(method, family, table, timeUnit, groupBy, null, trueMtd);
    }

    /**
     * As above, with the labels of a text group column the method coded 1, 2, ... ({@code groupLabels} of its summary;
     * null: none), so that such curves are named by their values ({@code TRTP=Placebo}).
     */
    static Chart of(String method, String family, Table table, String timeUnit, String groupBy, List<String> groupLabels,
            long trueMtd) {
        return of(method, family, table, timeUnit, groupBy, groupLabels, trueMtd, Map.of());
    }

    /**
     * As above, with the run's parameters, whose thresholds (see {@link SignalCriteria}) the volcano plots of signal
     * tables draw.
     */
    static Chart of(String method, String family, Table table, String timeUnit, String groupBy, List<String> groupLabels,
            long trueMtd, Map<String, Object> parameters) {
        SignalCriteria criteria = new SignalCriteria(parameters);
        if (table == null) {
            return null;
        }
        if (has(table, "dose", "selectionPercent", "patients")) {
            return operatingCharacteristics(table, trueMtd);
        }
        if (has(table, "doseA", "doseB", "patients", "dlts", "meanP", "pTarget", "pOver", "admissible")) {
            return combinationPosterior(table);
        }
        if (has(table, "doseA", "doseB", "truth", "trueMtd", "selectionPercent", "patients")) {
            return combination(method, table);
        }
        if (has(table, "time", "survival", "lower", "upper")) {
            return survival(table, timeUnit, groupBy, groupLabels);
        }
        Chart biomarker = biomarker(table, family, parameters);
        if (biomarker != null) {
            return biomarker;
        }
        if (has(table, "term", "estimate", "stdError")) {
            return forest(table, ForestPlot.ratioOf(method, family));
        }
        if (has(table, "drug", "event", "prr", "fisher_p", "signal")) {
            boolean ror = "ROR".equals(criteria.ratio()) && table.hasColumn("ror");
            return new Single(VolcanoPlot.disproportionality(ror ? "ROR" : "PRR", pairs(table),
                    doubles(table, ror ? "ror" : "prr"), doubles(table, "fisher_p"), flags(table, "signal"),
                    ror ? Double.NaN : criteria.value(2, SignalCriteria.PRR_THRESHOLD),
                    criteria.value(0.05, SignalCriteria.ALPHA)));
        }
        if (has(table, "drug", "event", "ebgm", "eb05")) {
            double threshold = criteria.value(2, SignalCriteria.EB05_THRESHOLD);
            double[] eb05 = doubles(table, "eb05");
            boolean[] signal = new boolean[eb05.length];
            for (int row = 0; row < eb05.length; row++) {
                signal[row] = eb05[row] >= threshold;
            }
            return new Single(VolcanoPlot.ebgm(pairs(table), doubles(table, "ebgm"), eb05, signal, threshold));
        }
        if (has(table, "body_system", "term", "arm", "control_arm", "incidence_arm", "incidence_control",
                "risk_difference", "rd_lower", "rd_upper")) {
            return new Single(aeDotPlot(table));
        }
        if (has(table, "id", "bestChange")) {
            return new Single(WaterfallPlot.of("Best change in tumour size from baseline", ids(table),
                    doubles(table, "bestChange")));
        }
        if (has(table, "id", "day", "change")) {
            return new Single(SpiderPlot.ofRows("Change in tumour size over time", "Days since baseline",
                    ids(table), doubles(table, "day"), doubles(table, "change")));
        }
        return null;
    }

    /**
     * The biomarker tables by their contract columns: a coefficient path, a cross-validation curve (lambda.min and
     * lambda.1se found on it as cv.glmnet finds them; the measure from the run's {@code typeMeasure}), ROC points per
     * marker (and time), STEPP windows, subgroup effects; null for other tables.
     */
    private static Chart biomarker(Table table, String family, Map<String, Object> parameters) {
        if (has(table, "step", "lambda", "term", "coefficient")) {
            return new Single(BiomarkerCharts.coefficientPaths(strings(table, "term"), doubles(table, "lambda"),
                    doubles(table, "coefficient"), Double.NaN, Double.NaN));
        }
        if (has(table, "lambda", "cvm", "cvlo", "cvup")) {
            Object measure = parameters.get("typeMeasure");
            String type = measure == null ? null : measure.toString();
            boolean maximise = "auc".equals(type) || "C".equals(type);
            return new Single(BiomarkerCharts.cvCurve(doubles(table, "lambda"), doubles(table, "cvm"),
                    doubles(table, "cvlo"), doubles(table, "cvup"), table.hasColumn("nzero") ? doubles(table, "nzero") : null,
                    Double.NaN, Double.NaN, BiomarkerCharts.cvMeasure(type, family), maximise));
        }
        if (has(table, "marker", "threshold", "sensitivity", "specificity")) {
            boolean timed = table.hasColumn("time");
            List<String> markers = strings(table, "marker");
            double[] time = timed ? doubles(table, "time") : null;
            double[] se = doubles(table, "sensitivity");
            double[] sp = doubles(table, "specificity");
            Map<String, List<Integer>> curves = new LinkedHashMap<>();
            for (int row = 0; row < markers.size(); row++) {
                String name = timed ? markers.get(row) + " at t = " + NumberText.text(time[row]) : markers.get(row);
                curves.computeIfAbsent(name, k -> new ArrayList<>()).add(row);
            }
            List<BiomarkerCharts.Roc> rocs = new ArrayList<>();
            curves.forEach((name, rows) -> rocs.add(new BiomarkerCharts.Roc(name,
                    rows.stream().mapToDouble(r -> se[r]).toArray(), rows.stream().mapToDouble(r -> sp[r]).toArray(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
            return new Single(BiomarkerCharts.roc(timed ? "Time-dependent ROC curves" : "ROC curves", rocs, 0.95));
        }
        if (has(table, "marker_median", "difference", "difference_lower", "difference_upper")) {
            Object marker = parameters.get("marker");
            return new Single(BiomarkerCharts.stepp(marker == null ? null : marker.toString(),
                    doubles(table, "marker_median"), doubles(table, "difference"), doubles(table, "difference_lower"),
                    doubles(table, "difference_upper"), null, Double.NaN, Double.NaN));
        }
        if (has(table, "subgroup", "effect_naive", "naive_lower", "naive_upper", "effect_adjusted", "adjusted_lower",
                "adjusted_upper")) {
            String scale = table.hasColumn("effect_scale") && table.rowCount() > 0 ? strings(table, "effect_scale").get(0)
                    : null;
            return new Single(BiomarkerCharts.subgroups(strings(table, "subgroup"), doubles(table, "effect_naive"),
                    doubles(table, "naive_lower"), doubles(table, "naive_upper"), doubles(table, "effect_adjusted"),
                    doubles(table, "adjusted_lower"), doubles(table, "adjusted_upper"), scale));
        }
        return null;
    }

    /** "drug – event" per row. */
    private static List<String> pairs(Table table) {
        List<String> pairs = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            pairs.add(table.strings("drug").get(row) + " \u2013 " + table.strings("event").get(row));
        }
        return pairs;
    }

    private static boolean[] flags(Table table, String column) {
        boolean[] flags = new boolean[table.rowCount()];
        for (int row = 0; row < flags.length; row++) {
            flags[row] = !table.booleans(column).isNull(row) && table.booleans(column).get(row);
        }
        return flags;
    }

    private static List<String> strings(Table table, String column) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            values.add(table.strings(column).get(row));
        }
        return values;
    }

    /** The AE dot plot of an {@code ae} table, incidences in % and risk differences in percentage points. */
    private static AeDotPlot aeDotPlot(Table table) {
        double factor = AeDotPlot.percentFactor(doubles(table, "incidence_arm"),
                table.hasColumn("n_arm") ? doubles(table, "n_arm") : null,
                table.hasColumn("N_arm") ? doubles(table, "N_arm") : null);
        return AeDotPlot.of("Adverse events: incidence and risk difference", AeDotPlot.Effect.RISK_DIFFERENCE,
                strings(table, "body_system"), strings(table, "term"), strings(table, "arm"), strings(table, "control_arm"),
                scaled(doubles(table, "incidence_arm"), factor), scaled(doubles(table, "incidence_control"), factor),
                scaled(doubles(table, "risk_difference"), factor), scaled(doubles(table, "rd_lower"), factor),
                scaled(doubles(table, "rd_upper"), factor));
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    private static List<String> ids(Table table) {
        List<String> ids = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            ids.add(table.strings("id").get(row));
        }
        return ids;
    }

    private static double[] doubles(Table table, String column) {
        double[] values = new double[table.rowCount()];
        for (int row = 0; row < values.length; row++) {
            values[row] = table.doubles(column).isNull(row) ? Double.NaN : table.doubles(column).get(row);
        }
        return values;
    }

    private static boolean has(Table table, String... columns) {
        for (String column : columns) {
            if (!table.hasColumn(column)) {
                return false;
            }
        }
        return true;
    }

    /** The heat maps of a {@code byCombination} table (one row per combination), or null if it is not a full grid. */
    private static Chart combination(String method, Table table) {
        CombinationGrid grid = CombinationGrid.of(doubles(table, "doseA"), doubles(table, "doseB"));
        if (grid == null) {
            return null;
        }
        int cells = grid.size();
        int rows = grid.rows();
        int cols = grid.columns();
        double[] selection = new double[cells];
        double[] patients = new double[cells];
        double[] truth = new double[cells];
        boolean[] mtd = new boolean[cells];
        double[] sel = doubles(table, "selectionPercent");
        double[] pat = doubles(table, "patients");
        double[] tru = doubles(table, "truth");
        boolean[] flag = flags(table, "trueMtd");
        double total = 0;
        for (int i = 0; i < cells; i++) {
            int c = grid.cell(i);
            selection[c] = sel[i];
            patients[c] = pat[i];
            truth[c] = tru[i];
            mtd[c] = flag[i];
            total += pat[i];
        }
        boolean contour = "design.waterfall".equals(method);
        boolean blrm = "design.blrm-combo".equals(method);
        String meaning = contour ? "true MTD contour" : blrm ? "true MTD (truth in the target interval [0.16, 0.33))"
                : "true MTD (truth closest to the target)";
        return new CombinationMatrices(contour ? "Waterfall design: MTD contour" : blrm ? "Two-drug BLRM with EWOC"
                : "BOIN combination: one MTD",
                HeatMap.selection(contour ? "Selection into the MTD contour (% of trials)"
                        : "Selection as the MTD (% of trials)", rows, cols, selection, truth, mtd, meaning, Double.NaN),
                HeatMap.allocation("Patients treated per trial (mean)", rows, cols, patients, truth, mtd, meaning,
                        total));
    }

    /** The posterior heat maps of a two-drug BLRM's {@code posterior} table, or null if it is not a full grid. */
    private static Chart combinationPosterior(Table table) {
        CombinationGrid grid = CombinationGrid.of(doubles(table, "doseA"), doubles(table, "doseB"));
        if (grid == null) {
            return null;
        }
        boolean[] admissible = flags(table, "admissible");
        return new CombinationPosterior("Two-drug BLRM: posterior per combination",
                HeatMap.posteriorOverdose(grid, doubles(table, "pOver"), doubles(table, "patients"),
                        doubles(table, "dlts"), admissible, -1, ""),
                HeatMap.posteriorTarget(grid, doubles(table, "pTarget"), doubles(table, "meanP"), admissible, -1));
    }

    private static Chart operatingCharacteristics(Table table, long designMtd) {
        boolean byDesign = table.hasColumn("design");
        boolean scenarios = table.hasColumn("scenario");
        Map<String, Map<Long, double[]>> values = new LinkedHashMap<>();
        List<String> doses = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (scenarios && table.longs("scenario").get(row) != table.longs("scenario").get(0)) {
                continue;
            }
            String series = byDesign ? table.strings("design").get(row) : "design";
            long dose = table.longs("dose").get(row);
            long mtd = table.hasColumn("trueMtd") ? table.longs("trueMtd").get(row) : designMtd;
            String label = dose == mtd ? dose + " MTD" : Long.toString(dose);
            if (!doses.contains(label)) {
                doses.add(label);
            }
            values.computeIfAbsent(series, k -> new LinkedHashMap<>()).put(dose, new double[] {
                table.doubles("selectionPercent").get(row), table.doubles("patients").get(row)});
        }
        List<String> series = new ArrayList<>(values.keySet());
        double[][] selection = new double[series.size()][doses.size()];
        double[][] patients = new double[series.size()][doses.size()];
        for (int s = 0; s < series.size(); s++) {
            for (int d = 0; d < doses.size(); d++) {
                double[] v = values.get(series.get(s)).getOrDefault(Long.parseLong(doses.get(d).split(" ")[0]),
                        new double[2]);
                selection[s][d] = v[0];
                patients[s][d] = v[1];
            }
        }
        return new OperatingCharacteristics(scenarios ? "Operating characteristics, scenario "
                + table.longs("scenario").get(0) : "Operating characteristics", series, doses, selection, patients);
    }

    private static Chart survival(Table table, String timeUnit, String groupBy, List<String> groupLabels) {
        boolean counts = has(table, "atRisk", "events", "censored");
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String group = table.hasColumn("group") ? (groupBy == null ? "group " : groupBy + "=")
                    + groupName(table.doubles("group").get(row), groupLabels) : "all";
            rows.computeIfAbsent(group, k -> new ArrayList<>()).add(new double[] {table.doubles("time").get(row),
                table.doubles("survival").get(row), table.doubles("lower").get(row), table.doubles("upper").get(row),
                counts ? table.longs("atRisk").get(row) : 0, counts ? table.longs("events").get(row) : 0,
                counts ? table.longs("censored").get(row) : 0});
        }
        List<double[]> time = new ArrayList<>();
        List<double[]> survival = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        List<long[]> atRisk = new ArrayList<>();
        List<long[]> events = new ArrayList<>();
        List<long[]> censored = new ArrayList<>();
        rows.values().forEach(points -> {
            time.add(points.stream().mapToDouble(p -> p[0]).toArray());
            survival.add(points.stream().mapToDouble(p -> p[1]).toArray());
            lower.add(points.stream().mapToDouble(p -> p[2]).toArray());
            upper.add(points.stream().mapToDouble(p -> p[3]).toArray());
            atRisk.add(counts ? points.stream().mapToLong(p -> (long) p[4]).toArray() : null);
            events.add(counts ? points.stream().mapToLong(p -> (long) p[5]).toArray() : null);
            censored.add(counts ? points.stream().mapToLong(p -> (long) p[6]).toArray() : null);
        });
        return new SurvivalCurves("Kaplan-Meier curves (shaded: confidence band; dashed: median)",
                new ArrayList<>(rows.keySet()), time, survival, lower, upper, atRisk, events, censored, timeUnit);
    }

    /** A group's code as R prints it (1, not 1.0), or the k-th label of a coded text column. */
    private static String groupName(double code, List<String> labels) {
        if (labels != null && code == Math.rint(code) && code >= 1 && code <= labels.size()) {
            return labels.get((int) code - 1);
        }
        return NumberText.text(code);
    }

    private static Chart forest(Table table, String ratio) {
        int k = table.rowCount();
        List<String> terms = new ArrayList<>();
        double[] estimate = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int row = 0; row < k; row++) {
            terms.add(table.strings("term").get(row));
            estimate[row] = table.doubles("estimate").get(row);
            double half = 1.959963984540054 * table.doubles("stdError").get(row);
            lower[row] = estimate[row] - half;
            upper[row] = estimate[row] + half;
        }
        return new Forest("Coefficients with 95% Wald intervals", terms, estimate, lower, upper, ratio);
    }
}
