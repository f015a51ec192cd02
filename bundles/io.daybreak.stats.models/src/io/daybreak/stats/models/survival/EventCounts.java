package io.daybreak.stats.models.survival;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Events and censorings per group and distinct time: the sufficient statistics of Kaplan–Meier curves and
 * log-rank tests. Counts add across sites, so the merged counts of several sites are exactly those of the
 * pooled data; a site releases these counts, never rows.
 */
public final class EventCounts {
    private final int groups;
    private final TreeMap<Double, long[]>[] byGroup;

    @SuppressWarnings("unchecked")
    public EventCounts(int groups) {
        this.groups = groups;
        this.byGroup = new TreeMap[groups];
        for (int g = 0; g < groups; g++) {
            byGroup[g] = new TreeMap<>();
        }
    }

    /**
     * Counts from follow-up times, event indicators and group indices (0 … groups − 1; null for one
     * group).
     */
    public static EventCounts of(double[] time, boolean[] event, int[] group, int groups) {
        EventCounts counts = new EventCounts(groups);
        for (int i = 0; i < time.length; i++) {
            counts.add(group == null ? 0 : group[i], time[i], event[i] ? 1 : 0, event[i] ? 0 : 1);
        }
        return counts;
    }

    /** Adds events and censorings at a time. */
    public void add(int group, double time, long events, long censored) {
        long[] cell = byGroup[group].computeIfAbsent(time, t -> new long[2]);
        cell[0] += events;
        cell[1] += censored;
    }

    /** Adds another site's counts (same groups). */
    public void merge(EventCounts other) {
        if (other.groups != groups) {
            throw new IllegalArgumentException("group counts differ: " + groups + " vs " + other.groups);
        }
        for (int g = 0; g < groups; g++) {
            for (Map.Entry<Double, long[]> entry : other.byGroup[g].entrySet()) {
                add(g, entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
            }
        }
    }

    public int groups() {
        return groups;
    }

    /** Distinct times of a group with their {events, censored} counts, ascending (read-only use). */
    public TreeMap<Double, long[]> group(int group) {
        return byGroup[group];
    }

    /** Distinct times over all groups, ascending. */
    public double[] times() {
        TreeSet<Double> times = new TreeSet<>();
        for (TreeMap<Double, long[]> group : byGroup) {
            times.addAll(group.keySet());
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Patients in a group (events plus censorings). */
    public long size(int group) {
        return byGroup[group].values().stream().mapToLong(c -> c[0] + c[1]).sum();
    }

    /** The events and the censored rows counted over every group and time: {events, censored}. */
    public long[] totals() {
        long[] totals = new long[2];
        for (int g = 0; g < groups(); g++) {
            for (long[] cell : group(g).values()) {
                totals[0] += cell[0];
                totals[1] += cell[1];
            }
        }
        return totals;
    }
}
