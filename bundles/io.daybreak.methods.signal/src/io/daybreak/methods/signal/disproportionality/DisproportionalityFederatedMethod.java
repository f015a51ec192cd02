package io.daybreak.methods.signal.disproportionality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.signal.disproportionality.Disproportionality;
import io.daybreak.stats.signal.disproportionality.PairCounts;
import io.daybreak.stats.signal.disproportionality.PairStatistics;

/**
 * {@code signal.disproportionality} across site nodes: one round of {@link DisproportionalitySiteStep}; the sites'
 * pair counts, margins per stratum and reports per stratum are added (sites in their fixed order, strata, drugs and
 * events by label) and the same engine as the local method runs on the sums. With nothing suppressed the result is
 * the pooled analysis. When a site dropped rows to keep every released count 0 or at least its minCellCount
 * ({@code rowsExcluded} &gt; 0), the counts are those of the rows kept; the summary says so per site and lists the
 * pairs that such a site did not release ({@code incomplete}).
 */
@Component(service = FederatedMethod.class)
public final class DisproportionalityFederatedMethod implements FederatedMethod {
    /** What the federated method takes: the report columns (the sites hold the rows) and the criteria. */
    record DisproportionalityFederatedSettings(ReportColumns columns, SignalCriteria criteria) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(DisproportionalitySiteStep.METHOD,
            "Disproportionality of drug-event reports across sites")
            .category("signal")
            .reference("Evans et al., Pharmacoepidemiol Drug Saf 10:483 (2001); Noren et al., Stat Methods Med Res "
                    + "22:57 (2013)")
            .description("PRR, ROR, Yates chi-square, Fisher's exact test and the information component from the "
                    + "sites' pair counts and margins per stratum; each site releases only counts of at least its "
                    + "minCellCount, over rows reduced so that no count can be differenced (ADR 0025).")
            .settings(DisproportionalityFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        DisproportionalityFederatedSettings settings = Settings.bind(DisproportionalityFederatedSettings.class, parameters);
        PooledReleases released = PooledReleases.collect(sites, settings.columns());
        PairCounts counts = released.pooled().counts();
        List<PairStatistics> rows = Disproportionality.compute(counts, settings.criteria().toCriteria(),
                settings.criteria().minCount());
        Disproportionality.sort(rows, settings.criteria().sortBy());
        List<Object> incomplete = new ArrayList<>();
        for (PairStatistics row : rows) {
            if (released.incomplete(row.drug(), row.event())) {
                incomplete.add(row.drug() + " / " + row.event());
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("signals", SignalsTable.columns(rows));
        summary.put("pairs", (long) counts.size());
        summary.put("pairsReported", (long) rows.size());
        summary.put("reports", counts.total());
        summary.put("strata", (long) counts.strata());
        summary.put("signalCount", rows.stream().filter(PairStatistics::signal).count());
        summary.put("rowsExcluded", released.rowsExcluded());
        summary.put("complete", released.complete());
        summary.put("incomplete", incomplete);
        if (!released.complete()) {
            summary.put("note", "some sites dropped rows so that every count they release is 0 or at least their "
                    + "minCellCount (rowsExcluded); counts, margins and expected counts are those of the rows kept, and "
                    + "the pairs in 'incomplete' were not released by such a site (ADR 0025)");
        }
        return new Outcome(summary, 1, true);
    }

    /** The sums of the sites' releases over the union of their labels. */
    public static final class Pooled {
        private final Map<String, Integer> drugs = new LinkedHashMap<>();
        private final Map<String, Integer> events = new LinkedHashMap<>();
        private final Map<String, Integer> strata = new LinkedHashMap<>();
        private final Map<Long, Long> pairs = new LinkedHashMap<>();
        private final Map<Long, Long> drugMargins = new HashMap<>();
        private final Map<Long, Long> eventMargins = new HashMap<>();
        private final Map<Integer, Long> totals = new HashMap<>();

        public long key(String drug, String event) {
            Integer d = drugs.get(drug);
            Integer e = events.get(event);
            return d == null || e == null ? -1 : ((long) d << 32) | e;
        }

        /** Adds a site's release; returns the keys of the pairs it released. */
        public Map<Long, Boolean> add(String site, Aggregates release) {
            List<String> siteDrugs = release.labels("drugs");
            List<String> siteEvents = release.labels("events");
            List<String> siteStrata = release.labels("strata");
            int[] d = siteDrugs.stream().mapToInt(x -> drugs.computeIfAbsent(x, y -> drugs.size())).toArray();
            int[] e = siteEvents.stream().mapToInt(x -> events.computeIfAbsent(x, y -> events.size())).toArray();
            int[] s = siteStrata.stream().mapToInt(x -> strata.computeIfAbsent(x, y -> strata.size())).toArray();
            double[] siteTotals = release.get("totals");
            double[] dm = release.get("drugMargins");
            double[] em = release.get("eventMargins");
            if (siteTotals.length != s.length || dm.length != s.length * d.length || em.length != s.length * e.length) {
                throw new IllegalStateException("site '" + site + "' released margins that do not match its labels");
            }
            for (int j = 0; j < s.length; j++) {
                totals.merge(s[j], Math.round(siteTotals[j]), Long::sum);
                for (int i = 0; i < d.length; i++) {
                    drugMargins.merge(((long) s[j] << 32) | d[i], Math.round(dm[j * d.length + i]), Long::sum);
                }
                for (int i = 0; i < e.length; i++) {
                    eventMargins.merge(((long) s[j] << 32) | e[i], Math.round(em[j * e.length + i]), Long::sum);
                }
            }
            double[] pd = release.get("pairDrug");
            double[] pe = release.get("pairEvent");
            double[] pn = release.get("pairN");
            Map<Long, Boolean> released = new HashMap<>();
            for (int p = 0; p < pn.length; p++) {
                long key = ((long) d[(int) pd[p]] << 32) | e[(int) pe[p]];
                pairs.merge(key, Math.round(pn[p]), Long::sum);
                released.put(key, true);
            }
            return released;
        }

        public PairCounts counts() {
            int nd = drugs.size();
            int ne = events.size();
            int ns = Math.max(1, strata.size());
            long[] dm = new long[ns * nd];
            long[] em = new long[ns * ne];
            long[] t = new long[ns];
            drugMargins.forEach((key, v) -> dm[(int) (key >>> 32) * nd + (int) (long) key] += v);
            eventMargins.forEach((key, v) -> em[(int) (key >>> 32) * ne + (int) (long) key] += v);
            totals.forEach((s, v) -> t[s] += v);
            int[] pd = new int[pairs.size()];
            int[] pe = new int[pairs.size()];
            long[] pn = new long[pairs.size()];
            int p = 0;
            for (Map.Entry<Long, Long> pair : pairs.entrySet()) {
                pd[p] = (int) (pair.getKey() >>> 32);
                pe[p] = (int) (long) pair.getKey();
                pn[p++] = pair.getValue();
            }
            return new PairCounts(drugs.keySet().toArray(String[]::new), events.keySet().toArray(String[]::new), pd, pe,
                    pn, ns, dm, em, t);
        }
    }
}
