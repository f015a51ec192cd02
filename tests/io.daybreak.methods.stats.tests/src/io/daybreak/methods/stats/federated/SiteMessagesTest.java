package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.DirectStepAnalysis;
import io.daybreak.data.Table;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.methods.stats.descriptive.DescribeSiteStep;
import io.daybreak.methods.stats.glm.FirthSiteStep;
import io.daybreak.methods.stats.glm.GlmSiteStep;
import io.daybreak.methods.stats.survival.CoxSiteStep;
import io.daybreak.methods.stats.survival.KaplanMeierSiteStep;
import io.daybreak.methods.stats.table.TableSiteStep;

/**
 * Refusals and errors carry no data: every stats site step is driven with malformed and hostile arguments (wrong
 * types, unknown and text columns, non-0/1 responses, NaN, huge lists, small levels) on a dataset whose values are
 * distinctive (ages like 52.381, text levels like "Platypus", row and level counts that appear nowhere else), and
 * no message — the exception a step throws, its causes, or the node's answer — may contain one of them.
 */
class SiteMessagesTest extends DisclosureTestSupport {
    private static final int N = 47;
    private static final DisclosurePolicy POLICY = DisclosurePolicy.DATASHIELD_DEFAULTS.withReleaseEventTimes(true);

    /** Values (as text) that must never appear: the data's numbers and levels, and its row and level counts. */
    private final Set<String> forbidden = new LinkedHashSet<>();

