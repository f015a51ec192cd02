package io.daybreak.stats.signal.disproportionality;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Drug–event pair counts with their margins, per stratum: what every disproportionality statistic is computed
 * from. For pair {@code i}: {@link #n} reports (units) with the drug and the event, {@link #drugCount} reports with the
 * drug, {@link #eventCount} reports with the event, {@link #total} reports; all summed over strata. The
 * {@link #expected} count is E = Σ<sub>s</sub> n<sub>i.s</sub> n<sub>.js</sub> / n<sub>..s</sub> over strata s (one
 * stratum when unstratified), as openEBGM::processRaw computes it.
 *
 * <p>Margins are kept per stratum as flat arrays: {@code drugMargins[s * drugs + d]}, {@code eventMargins[s * events
 * + e]}, {@code totals[s]}. Pairs with n = 0 are not listed. Immutable once built (arrays are not copied on the way
 * out of the factories; callers hand them over).
 */
public final class PairCounts {
    private final String[] drugNames;
    private final String[] eventNames;
    private final int[] pairDrug;
    private final int[] pairEvent;
    private final long[] pairN;
    private final int strata;
    private final long[] drugMargins;
    private final long[] eventMargins;
    private final long[] totals;
    private final long[] drugTotal;
    private final long[] eventTotal;
    private final long total;
    private final double[] expected;

    /**
     * @param drugNames    drug dictionary (index → name)
     * @param eventNames   event dictionary
     * @param pairDrug     drug index of each pair
     * @param pairEvent    event index of each pair
     * @param pairN        count of each pair (≥ 0)
     * @param strata       number of strata (≥ 1)
     * @param drugMargins  reports with the drug per stratum, flat {@code [s * drugs + d]}
     * @param eventMargins reports with the event per stratum, flat {@code [s * events + e]}
     * @param totals       reports per stratum
     */
    public PairCounts(String[] drugNames, String[] eventNames, int[] pairDrug, int[] pairEvent, long[] pairN, int strata,
            long[] drugMargins, long[] eventMargins, long[] totals) {
        if (strata < 1 || totals.length != strata || drugMargins.length != (long) strata * drugNames.length
                || eventMargins.length != (long) strata * eventNames.length) {
            throw new IllegalArgumentException("margins do not match " + strata + " strata of " + drugNames.length
                    + " drugs and " + eventNames.length + " events");
        }
        if (pairDrug.length != pairEvent.length || pairDrug.length != pairN.length) {
            throw new IllegalArgumentException("pair arrays differ in length");
        }
        this.drugNames = drugNames;
        this.eventNames = eventNames;
        this.pairDrug = pairDrug;
        this.pairEvent = pairEvent;
        this.pairN = pairN;
        this.strata = strata;
        this.drugMargins = drugMargins;
        this.eventMargins = eventMargins;
        this.totals = totals;
        int drugs = drugNames.length;
        int events = eventNames.length;
        drugTotal = new long[drugs];
        eventTotal = new long[events];
        long all = 0;
        for (int s = 0; s < strata; s++) {
            if (totals[s] < 0) {
                throw new IllegalArgumentException("stratum " + s + ": total " + totals[s] + " is negative");
            }
            all += totals[s];
            for (int d = 0; d < drugs; d++) {
                long m = drugMargins[s * drugs + d];
                if (m < 0 || m > totals[s]) {
                    throw new IllegalArgumentException("drug '" + drugNames[d] + "' stratum " + s + ": count " + m
                            + " is outside 0.." + totals[s] + " (the stratum's total)");
                }
                drugTotal[d] += m;
            }
            for (int e = 0; e < events; e++) {
                long m = eventMargins[s * events + e];
                if (m < 0 || m > totals[s]) {
                    throw new IllegalArgumentException("event '" + eventNames[e] + "' stratum " + s + ": count " + m
                            + " is outside 0.." + totals[s] + " (the stratum's total)");
                }
                eventTotal[e] += m;
            }
        }
        total = all;
        expected = new double[pairN.length];
        for (int i = 0; i < pairN.length; i++) {
            int d = pairDrug[i];
            int e = pairEvent[i];
            long a = pairN[i];
            if (a < 0) {
                throw new IllegalArgumentException("pair '" + drugNames[d] + "' / '" + eventNames[e] + "': count " + a
                        + " is negative");
            }
            if (a > drugTotal[d] || a > eventTotal[e] || drugTotal[d] + eventTotal[e] - a > total) {
                throw new IllegalArgumentException("pair '" + drugNames[d] + "' / '" + eventNames[e] + "': count " + a
                        + " is inconsistent with its margins (drug " + drugTotal[d] + ", event " + eventTotal[e]
                        + ", total " + total + "): need n <= n_drug, n <= n_event and n_drug + n_event - n <= n_total");
            }
            double sum = 0;
            for (int s = 0; s < strata; s++) {
                if (totals[s] > 0) {
                    sum += (double) drugMargins[s * drugs + d] * eventMargins[s * events + e] / totals[s];
                }
            }
            expected[i] = sum;
        }
    }

    /**
     * Pre-counted pairs with their margins given on each pair (unstratified). Margins must agree between pairs of
     * the same drug (event) and with n; the total must agree across pairs.
     *
     * @param drugCount  reports with the drug, per pair; null to compute as Σ n over the drug's pairs
     * @param eventCount reports with the event, per pair; null to compute as Σ n over the event's pairs
     * @param total      all reports; null to compute as Σ n
     */
    public static PairCounts ofPairs(String[] drug, String[] event, long[] n, long[] drugCount, long[] eventCount,
            long[] total) {
        int rows = drug.length;
        if (event.length != rows || n.length != rows || drugCount != null && drugCount.length != rows
                || eventCount != null && eventCount.length != rows || total != null && total.length != rows) {
            throw new IllegalArgumentException("columns of pre-counted pairs differ in length");
        }
        Dictionary drugs = new Dictionary();
        Dictionary events = new Dictionary();
        int[] d = new int[rows];
        int[] e = new int[rows];
        Map<Long, Integer> seen = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            if (drug[r] == null || event[r] == null) {
                throw new IllegalArgumentException("row " + (r + 1) + ": drug or event is missing");
            }
            if (n[r] < 0) {
                throw new IllegalArgumentException("row " + (r + 1) + ": count " + n[r] + " is negative");
            }
            d[r] = drugs.index(drug[r]);
            e[r] = events.index(event[r]);
            Integer before = seen.put(((long) d[r] << 32) | e[r], r);
            if (before != null) {
                throw new IllegalArgumentException("rows " + (before + 1) + " and " + (r + 1) + " both count pair '"
                        + drug[r] + "' / '" + event[r] + "'");
            }
        }
        long[] dm = margin(d, drugs.size(), n, drugCount, "drug", drugs);
        long[] em = margin(e, events.size(), n, eventCount, "event", events);
        long all = 0;
        if (total == null) {
            for (long x : n) {
                all += x;
            }
        } else {
            for (int r = 0; r < rows; r++) {
                if (r > 0 && total[r] != total[0]) {
                    throw new IllegalArgumentException("row " + (r + 1) + ": total " + total[r] + " differs from row 1's "
                            + total[0]);
                }
                all = total[r];
            }
        }
        return new PairCounts(drugs.names(), events.names(), d, e, n.clone(), 1, dm, em, new long[] {all});
    }

    private static long[] margin(int[] index, int size, long[] n, long[] given, String what, Dictionary names) {
        long[] margin = new long[size];
        if (given == null) {
            for (int r = 0; r < index.length; r++) {
                margin[index[r]] += n[r];
            }
            return margin;
        }
        Arrays.fill(margin, -1);
        for (int r = 0; r < index.length; r++) {
            long m = given[r];
            if (m < 0) {
                throw new IllegalArgumentException("row " + (r + 1) + ": " + what + " count " + m + " is negative");
            }
            if (margin[index[r]] >= 0 && margin[index[r]] != m) {
                throw new IllegalArgumentException("row " + (r + 1) + ": " + what + " count " + m + " of '"
                        + names.names()[index[r]] + "' differs from " + margin[index[r]] + " on an earlier row");
            }
            margin[index[r]] = m;
        }
        return margin;
    }

    /** Number of pairs. */
    public int size() {
        return pairN.length;
    }

    public String drug(int i) {
        return drugNames[pairDrug[i]];
    }

    public String event(int i) {
        return eventNames[pairEvent[i]];
    }

    public int drugIndex(int i) {
        return pairDrug[i];
    }

    public int eventIndex(int i) {
        return pairEvent[i];
    }

    /** Reports with the pair's drug and event. */
    public long n(int i) {
        return pairN[i];
    }

    /** Reports with the pair's drug (all strata). */
    public long drugCount(int i) {
        return drugTotal[pairDrug[i]];
    }

    /** Reports with the pair's event (all strata). */
    public long eventCount(int i) {
        return eventTotal[pairEvent[i]];
    }

    /** All reports (all strata). */
    public long total() {
        return total;
    }

    /** E = Σ_s n_i.s n_.js / n..s; strata with no reports add nothing. */
    public double expected(int i) {
        return expected[i];
    }

    public int strata() {
        return strata;
    }

    public String[] drugNames() {
        return drugNames.clone();
    }

    public String[] eventNames() {
        return eventNames.clone();
    }

    /** Reports with drug {@code d} in stratum {@code s}. */
    public long drugMargin(int s, int d) {
        return drugMargins[s * drugNames.length + d];
    }

    /** Reports with event {@code e} in stratum {@code s}. */
    public long eventMargin(int s, int e) {
        return eventMargins[s * eventNames.length + e];
    }

    /** Reports in stratum {@code s}. */
    public long stratumTotal(int s) {
        return totals[s];
    }

    /** Index of pair (drug, event) by name, or −1. Linear; for tests and small look-ups. */
    public int indexOf(String drug, String event) {
        for (int i = 0; i < pairN.length; i++) {
            if (drugNames[pairDrug[i]].equals(drug) && eventNames[pairEvent[i]].equals(event)) {
                return i;
            }
        }
        return -1;
    }

    /** Strings to dense indices in order of first appearance. */
    static final class Dictionary {
        private final Map<String, Integer> index = new HashMap<>();
        private String[] names = new String[16];

        int index(String name) {
            Integer i = index.get(name);
            if (i != null) {
                return i;
            }
            int next = index.size();
            if (next == names.length) {
                names = Arrays.copyOf(names, next * 2);
            }
            names[next] = name;
            index.put(name, next);
            return next;
        }

        int size() {
            return index.size();
        }

        String[] names() {
            return Arrays.copyOf(names, index.size());
        }
    }
}
