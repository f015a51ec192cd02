package io.daybreak.methods.signal.ae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.random.RandomStreams;
import io.daybreak.stats.signal.ae.AeCompare;
import io.daybreak.stats.signal.ae.AeComparison;
import io.daybreak.stats.signal.ae.AeCounts;

/**
 * {@code signal.ae-compare} across site nodes: one round of {@link AeSiteStep}; the coordinator adds the sites'
 * counts (patients at risk and exposure per arm, patients with each event per arm) and runs the same engine
 * ({@link AeCompare}) on the pooled counts, the Berry &amp; Berry chains drawing from {@code RandomStreams(seed)}
 * — the streams a local run with run seed {@code seed} uses — so without suppression the result is the pooled
 * local one. A cell a site suppressed counts 0 in the sum and its rows are marked {@code complete = 0}; the summary
 * says how many cells were suppressed and how many events sites withheld entirely (see ADR 0027).
 */
@Component(service = FederatedMethod.class)
public final class AeFederatedMethod implements FederatedMethod {
    /** The local method's settings and the seed of the sampler's streams. */
    record AeFederatedSettings(AeSettings ae,
            @Setting(defaultValue = "1", doc = "seed of the Berry & Berry chains' random streams (a local run with "
                    + "this run seed gives the same draws)") long seed) {
    }

    static final String[] COLUMNS = {"body_system", "term", "arm", "control_arm", "n_arm", "N_arm", "incidence_arm",
        "n_control", "N_control", "incidence_control", "risk_difference", "rd_lower", "rd_upper", "risk_ratio",
        "rr_lower", "rr_upper", "eair_arm", "eair_control", "fisher_p", "bh_p", "double_fdr_p", "bb_prob_raised"};

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(AeSiteStep.METHOD,
            "Trial adverse events by arm across sites (pooled counts)")
            .category("signal")
            .reference("Mehrotra & Heyse (2004); Berry & Berry (2004); R package c212 1.0.1")
            .description("The sites release, per arm, patients at risk and summed TRTDURD, and per (body system, "
                    + "term, arm) the patients with the event; cells under the sites' minCellCount (or leaving fewer "
                    + "than minCellCount patients without the event) are suppressed. The coordinator pools the counts "
                    + "and computes the local method's table; the summary holds its columns as lists, 'complete' "
                    + "(1, or 0 where a site suppressed a cell), 'suppressedCells' and 'withheldEvents'.")
            .settings(AeFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The pooled counts, with which (event, arm) cells some site suppressed. */
    record Pooled(AeCounts counts, boolean[][] suppressed, long suppressedCells, long withheldEvents) {
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        AeFederatedSettings settings = Settings.bind(AeFederatedSettings.class, parameters);
        Pooled pooled = pool(sites, settings.ae().columns());
        RandomStreams streams = new RandomStreams(settings.seed());
        AeCompare.Result result = AeCompareMethod.compare(pooled.counts(), settings.ae(), streams::stream, null);
        return new Outcome(summary(result, pooled), 1, true);
    }

    static Pooled pool(Sites sites, AeColumns columns) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("subjectColumn", columns.subjectColumn());
        arguments.put("bodySystemColumn", columns.bodySystemColumn());
        arguments.put("termColumn", columns.termColumn());
        arguments.put("gradeColumn", columns.gradeColumn());
        arguments.put("armColumn", columns.armColumn());
        arguments.put("durationColumn", columns.durationColumn());
        if (columns.minGrade() != null) {
            arguments.put("minGrade", (double) columns.minGrade());
        }
        Map<String, Aggregates> releases = sites.call(AeSiteStep.METHOD, "counts", arguments);
        TreeSet<String> arms = new TreeSet<>();
        TreeMap<AeCounts.Event, Integer> events = new TreeMap<>((x, y) -> x.bodySystem().equals(y.bodySystem())
                ? x.term().compareTo(y.term()) : x.bodySystem().compareTo(y.bodySystem()));
        for (String site : sites.names()) {
            Aggregates r = releases.get(site);
            arms.addAll(r.labels("arms"));
            if (r.has("terms")) {
                List<String> b = r.labels("bodySystems");
                List<String> t = r.labels("terms");
                for (int e = 0; e < t.size(); e++) {
                    events.putIfAbsent(new AeCounts.Event(b.get(e), t.get(e)), 0);
                }
            }
        }
        List<String> armList = new ArrayList<>(arms);
        List<AeCounts.Event> eventList = new ArrayList<>(events.keySet());
        for (int e = 0; e < eventList.size(); e++) {
            events.put(eventList.get(e), e);
        }
        long[] atRisk = new long[armList.size()];
        double[] exposure = new double[armList.size()];
        long[][] counts = new long[eventList.size()][armList.size()];
        boolean[][] suppressed = new boolean[eventList.size()][armList.size()];
        long suppressedCells = 0;
        long withheld = 0;
        for (String site : sites.names()) {
            Aggregates r = releases.get(site);
            List<String> siteArms = r.labels("arms");
            double[] n = r.get("atRisk");
            double[] x = r.get("exposureDays");
            int[] armIndex = new int[siteArms.size()];
            for (int a = 0; a < siteArms.size(); a++) {
                armIndex[a] = armList.indexOf(siteArms.get(a));
                atRisk[armIndex[a]] += Math.round(n[a]);
                exposure[armIndex[a]] += x[a];
            }
            withheld += Math.round(r.scalar("withheldEvents"));
            if (!r.has("terms")) {
                continue;
            }
            List<String> b = r.labels("bodySystems");
            List<String> t = r.labels("terms");
            double[] c = r.get("counts");
            double[] hidden = r.get("suppressed");
            int width = siteArms.size();
            if (c.length != t.size() * width || hidden.length != c.length || b.size() != t.size()) {
                throw new IllegalStateException("site '" + site + "' released " + c.length + " counts for " + t.size()
                        + " events and " + width + " arms");
            }
            for (int e = 0; e < t.size(); e++) {
                int row = events.get(new AeCounts.Event(b.get(e), t.get(e)));
                for (int a = 0; a < width; a++) {
                    if (hidden[e * width + a] != 0) {
                        suppressed[row][armIndex[a]] = true;
                        suppressedCells++;
                    } else {
                        counts[row][armIndex[a]] += Math.round(c[e * width + a]);
                    }
                }
            }
        }
        return new Pooled(new AeCounts(armList, atRisk, exposure, eventList, counts), suppressed, suppressedCells,
                withheld);
    }

