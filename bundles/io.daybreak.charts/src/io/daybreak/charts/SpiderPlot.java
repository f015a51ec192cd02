package io.daybreak.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spider plot of tumour response: each patient's change of tumour size from baseline in percent over time, a line
 * per patient coloured by the category of its best change ({@link RecistChange}), with dashed lines at +20% and -30%.
 *
 * @param times   per patient, the assessment times (the first is baseline, change 0)
 * @param changes per patient, the change from baseline at each time, in percent
 */
public record SpiderPlot(String title, String label, Axis time, Axis change, List<String> patients, List<double[]> times,
        List<double[]> changes) implements Chart {

    public SpiderPlot {
        patients = List.copyOf(patients);
        times = List.copyOf(times);
        changes = List.copyOf(changes);
        if (times.size() != patients.size() || changes.size() != patients.size()) {
            throw new IllegalArgumentException("a spider plot needs times and changes for every patient");
        }
    }

    /** @param timeTitle the time axis title with its unit, e.g. "Days since baseline" */
    public static SpiderPlot of(String title, String timeTitle, List<String> patients, List<double[]> times,
            List<double[]> changes) {
        double end = 0;
        double low = RecistChange.PARTIAL_THRESHOLD;
        double high = RecistChange.PROGRESSION_THRESHOLD;
        for (int p = 0; p < patients.size(); p++) {
            for (double t : times.get(p)) {
                end = Math.max(end, t);
            }
            for (double c : changes.get(p)) {
                if (Double.isFinite(c)) {
                    low = Math.min(low, c);
                    high = Math.max(high, c);
                }
            }
        }
        return new SpiderPlot(title, "spider plot", Axis.linear(timeTitle, 0, end > 0 ? end : 1),
                Axis.linear("Change from baseline (%)", Math.max(-100, low), high), patients, times, changes);
    }

    /**
     * The plot of a long table: one row per patient and assessment ({@code ids[i]}, {@code times[i]},
     * {@code changes[i]}), rows of a patient in time order, patients in order of first appearance.
     */
    public static SpiderPlot ofRows(String title, String timeTitle, List<String> ids, double[] times, double[] changes) {
        Map<String, List<double[]>> byPatient = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byPatient.computeIfAbsent(ids.get(i), k -> new ArrayList<>()).add(new double[] {times[i], changes[i]});
        }
        List<double[]> patientTimes = new ArrayList<>();
        List<double[]> patientChanges = new ArrayList<>();
        for (List<double[]> rows : byPatient.values()) {
            patientTimes.add(rows.stream().mapToDouble(r -> r[0]).toArray());
            patientChanges.add(rows.stream().mapToDouble(r -> r[1]).toArray());
        }
        return of(title, timeTitle, new ArrayList<>(byPatient.keySet()), patientTimes, patientChanges);
    }

    /** A patient's best (lowest) change after baseline, NaN without one. */
    public static double best(double[] changes) {
        double best = Double.NaN;
        for (int i = 1; i < changes.length; i++) {
            if (Double.isFinite(changes[i]) && !(best <= changes[i])) {
                best = changes[i];
            }
        }
        return best;
    }
}
