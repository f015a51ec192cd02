package io.daybreak.stats.signal.ae;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts that an adverse-event comparison needs, and nothing row-level: per arm the patients at risk and the
 * summed exposure (days, e.g. ADSL.TRTDURD), and per event (preferred term within body system) and arm the number
 * of patients with the event (each patient counted once per term). The same record is what sites release and a
 * coordinator pools, so local and federated comparisons run the same code on it.
 *
 * @param arms         arm names
 * @param atRisk       patients at risk per arm
 * @param exposureDays exposure summed over the arm's patients, in days (NaN when unknown)
 * @param events       the events, in the order of {@code counts}
 * @param counts       {@code counts[e][a]}: patients of arm {@code a} with event {@code e}
 */
public record AeCounts(List<String> arms, long[] atRisk, double[] exposureDays, List<Event> events, long[][] counts) {

    /** One adverse event: a preferred term within a body system. */
    public record Event(String bodySystem, String term) {
        public Event {
            if (bodySystem == null || term == null) {
                throw new IllegalArgumentException("an event needs a body system and a term");
            }
        }
    }

    public AeCounts {
        arms = List.copyOf(arms);
        events = List.copyOf(events);
        if (arms.isEmpty() || atRisk.length != arms.size() || exposureDays.length != arms.size()) {
            throw new IllegalArgumentException("need at least one arm and one at-risk count and exposure per arm");
        }
        if (new HashSet<>(arms).size() != arms.size()) {
            throw new IllegalArgumentException("arm names must be distinct: " + arms);
        }
        Set<Event> seen = new HashSet<>();
        if (counts.length != events.size()) {
            throw new IllegalArgumentException("need one row of counts per event");
        }
        for (int e = 0; e < counts.length; e++) {
            if (!seen.add(events.get(e))) {
                throw new IllegalArgumentException("event listed twice: " + events.get(e));
            }
            if (counts[e].length != arms.size()) {
                throw new IllegalArgumentException("event " + events.get(e) + " needs one count per arm");
            }
            for (int a = 0; a < arms.size(); a++) {
                if (counts[e][a] < 0 || counts[e][a] > atRisk[a]) {
                    throw new IllegalArgumentException("event " + events.get(e) + " in arm '" + arms.get(a) + "': "
                            + counts[e][a] + " patients with the event but " + atRisk[a] + " at risk");
                }
            }
        }
        atRisk = atRisk.clone();
        exposureDays = exposureDays.clone();
        long[][] copy = new long[counts.length][];
        for (int e = 0; e < counts.length; e++) {
            copy[e] = counts[e].clone();
        }
        counts = copy;
    }

    /** Index of an arm, or −1. */
    public int arm(String name) {
        return arms.indexOf(name);
    }
}
