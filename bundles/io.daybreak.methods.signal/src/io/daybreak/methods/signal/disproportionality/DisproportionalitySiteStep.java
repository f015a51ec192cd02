package io.daybreak.methods.signal.disproportionality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;

/**
 * The site step of {@code signal.disproportionality}: step "counts" releases the site's drug–event pair counts, the
 * drug and event margins per stratum and the reports per stratum, computed over a <em>reduced</em> set of rows in
 * which every count is 0 or at least {@code minCellCount}, so that nothing released can be differenced into a small
 * count (ADR 0025).
 *
 * <p>Reduction: the unit is the report (each row its own report without report ids), a report counts once per cell.
 * The finest cells are (drug, event, stratum); a row is dropped while its cell, its drug's margin in its stratum, its
 * event's margin in its stratum or its stratum's total counts fewer than {@code minCellCount} reports, repeated until
 * nothing changes. Every released number is then a count of the reduced rows and 0 or at least
 * {@code minCellCount}; all the released numbers are sums of finest cells each 0 or at least {@code minCellCount},
 * so no combination of them pins a cell between 1 and {@code minCellCount} − 1. The dropped rows are a row set of
 * their own: the guard's differencing rule requires their number to be 0 or at least {@code minSubsetSize} (or the
 * site refuses), and that number is released ({@code rowsExcluded}) so the coordinator can say the result is
 * incomplete.
 *
 * <p>Arguments: {@code drug}, {@code event} (columns), optional {@code report} (column), optional {@code strata}
 * (columns). Labels come from the data, never from the requester.
 */
