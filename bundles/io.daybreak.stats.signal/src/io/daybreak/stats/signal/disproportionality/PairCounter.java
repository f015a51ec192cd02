package io.daybreak.stats.signal.disproportionality;

import java.util.Arrays;

/**
 * Counts report–drug–event rows into {@link PairCounts}. Each row names a drug and an event (dictionary indices, or
 * strings through {@link #count(String[], String[], String[], String[])}), optionally the report it comes from and a
 * stratum.
 *
 * <p>With report ids, the unit counted is the report within its stratum, as openEBGM::processRaw counts unique ids:
 * a pair's n is the number of reports (per stratum, summed) that name both the drug and the event, however many rows
 * repeat them; the drug's margin is the number of reports naming the drug; the total is the number of reports. A
 * report whose rows carry two strata counts once in each. Without report ids every row is its own report.
 *
 * <p>Primitive arrays throughout: pairs are found in an open-addressing hash of packed (drug, event) ints, reports
 * are grouped by a counting sort, and the few rows of one report are de-duplicated by sorting packed keys.
 */
public final class PairCounter {
    private PairCounter() {
    }

    /**
     * @param drug       drug index of each row, 0 … drugNames.length − 1
     * @param event      event index of each row, 0 … eventNames.length − 1
     * @param report     report id of each row (any int values), or null: each row is its own report
     * @param stratum    stratum index of each row, 0 … strata − 1, or null for one stratum
     * @param drugNames  drug dictionary
     * @param eventNames event dictionary
     * @param strata     number of strata (1 when {@code stratum} is null)
     */
    public static PairCounts count(int[] drug, int[] event, int[] report, int[] stratum, String[] drugNames,
            String[] eventNames, int strata) {
        int rows = drug.length;
        if (event.length != rows || report != null && report.length != rows || stratum != null && stratum.length != rows) {
            throw new IllegalArgumentException("drug, event, report and stratum arrays differ in length");
        }
        if (stratum == null && strata != 1 || strata < 1) {
            throw new IllegalArgumentException("strata must be 1 without stratum indices, and at least 1: " + strata);
        }
        int drugs = drugNames.length;
        int events = eventNames.length;
        for (int r = 0; r < rows; r++) {
            if (drug[r] < 0 || drug[r] >= drugs || event[r] < 0 || event[r] >= events
                    || stratum != null && (stratum[r] < 0 || stratum[r] >= strata)) {
                throw new IllegalArgumentException("row " + (r + 1) + ": drug " + drug[r] + ", event " + event[r]
                        + (stratum == null ? "" : ", stratum " + stratum[r]) + " outside the dictionaries (" + drugs
                        + " drugs, " + events + " events, " + strata + " strata)");
            }
        }
        PairHash pairs = new PairHash(Math.max(16, Math.min(rows, 1 << 22)));
        int[] slot = new int[rows];
        for (int r = 0; r < rows; r++) {
            slot[r] = pairs.slot(drug[r], event[r]);
        }
        long[] pairN = new long[pairs.size()];
        long[] drugMargins = new long[Math.multiplyExact(strata, drugs)];
        long[] eventMargins = new long[Math.multiplyExact(strata, events)];
        long[] totals = new long[strata];
        if (report == null) {
            for (int r = 0; r < rows; r++) {
                int s = stratum == null ? 0 : stratum[r];
                pairN[slot[r]]++;
                drugMargins[s * drugs + drug[r]]++;
                eventMargins[s * events + event[r]]++;
                totals[s]++;
            }
        } else {
            countByReport(drug, event, report, stratum, slot, drugs, events, pairN, drugMargins, eventMargins, totals);
        }
        return new PairCounts(drugNames, eventNames, pairs.drugs(), pairs.events(), pairN, strata, drugMargins,
                eventMargins, totals);
    }