    private Table data() {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("age", column(N, i -> 52.381 + 0.917 * i));
        columns.put("wt", column(N, i -> i == 3 || i == 17 ? null : 61.777 + 1.313 * i));
        columns.put("dead", column(N, i -> i % 5 < 2 ? 1.0 : 0.0)); // 19 ones, 28 zeros
        columns.put("sex", column(N, i -> i < 22 ? 1.0 : 2.0)); // 22 and 25
        columns.put("rare", column(N, i -> i == 11 ? 1.0 : 0.0));
        columns.put("count", column(N, i -> (double) (i % 7)));
        columns.put("time", column(N, i -> 123.456 + 7.391 * i));
        columns.put("status", column(N, i -> i % 5 < 2 ? 2.0 : 1.0));
        columns.put("odd", column(N, i -> i == 30 ? 9.0 : i % 2 == 0 ? 1.0 : 2.0)); // level 9: one patient
        columns.put("site", column(N, i -> i == 40 ? "Platypus" : i < 20 ? "Quokka" : "Wombat")); // 20, 26, 1
        Table table = table(columns);
        for (String name : List.of("age", "wt", "time")) {
            for (int i = 0; i < N; i++) {
                if (!table.doubles(name).isNull(i)) {
                    double v = table.doubles(name).get(i);
                    forbidden.add(Double.toString(v));
                    forbidden.add(String.format(Locale.ROOT, "%.3f", v));
                    forbidden.add(String.format(Locale.ROOT, "%.2f", v));
                    forbidden.add(SummaryValues.level(v));
                }
            }
        }
        forbidden.addAll(List.of("Platypus", "Quokka", "Wombat"));
        // N, complete cases of wt (45), level counts of dead, sex, status, site, odd (19, 28, 22, 25, 20, 26, 23)
        forbidden.addAll(List.of("47", "45", "19", "28", "22", "25", "20", "26", "23", "9.0"));
        return table;
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Object> repeat(int n, Object value) {
        return new ArrayList<>(Collections.nCopies(n, value));
    }

    private record Request(SiteStep step, String name, Map<String, Object> arguments) {
    }

    private List<Request> hostile() {
        List<Request> requests = new ArrayList<>();
        SiteStep glm = new GlmSiteStep();
        List<Map<String, Object>> glms = List.of(args(), args("response", 42, "covariates", "age", "family", 7),
                args("response", "age", "covariates", List.of("nosuch"), "family", "gaussian"),
                args("response", "site", "covariates", List.of(), "family", "gaussian"),
                args("response", "age", "covariates", List.of("site"), "family", "gaussian"),
                args("response", "age", "covariates", List.of(), "family", "binomial"),
                args("response", "age", "covariates", List.of("wt"), "family", "poisson"),
                args("response", "wt", "covariates", List.of("rare"), "family", "gaussian"),
                args("response", "dead", "covariates", List.of("odd"), "family", "binomial"),
                args("response", "age", "covariates", List.of("wt"), "family", "gaussian", "beta", List.of(Double.NaN, 1.0)),
                args("response", "age", "covariates", List.of("wt"), "family", "gaussian", "beta", repeat(5, 1.0)),
                args("response", "age", "covariates", List.of("wt"), "family", "gaussian", "beta", List.of("a", "b")),
                args("response", "age", "covariates", repeat(201, "wt"), "family", "gaussian"),
                args("response", "age", "covariates", List.of("wt"), "family", "weibull"),
                args("response", "age", "covariates", repeat(16, "sex"), "family", "gaussian"));
        glms.forEach(a -> requests.add(new Request(glm, "sums", a)));
        requests.add(new Request(glm, "dump", args("response", "age", "covariates", List.of(), "family", "gaussian")));
        SiteStep firth = new FirthSiteStep();
        for (Map<String, Object> a : List.of(args("response", "age", "covariates", List.of("sex"), "beta", List.of(0.0, 0.0)),
                args("response", "dead", "covariates", List.of("sex")),
                args("response", "dead", "covariates", List.of("rare"), "beta", List.of(0.0, 0.0)),
                args("response", "site", "covariates", List.of(), "beta", List.of(0.0)))) {
            requests.add(new Request(firth, "information", a));
        }
        requests.add(new Request(firth, "score", args("response", "dead", "covariates", List.of("sex"), "beta",
                List.of(0.0, 0.0), "inverseInformation", repeat(3, 1.0))));
        SiteStep cox = new CoxSiteStep();
        Map<String, Object> coxBase = args("time", "time", "status", "status", "eventValue", 2, "covariates",
                List.of("age"), "beta", List.of(0.0));
        for (Object[] change : new Object[][] {{"status", "age"}, {"status", "odd"}, {"eventValue", Double.NaN},
            {"eventValue", "two"}, {"eventValue", 9}, {"covariates", List.of("site")}, {"beta", repeat(4, 0.0)},
            {"time", "site"}, {"covariates", List.of("rare")}, {"grid", List.of(300.0, 200.0)},
            {"grid", List.of(Double.NaN)}, {"grid", List.of(130.0, 160.0, 190.0)}}) {
            Map<String, Object> a = new HashMap<>(coxBase);
            a.put((String) change[0], change[1]);
            requests.add(new Request(cox, a.containsKey("grid") ? "sums" : "stratumLikelihood", a));
            requests.add(new Request(cox, "eventTimes", a));
        }
        requests.add(new Request(cox, "sums", coxBase)); // no grid
        SiteStep km = new KaplanMeierSiteStep();
        Map<String, Object> kmBase = args("time", "time", "status", "status", "eventValue", 2);
        for (Object[] change : new Object[][] {{"group", "site"}, {"group", "age"}, {"group", "odd"}, {"group", "dead"},
            {"status", "age"}, {"time", "nosuch"}, {"levels", List.of(1.0, 0.0)}, {"group", 5}}) {
            Map<String, Object> a = new HashMap<>(kmBase);
            a.put((String) change[0], change[1]);
            requests.add(new Request(km, "levels", a));
            requests.add(new Request(km, "counts", a));
        }
        Map<String, Object> wrongUnion = new HashMap<>(kmBase);
        wrongUnion.put("group", "sex");
        wrongUnion.put("levels", List.of(1.0, 5.0));
        requests.add(new Request(km, "counts", wrongUnion));
        SiteStep table = new TableSiteStep();
        for (Map<String, Object> a : List.of(args("rows", "age"), args("rows", "site"), args("rows", "odd"),
                args("rows", "sex", "columns", "site"), args("rows", "sex", "rowLevels", List.of("1", "2")),
                args("rows", "nosuch"), args("rows", 42), args("rows", "sex", "columns", "rare"), args("rows", "dead",
                        "columns", "odd"))) {
            requests.add(new Request(table, "counts", a));
        }
        SiteStep describe = new DescribeSiteStep();
        for (Map<String, Object> a : List.of(args("columns", List.of("site")), args("columns", "age"),
                args("columns", List.of("rare")), args("columns", List.of("age", "wt")), args("columns", repeat(201,
                        "age")), args("columns", List.of("nosuch")))) {
            requests.add(new Request(describe, "moments", a));
        }
        return requests;
    }

    @Test
    void noMessageOfAnyStepCarriesAValueACountOrALevelFromTheData() throws Exception {
        Table data = data();
        List<String> messages = new ArrayList<>();
        int refusedOrFailed = 0;
        for (Request request : hostile()) {
            // the step's own exception, with its causes: what a node logs or would pass on
            ReleaseGuard guard = new ReleaseGuard(POLICY, "cohort@0", N, RowSetLedger.inMemory());
            try {
                request.step().run(request.name(), request.arguments(), data, guard);
            } catch (RuntimeException e) {
                refusedOrFailed++;
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.add(request.step().method() + " " + request.arguments() + " -> " + t.getClass().getSimpleName()
                            + ": " + t.getMessage());
                    check(t.getMessage(), request);
                }
            }
            // and the node's answer to the same request
            SiteNode node = node("site", data, POLICY);
            try {
                DirectStepAnalysis.handle(node, "CN=mallory", request.step().method(), request.name(), "cohort",
                        request.arguments());
            } catch (NodeException e) {
                check(e.getMessage(), request);
            }
        }
        assertTrue(refusedOrFailed > 60, "the hostile requests must be refused, not served: " + refusedOrFailed);
        assertFalse(messages.isEmpty());
    }

    private void check(String message, Request request) {
        if (message == null) {
            return;
        }
        for (String value : forbidden) {
            Pattern pattern = Pattern.compile("(?<![\\d.])" + Pattern.quote(value) + "(?![\\d])");
            assertFalse(pattern.matcher(message).find(), request.step().method() + " " + request.name() + " "
                    + request.arguments() + ": the message holds '" + value + "' from the data: " + message);
        }
    }
}