@Component(service = SiteStep.class)
public final class DisproportionalitySiteStep implements SiteStep {
    public static final String METHOD = DisproportionalityMethod.ID;
    private static final int MAX_STRATA = 1 << 10;
    private static final int MAX_CODES = 1 << 22;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "counts");
        String report = arguments.containsKey("report") ? Arguments.string(arguments, "report") : null;
        List<String> strata = arguments.containsKey("strata") ? Arguments.strings(arguments, "strata") : List.of();
        ReportColumns columns = new ReportColumns(Arguments.string(arguments, "drug"), Arguments.string(arguments, "event"),
                report, strata.isEmpty() ? null : String.join(",", strata));
        ReportRows rows = ReportRows.read(data, columns);
        BitSet used = new BitSet();
        for (int i : rows.used()) {
            used.set(i);
        }
        guard.rows("the rows with drug, event, report and strata given", used);
        long k = Math.max(1, guard.policy().minCellCount());
        Reduced reduced = reduce(rows, k);
        BitSet kept = new BitSet();
        for (int t = 0; t < rows.used().length; t++) {
            if (reduced.keptRow[t]) {
                kept.set(rows.used()[t]);
            }
        }
        guard.rows("the rows counted after suppressing counts below " + k, kept);
        Aggregates.Builder release = Aggregates.builder();
        release.putLabels("drugs", reduced.drugs).putLabels("events", reduced.events).putLabels("strata", reduced.strata);
        guard.labels("drugs", reduced.drugs);
        guard.labels("events", reduced.events);
        guard.labels("strata", reduced.strata);
        guard.counts("the reports per stratum", reduced.totals);
        guard.counts("the drug margins", reduced.drugMargins);
        guard.counts("the event margins", reduced.eventMargins);
        guard.counts("the pair counts", reduced.pairN);
        long excluded = rows.used().length - kept.cardinality();
        return release.put("totals", doubles(reduced.totals)).put("drugMargins", doubles(reduced.drugMargins))
                .put("eventMargins", doubles(reduced.eventMargins)).put("pairDrug", doubles(reduced.pairDrug))
                .put("pairEvent", doubles(reduced.pairEvent)).put("pairN", doubles(reduced.pairN))
                .put("rowsExcluded", excluded).build();
    }

    private static double[] doubles(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    private static double[] doubles(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    /** What a site releases after the reduction: labels of what is left, and its counts. */
    static final class Reduced {
        boolean[] keptRow;
        List<String> drugs;
        List<String> events;
        List<String> strata;
        long[] totals;
        long[] drugMargins;
        long[] eventMargins;
        int[] pairDrug;
        int[] pairEvent;
        long[] pairN;
    }

    /** Drops rows until every cell, margin and total of what is left is 0 or at least k. */
    static Reduced reduce(ReportRows rows, long k) {
        int n = rows.used().length;
        Map<String, Integer> drugIndex = new HashMap<>();
        Map<String, Integer> eventIndex = new HashMap<>();
        Map<String, Integer> stratumIndex = new HashMap<>();
        Map<String, Integer> reportIndex = new HashMap<>();
        int[] d = new int[n];
        int[] e = new int[n];
        int[] s = new int[n];
        int[] r = new int[n];
        for (int t = 0; t < n; t++) {
            d[t] = drugIndex.computeIfAbsent(rows.drug()[t], x -> drugIndex.size());
            e[t] = eventIndex.computeIfAbsent(rows.event()[t], x -> eventIndex.size());
            s[t] = rows.stratum() == null ? 0 : stratumIndex.computeIfAbsent(rows.stratum()[t], x -> stratumIndex.size());
            r[t] = rows.report() == null ? t : reportIndex.computeIfAbsent(rows.report()[t], x -> reportIndex.size());
        }
        if (stratumIndex.size() > MAX_STRATA || drugIndex.size() > MAX_CODES || eventIndex.size() > MAX_CODES) {
            throw new IllegalArgumentException("more than " + MAX_STRATA + " strata or " + MAX_CODES + " drugs or events "
                    + "at this site; that is this site's limit");
        }
        // one representative per (report, stratum, drug, event): repeated rows follow it
        int[] first = new int[n];
        Map<List<Integer>, Integer> tuples = new HashMap<>();
        for (int t = 0; t < n; t++) {
            int row = t;
            first[t] = tuples.computeIfAbsent(List.of(r[t], s[t], d[t], e[t]), x -> row);
        }
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        boolean changed = true;
        Map<Long, Long> cells = new HashMap<>();
        Map<Long, Long> drugMargins = new HashMap<>();
        Map<Long, Long> eventMargins = new HashMap<>();
        Map<Integer, Long> totals = new HashMap<>();
        while (changed) {
            cells.clear();
            drugMargins.clear();
            eventMargins.clear();
            totals.clear();
            Set<Long> seenDrug = new HashSet<>();
            Set<Long> seenEvent = new HashSet<>();
            Set<Long> seenReport = new HashSet<>();
            for (int t = 0; t < n; t++) {
                if (!alive[t] || first[t] != t) {
                    continue;
                }
                // a report counts once per cell (representatives only), margin and stratum
                cells.merge(cell(s[t], d[t], e[t]), 1L, Long::sum);
                if (seenDrug.add(((long) r[t] << 32) | ((long) s[t] << 22) | d[t])) {
                    drugMargins.merge(((long) s[t] << 22) | d[t], 1L, Long::sum);
                }
                if (seenEvent.add(((long) r[t] << 32) | ((long) s[t] << 22) | e[t])) {
                    eventMargins.merge(((long) s[t] << 22) | e[t], 1L, Long::sum);
                }
                if (seenReport.add(((long) r[t] << 32) | s[t])) {
                    totals.merge(s[t], 1L, Long::sum);
                }
            }
            changed = false;
            for (int t = 0; t < n; t++) {
                if (alive[t] && first[t] == t && (cells.get(cell(s[t], d[t], e[t])) < k
                        || drugMargins.get(((long) s[t] << 22) | d[t]) < k
                        || eventMargins.get(((long) s[t] << 22) | e[t]) < k || totals.get(s[t]) < k)) {
                    alive[t] = false;
                    changed = true;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            alive[t] = alive[first[t]];
        }
        return released(rows, alive, d, e, s, cells, drugMargins, eventMargins, totals);
    }

    private static long cell(int s, int d, int e) {
        return ((long) s << 44) | ((long) d << 22) | e;
    }

    private static Reduced released(ReportRows rows, boolean[] alive, int[] d, int[] e, int[] s, Map<Long, Long> cells,
            Map<Long, Long> drugMargins, Map<Long, Long> eventMargins, Map<Integer, Long> totals) {
        Map<Integer, Integer> drugOut = new HashMap<>();
        Map<Integer, Integer> eventOut = new HashMap<>();
        Map<Integer, Integer> stratumOut = new HashMap<>();
        Reduced out = new Reduced();
        out.keptRow = alive;
        out.drugs = new ArrayList<>();
        out.events = new ArrayList<>();
        out.strata = new ArrayList<>();
        for (int t = 0; t < alive.length; t++) {
            if (!alive[t]) {
                continue;
            }
            if (drugOut.putIfAbsent(d[t], drugOut.size()) == null) {
                out.drugs.add(rows.drug()[t]);
            }
            if (eventOut.putIfAbsent(e[t], eventOut.size()) == null) {
                out.events.add(rows.event()[t]);
            }
            if (stratumOut.putIfAbsent(s[t], stratumOut.size()) == null) {
                out.strata.add(rows.stratum() == null ? "" : rows.stratum()[t]);
            }
        }
        int strata = out.strata.size();
        out.totals = new long[strata];
        out.drugMargins = new long[strata * out.drugs.size()];
        out.eventMargins = new long[strata * out.events.size()];
        totals.forEach((stratum, count) -> out.totals[stratumOut.get(stratum)] = count);
        drugMargins.forEach((key, count) -> {
            int stratum = stratumOut.get((int) (key >>> 22));
            out.drugMargins[stratum * out.drugs.size() + drugOut.get((int) (key & (MAX_CODES - 1)))] = count;
        });
        eventMargins.forEach((key, count) -> {
            int stratum = stratumOut.get((int) (key >>> 22));
            out.eventMargins[stratum * out.events.size() + eventOut.get((int) (key & (MAX_CODES - 1)))] = count;
        });
        Map<Long, Long> pairs = new HashMap<>();
        cells.forEach((cell, count) -> pairs.merge(((cell >>> 22) & (MAX_CODES - 1)) << 22 | (cell & (MAX_CODES - 1)),
                count, Long::sum));
        List<Long> keys = new ArrayList<>(pairs.keySet());
        keys.sort(null);
        out.pairDrug = new int[keys.size()];
        out.pairEvent = new int[keys.size()];
        out.pairN = new long[keys.size()];
        for (int p = 0; p < keys.size(); p++) {
            long key = keys.get(p);
            out.pairDrug[p] = drugOut.get((int) (key >>> 22));
            out.pairEvent[p] = eventOut.get((int) (key & (MAX_CODES - 1)));
            out.pairN[p] = pairs.get(key);
        }
        return out;
    }
}
