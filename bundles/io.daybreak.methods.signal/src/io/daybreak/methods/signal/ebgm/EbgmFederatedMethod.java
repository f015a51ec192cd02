package io.daybreak.methods.signal.ebgm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.signal.disproportionality.PooledReleases;
import io.daybreak.methods.signal.disproportionality.ReportColumns;
import io.daybreak.stats.signal.ebgm.HyperparameterFit;

/**
 * {@code signal.ebgm} across site nodes. It writes no release of its own: one round of the disproportionality site
 * step ({@link DisproportionalitySiteStep}, step "counts": pair counts and margins of a reduced row set in which every
 * count is 0 or at least the site's minCellCount, ADR 0025) is pooled as the federated disproportionality pools it,
 * and the MGPS prior is fitted and the pairs scored on the pooled counts exactly as the local method does. With
 * nothing suppressed the result is the pooled analysis. Under suppression the small counts the prior needs are
 * missing; fitting with {@code nStar} at least the sites' minCellCount uses only pairs the truncated likelihood
 * needs (ADR 0026), and the summary says which sites dropped rows and which pairs are incomplete.
 */
@Component(service = FederatedMethod.class)
public final class EbgmFederatedMethod implements FederatedMethod {
    /** What the federated method takes: the report columns (the sites hold the rows) and the fit options. */
    record EbgmFederatedSettings(
            @Setting(defaultValue = "drug", doc = "column of drug names or codes")
            String drug,
            @Setting(defaultValue = "event", doc = "column of event names or codes (e.g. MedDRA PT)")
            String event,
            @Setting(optional = true, doc = "column of report ids (a report counts once per pair); without it every "
                    + "row is its own report")
            String report,
            @Setting(optional = true, doc = "comma list of stratum columns for the expected count")
            String strata,
            EbgmOptions options) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(EbgmMethod.ID,
            "Empirical Bayes geometric mean (MGPS) of drug-event pairs across sites")
            .category("signal")
            .reference("DuMouchel, Am Stat 53:177 (1999); Canida & Ihrie, R Journal 9:499 (2017) openEBGM")
            .description("The MGPS prior fit and EBGM/EB05/EB95/P(lambda > threshold) on pair counts pooled from the "
                    + "sites' disproportionality release (counts 0 or >= minCellCount, ADR 0025); choose nStar >= the "
                    + "sites' minCellCount so that the truncated likelihood needs no suppressed count (ADR 0026).")
            .settings(EbgmFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        EbgmFederatedSettings settings = Settings.bind(EbgmFederatedSettings.class, parameters);
        PooledReleases released = PooledReleases.collect(sites,
                new ReportColumns(settings.drug(), settings.event(), settings.report(), settings.strata()));
        EbgmMethod.Pairs pairs = EbgmMethod.fromCounts(released.pooled().counts());
        HyperparameterFit.Result fit = settings.options().fit(pairs.n(), pairs.e());
        EbgmResult result = new EbgmResult(pairs.drug(), pairs.event(), pairs.n(), pairs.e(), fit, settings.options());
        List<Object> incomplete = new ArrayList<>();
        List<Object> drugs = result.ebgm.get("drug");
        List<Object> events = result.ebgm.get("event");
        for (int i = 0; i < drugs.size(); i++) {
            if (released.incomplete((String) drugs.get(i), (String) events.get(i))) {
                incomplete.add(drugs.get(i) + " / " + events.get(i));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ebgm", result.ebgm);
        summary.put("prior", result.prior);
        summary.put("starts", result.starts);
        summary.putAll(result.summary());
        summary.put("rowsExcluded", released.rowsExcluded());
        summary.put("complete", released.complete());
        summary.put("incomplete", incomplete);
        if (!released.complete()) {
            summary.put("note", "some sites dropped rows so that every count they release is 0 or at least their "
                    + "minCellCount; pairs with few reports are missing and margins, E and the prior are those of the "
                    + "rows kept; fit with nStar >= the sites' minCellCount (ADR 0026)");
        }
        return new Outcome(summary, 1, true);
    }
}