    private static Map<String, Object> summary(AeCompare.Result result, Pooled pooled) {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            columns.put(c, new ArrayList<>());
        }
        List<Object> complete = new ArrayList<>();
        AeCounts counts = pooled.counts();
        for (AeComparison r : result.rows()) {
            Object[] v = {r.bodySystem(), r.term(), r.arm(), r.controlArm(), (double) r.nArm(), (double) r.atRiskArm(),
                r.incidenceArm(), (double) r.nControl(), (double) r.atRiskControl(), r.incidenceControl(),
                r.riskDifference(), r.rdLower(), r.rdUpper(), r.riskRatio(), r.rrLower(), r.rrUpper(), r.eairArm(),
                r.eairControl(), r.fisherP(), r.bhP(), r.doubleFdrP(), r.bbProbRaised()};
            for (int c = 0; c < COLUMNS.length; c++) {
                columns.get(COLUMNS[c]).add(v[c] instanceof Double d && Double.isNaN(d) ? null : v[c]);
            }
            int e = counts.events().indexOf(new AeCounts.Event(r.bodySystem(), r.term()));
            boolean ok = !pooled.suppressed()[e][counts.arm(r.arm())] && !pooled.suppressed()[e][counts.arm(r.controlArm())];
            complete.add(ok ? 1.0 : 0.0);
        }
        Map<String, Object> summary = new LinkedHashMap<>(columns);
        summary.put("complete", complete);
        summary.put("suppressedCells", pooled.suppressedCells());
        summary.put("withheldEvents", pooled.withheldEvents());
        List<Object> parameter = new ArrayList<>();
        List<Object> rhat = new ArrayList<>();
        List<Object> ess = new ArrayList<>();
        for (AeCompare.Diagnostic d : result.diagnostics()) {
            parameter.add(d.arm() + ": " + d.parameter());
            rhat.add(Double.isNaN(d.rhat()) ? null : d.rhat());
            ess.add(d.ess());
        }
        summary.put("diagnostics_parameter", parameter);
        summary.put("diagnostics_rhat", rhat);
        summary.put("diagnostics_ess", ess);
        if (pooled.suppressedCells() > 0 || pooled.withheldEvents() > 0) {
            summary.put("warning", "incomplete table: sites suppressed " + pooled.suppressedCells() + " cell(s) under "
                    + "their minCellCount and withheld " + pooled.withheldEvents() + " event(s) entirely; rows with "
                    + "complete = 0 use lower-bound counts, and withheld events are missing from the table and from "
                    + "the multiplicity adjustment and the Berry & Berry model");
        }
        return summary;
    }
}