    private static void countByReport(int[] drug, int[] event, int[] report, int[] stratum, int[] slot, int drugs,
            int events, long[] pairN, long[] drugMargins, long[] eventMargins, long[] totals) {
        int rows = drug.length;
        int[] dense = denseReports(report);
        int reports = 0;
        for (int r = 0; r < rows; r++) {
            reports = Math.max(reports, dense[r] + 1);
        }
        int[] start = new int[reports + 1];
        for (int r = 0; r < rows; r++) {
            start[dense[r] + 1]++;
        }
        for (int i = 0; i < reports; i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[rows];
        int[] next = Arrays.copyOf(start, reports);
        for (int r = 0; r < rows; r++) {
            order[next[dense[r]]++] = r;
        }
        long[] pairKeys = new long[16];
        long[] drugKeys = new long[16];
        long[] eventKeys = new long[16];
        for (int g = 0; g < reports; g++) {
            int from = start[g];
            int size = start[g + 1] - from;
            if (size == 0) {
                continue;
            }
            if (size == 1) {
                int r = order[from];
                int s = stratum == null ? 0 : stratum[r];
                pairN[slot[r]]++;
                drugMargins[s * drugs + drug[r]]++;
                eventMargins[s * events + event[r]]++;
                totals[s]++;
                continue;
            }
            if (size > pairKeys.length) {
                int length = Math.max(size, pairKeys.length * 2);
                pairKeys = new long[length];
                drugKeys = new long[length];
                eventKeys = new long[length];
            }
            for (int k = 0; k < size; k++) {
                int r = order[from + k];
                long s = stratum == null ? 0 : (long) stratum[r] << 32;
                pairKeys[k] = s | slot[r];
                drugKeys[k] = s | drug[r];
                eventKeys[k] = s | event[r];
            }
            Arrays.sort(pairKeys, 0, size);
            Arrays.sort(drugKeys, 0, size);
            Arrays.sort(eventKeys, 0, size);
            for (int k = 0; k < size; k++) {
                if (k == 0 || pairKeys[k] != pairKeys[k - 1]) {
                    pairN[(int) pairKeys[k]]++;
                }
                if (k == 0 || drugKeys[k] != drugKeys[k - 1]) {
                    int s = (int) (drugKeys[k] >>> 32);
                    drugMargins[s * drugs + (int) drugKeys[k]]++;
                    if (k == 0 || s != (int) (drugKeys[k - 1] >>> 32)) {
                        totals[s]++;
                    }
                }
                if (k == 0 || eventKeys[k] != eventKeys[k - 1]) {
                    eventMargins[(int) (eventKeys[k] >>> 32) * events + (int) eventKeys[k]]++;
                }
            }
        }
    }

    /** Report ids mapped to 0 … R − 1: by offset when their range is small, else through a hash. */
    private static int[] denseReports(int[] report) {
        int rows = report.length;
        int[] dense = new int[rows];
        if (rows == 0) {
            return dense;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int id : report) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        if (max - min < Math.max(4L * rows, 1 << 20)) {
            for (int r = 0; r < rows; r++) {
                dense[r] = (int) (report[r] - min);
            }
            return dense;
        }
        PairHash ids = new PairHash(Math.max(16, Math.min(rows, 1 << 22)));
        for (int r = 0; r < rows; r++) {
            dense[r] = ids.slot(report[r], 0);
        }
        return dense;
    }

    /**
     * Rows given as strings (report ids and strata optional, may be null arrays). Dictionaries are in order of first
     * appearance; strata are numbered in order of first appearance. A null drug, event, report or stratum is an error.
     */
    public static PairCounts count(String[] drug, String[] event, String[] report, String[] stratum) {
        int rows = drug.length;
        if (event.length != rows || report != null && report.length != rows || stratum != null && stratum.length != rows) {
            throw new IllegalArgumentException("drug, event, report and stratum arrays differ in length");
        }
        PairCounts.Dictionary drugs = new PairCounts.Dictionary();
        PairCounts.Dictionary events = new PairCounts.Dictionary();
        PairCounts.Dictionary reports = new PairCounts.Dictionary();
        PairCounts.Dictionary strata = new PairCounts.Dictionary();
        int[] d = new int[rows];
        int[] e = new int[rows];
        int[] rep = report == null ? null : new int[rows];
        int[] s = stratum == null ? null : new int[rows];
        for (int r = 0; r < rows; r++) {
            if (drug[r] == null || event[r] == null || rep != null && report[r] == null || s != null && stratum[r] == null) {
                throw new IllegalArgumentException("row " + (r + 1) + ": drug, event, report or stratum is missing");
            }
            d[r] = drugs.index(drug[r]);
            e[r] = events.index(event[r]);
            if (rep != null) {
                rep[r] = reports.index(report[r]);
            }
            if (s != null) {
                s[r] = strata.index(stratum[r]);
            }
        }
        return count(d, e, rep, s, drugs.names(), events.names(), s == null ? 1 : Math.max(1, strata.size()));
    }

    /** Open-addressing hash of packed (int, int) keys to slots 0, 1, … in order of first appearance. */
    static final class PairHash {
        private long[] keys;
        private int[] slots;
        private int mask;
        private int size;
        private int[] first;
        private int[] second;

        PairHash(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            slots = new int[capacity];
            Arrays.fill(slots, -1);
            mask = capacity - 1;
            first = new int[16];
            second = new int[16];
        }

        int slot(int a, int b) {
            long key = ((long) a << 32) | (b & 0xffffffffL);
            int h = hash(key) & mask;
            while (slots[h] >= 0) {
                if (keys[h] == key) {
                    return slots[h];
                }
                h = (h + 1) & mask;
            }
            if (size == first.length) {
                first = Arrays.copyOf(first, size * 2);
                second = Arrays.copyOf(second, size * 2);
            }
            first[size] = a;
            second[size] = b;
            keys[h] = key;
            slots[h] = size;
            size++;
            if (size * 2L > keys.length) {
                grow();
            }
            return size - 1;
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            Arrays.fill(slots, -1);
            mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldSlots[i] >= 0) {
                    int h = hash(oldKeys[i]) & mask;
                    while (slots[h] >= 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[i];
                    slots[h] = oldSlots[i];
                }
            }
        }

        int size() {
            return size;
        }

        int[] drugs() {
            return Arrays.copyOf(first, size);
        }

        int[] events() {
            return Arrays.copyOf(second, size);
        }
    }
}
