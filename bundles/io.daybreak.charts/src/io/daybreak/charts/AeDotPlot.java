package io.daybreak.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adverse-event dot plot of Amit, Heiberger and Lane (2008): one row per preferred term; the left panel shows the
 * incidence (% of patients) in each arm as dots, the right panel the risk difference (or relative risk, on a log
 * axis) of each active arm against its control with its 95% interval. Terms are sorted by that effect, largest
 * increase at the top, within their body system when there is more than one (the body system heads its group).
 *
 * @param bodySystems per term (in drawing order, top to bottom), its body system (system organ class)
 * @param terms       the preferred terms, top to bottom
 * @param arms        every arm, controls first, in the legend's order (colours by index)
 * @param incidence   [arm][term]: % of the arm's patients with the term, NaN where not reported
 * @param comparisons the active arms compared with a control (each one of {@code arms})
 * @param controls    per comparison, its control arm
 * @param estimate    [comparison][term]: risk difference in percentage points, or relative risk
 * @param grouped     terms are grouped under their body system
 */
public record AeDotPlot(String title, String label, Effect effect, List<String> bodySystems, List<String> terms,
        List<String> arms, double[][] incidence, Axis incidenceAxis, List<String> comparisons, List<String> controls,
        double[][] estimate, double[][] lower, double[][] upper, Axis effectAxis, boolean grouped) implements Chart {

    /** What the right panel shows. */
    public enum Effect {
        /** Arm minus control, in percentage points, on a linear axis through 0. */
        RISK_DIFFERENCE("Risk difference (percentage points, 95% CI)", 0),
        /** Arm over control, on a log axis through 1. */
        RELATIVE_RISK("Relative risk (95% CI, log scale)", 1);

        private final String axisTitle;
        private final double reference;

        Effect(String axisTitle, double reference) {
            this.axisTitle = axisTitle;
            this.reference = reference;
        }

        public String axisTitle() {
            return axisTitle;
        }

        /** No difference: 0 for a difference, 1 for a ratio. */
        public double reference() {
            return reference;
        }
    }

    public AeDotPlot {
        bodySystems = List.copyOf(bodySystems);
        terms = List.copyOf(terms);
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
        controls = List.copyOf(controls);
        if (bodySystems.size() != terms.size() || incidence.length != arms.size() || controls.size() != comparisons.size()
                || estimate.length != comparisons.size() || lower.length != comparisons.size()
                || upper.length != comparisons.size()) {
            throw new IllegalArgumentException("an AE dot plot needs a body system per term, incidences per arm and "
                    + "estimates with limits per comparison");
        }
    }

    /**
     * The plot of a long table with one row per term and active arm (as {@code signal.ae-compare} gives it): each row's
     * body system, term, arm, control arm, the incidences (%) in arm and control, and the effect with its limits
     * (percentage points for a risk difference). Rows are sorted here; the first active arm's effect orders the terms.
     */
    public static AeDotPlot of(String title, Effect effect, List<String> bodySystem, List<String> term, List<String> arm,
            List<String> control, double[] incidenceArm, double[] incidenceControl, double[] estimate, double[] lower,
            double[] upper) {
        int n = term.size();
        Set<String> controlArms = new LinkedHashSet<>(control);
        Set<String> activeArms = new LinkedHashSet<>(arm);
        activeArms.removeAll(controlArms);
        List<String> arms = new ArrayList<>(controlArms);
        arms.addAll(activeArms);
        List<String> comparisons = new ArrayList<>(new LinkedHashSet<>(arm));
        Map<String, String> controlOf = new LinkedHashMap<>();
        Map<List<String>, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            controlOf.putIfAbsent(arm.get(i), control.get(i));
            index.putIfAbsent(List.of(bodySystem.get(i), term.get(i)), index.size());
        }
        List<List<String>> keys = new ArrayList<>(index.keySet());
        int k = keys.size();
        double[][] incidence = filled(arms.size(), k);
        double[][] est = filled(comparisons.size(), k);
        double[][] lo = filled(comparisons.size(), k);
        double[][] hi = filled(comparisons.size(), k);
        for (int i = 0; i < n; i++) {
            int t = index.get(List.of(bodySystem.get(i), term.get(i)));
            int c = comparisons.indexOf(arm.get(i));
            incidence[arms.indexOf(arm.get(i))][t] = incidenceArm[i];
            incidence[arms.indexOf(control.get(i))][t] = incidenceControl[i];
            est[c][t] = estimate[i];
            lo[c][t] = lower[i];
            hi[c][t] = upper[i];
        }
        boolean grouped = keys.stream().map(key -> key.get(0)).distinct().count() > 1;
        List<Integer> order = order(keys, est[0], grouped);
        double[] incidenceSpan = {0, 0};
        for (double[] row : incidence) {
            span(incidenceSpan, row, false);
        }
        double[] effectSpan = {effect.reference(), effect.reference()};
        for (double[][] values : new double[][][] {est, lo, hi}) {
            for (double[] row : values) {
                span(effectSpan, row, effect == Effect.RELATIVE_RISK);
            }
        }
        Axis incidenceAxis = Axis.linear("Incidence (% of patients)", 0, incidenceSpan[1] > 0 ? incidenceSpan[1] : 1);
        Axis effectAxis = effect == Effect.RELATIVE_RISK ? Axis.log(effect.axisTitle(), effectSpan[0], effectSpan[1])
                : Axis.linear(effect.axisTitle(), effectSpan[0], effectSpan[1]);
        return new AeDotPlot(title, "AE dot plot", effect, order.stream().map(t -> keys.get(t).get(0)).toList(),
                order.stream().map(t -> keys.get(t).get(1)).toList(), arms, reorder(incidence, order), incidenceAxis,
                comparisons, comparisons.stream().map(controlOf::get).toList(), reorder(est, order), reorder(lo, order),
                reorder(hi, order), effectAxis, grouped);
    }

    /**
     * What multiplies the table's incidences (and risk differences) to give percent: 100 when they are proportions,
     * 1 when they are already percentages. Decided from rows with counts ({@code incidence = n / N} or
     * {@code 100 n / N}); without usable counts, proportions when no incidence exceeds 1.
     */
    public static double percentFactor(double[] incidence, double[] n, double[] atRisk) {
        boolean anyAboveOne = false;
        for (int i = 0; i < incidence.length; i++) {
            double value = incidence[i];
            if (!Double.isFinite(value)) {
                continue;
            }
            anyAboveOne |= value > 1;
            if (n != null && atRisk != null && atRisk[i] > 0 && n[i] > 0) {
                double proportion = n[i] / atRisk[i];
                if (Math.abs(value - proportion) <= 1e-9 * Math.max(1, proportion)) {
                    return 100;
                }
                if (Math.abs(value - 100 * proportion) <= 1e-7 * Math.max(1, 100 * proportion)) {
                    return 1;
                }
            }
        }
        return anyAboveOne ? 1 : 100;
    }

    /**
     * Largest effect first (NaN last, then by name); grouped: body systems by their largest effect, terms within them.
     */
    static List<Integer> order(List<List<String>> keys, double[] effect, boolean grouped) {
        Comparator<Integer> byEffect = Comparator.comparingDouble((Integer t) -> Double.isNaN(effect[t])
                ? Double.NEGATIVE_INFINITY : effect[t]).reversed().thenComparing(t -> keys.get(t).get(1));
        List<Integer> terms = new ArrayList<>();
        for (int t = 0; t < keys.size(); t++) {
            terms.add(t);
        }
        terms.sort(byEffect);
        if (!grouped) {
            return terms;
        }
        // terms is sorted, so a body system's first term in it carries its largest effect: groups follow that order
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int t : terms) {
            groups.computeIfAbsent(keys.get(t).get(0), g -> new ArrayList<>()).add(t);
        }
        List<Integer> order = new ArrayList<>();
        groups.values().forEach(order::addAll);
        return order;
    }

    private static double[][] filled(int rows, int columns) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return values;
    }

    private static double[][] reorder(double[][] values, List<Integer> order) {
        double[][] out = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            double[] row = values[r];
            out[r] = order.stream().mapToDouble(t -> row[t]).toArray();
        }
        return out;
    }

    private static void span(double[] span, double[] values, boolean positive) {
        for (double v : values) {
            if (Double.isFinite(v) && (!positive || v > 0)) {
                span[0] = Math.min(span[0], v);
                span[1] = Math.max(span[1], v);
            }
        }
    }
}
