package io.daybreak.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A waterfall plot of tumour response: one bar per patient, the best (lowest) change of tumour size from baseline in
 * percent, sorted from the largest increase to the largest decrease, coloured by {@link RecistChange}, with dashed
 * lines at +20% and -30%.
 *
 * @param axis     the change axis, from -100%
 * @param patients the patients in the order drawn
 * @param change   each patient's best change from baseline in percent
 */
public record WaterfallPlot(String title, String label, Axis axis, List<String> patients, double[] change)
        implements Chart {

    public WaterfallPlot {
        patients = List.copyOf(patients);
        if (change.length != patients.size()) {
            throw new IllegalArgumentException("a waterfall plot needs a change for every patient");
        }
    }

    /** The plot of the given patients' best changes, sorted as waterfall plots are (patients without a change left out). */
    public static WaterfallPlot of(String title, List<String> patients, double[] change) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < change.length; i++) {
            if (Double.isFinite(change[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> change[i]).reversed());
        double top = RecistChange.PROGRESSION_THRESHOLD;
        for (int i : order) {
            top = Math.max(top, change[i]);
        }
        return new WaterfallPlot(title, "waterfall plot", Axis.linear("Best change from baseline (%)", -100, top),
                order.stream().map(patients::get).toList(), order.stream().mapToDouble(i -> change[i]).toArray());
    }
}
