package io.daybreak.methods.signal.ebgm;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.ebgm.HyperparameterFit;
import io.daybreak.stats.signal.ebgm.Mgps;

/**
 * The result of signal.ebgm on pairs: the "ebgm", "prior" and "starts" tables of the contract (local method) or the
 * same columns as summary lists (federated method).
 */
final class EbgmResult {
    static final TableSpec EBGM = TableSpec.of("ebgm", "one row per drug-event pair, sorted by sortBy (descending)",
            column("drug", STRING), column("event", STRING), column("n", FLOAT64), column("expected", FLOAT64),
            column("rr", FLOAT64), column("ebgm", FLOAT64), column("eb05", FLOAT64), column("eb95", FLOAT64),
            column("p_exceed", FLOAT64));
    static final TableSpec PRIOR = TableSpec.of("prior", "the fitted two-gamma mixture prior (one row)",
            column("alpha1", FLOAT64), column("beta1", FLOAT64), column("alpha2", FLOAT64), column("beta2", FLOAT64),
            column("p", FLOAT64), column("loglik", FLOAT64), column("converged", BOOLEAN), column("start", FLOAT64));
    static final TableSpec STARTS = TableSpec.of("starts", "one row per starting point tried",
            column("start", FLOAT64), column("alpha1_start", FLOAT64), column("beta1_start", FLOAT64),
            column("alpha2_start", FLOAT64), column("beta2_start", FLOAT64), column("p_start", FLOAT64),
            column("alpha1", FLOAT64), column("beta1", FLOAT64), column("alpha2", FLOAT64), column("beta2", FLOAT64),
            column("p", FLOAT64), column("loglik", FLOAT64), column("converged", BOOLEAN), column("in_bounds", BOOLEAN),
            column("iterations", FLOAT64), column("message", STRING));

    final Map<String, List<Object>> ebgm = new LinkedHashMap<>();
    final Map<String, List<Object>> prior = new LinkedHashMap<>();
    final Map<String, List<Object>> starts = new LinkedHashMap<>();
    final HyperparameterFit.Result fit;

    /** Scores every pair under the fitted prior and orders them by the chosen statistic. */
    EbgmResult(String[] drug, String[] event, int[] n, double[] e, HyperparameterFit.Result fit, EbgmOptions options) {
        this.fit = fit;
        Mgps.Scores s = Mgps.score(fit.prior(), n, e, options.lowerLevel(), options.upperLevel(), options.threshold());
        double[] key = switch (options.sortBy()) {
            case "eb05" -> s.lower();
            case "eb95" -> s.upper();
            case "p_exceed" -> s.pExceed();
            case "rr" -> rr(n, e);
            case "n" -> Arrays.stream(n).asDoubleStream().toArray();
            default -> s.ebgm();
        };
        Integer[] order = new Integer[n.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // descending by the statistic, ties in input order (stable sort)
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -key[i]));
        for (String c : List.of("drug", "event", "n", "expected", "rr", "ebgm", "eb05", "eb95", "p_exceed")) {
            ebgm.put(c, new ArrayList<>(n.length));
        }
        for (int i : order) {
            ebgm.get("drug").add(drug[i]);
            ebgm.get("event").add(event[i]);
            ebgm.get("n").add((double) n[i]);
            ebgm.get("expected").add(e[i]);
            ebgm.get("rr").add(n[i] / e[i]);
            ebgm.get("ebgm").add(s.ebgm()[i]);
            ebgm.get("eb05").add(s.lower()[i]);
            ebgm.get("eb95").add(s.upper()[i]);
            ebgm.get("p_exceed").add(s.pExceed()[i]);
        }
        double[] t = fit.prior().toArray();
        String[] names = {"alpha1", "beta1", "alpha2", "beta2", "p"};
        for (int j = 0; j < 5; j++) {
            prior.put(names[j], List.of(t[j]));
        }
        prior.put("loglik", List.of(-fit.negLogLik()));
        prior.put("converged", List.of(fit.converged()));
        prior.put("start", List.of((double) fit.start()));
        for (String c : List.of("start", "alpha1_start", "beta1_start", "alpha2_start", "beta2_start", "p_start",
                "alpha1", "beta1", "alpha2", "beta2", "p", "loglik", "converged", "in_bounds", "iterations", "message")) {
            starts.put(c, new ArrayList<>());
        }
        for (HyperparameterFit.Start st : fit.starts()) {
            starts.get("start").add((double) st.index());
            for (int j = 0; j < 5; j++) {
                starts.get(names[j] + "_start").add(st.start()[j]);
                starts.get(names[j]).add(st.estimate() == null ? null : st.estimate()[j]);
            }
            starts.get("loglik").add(Double.isNaN(st.negLogLik()) ? null : -st.negLogLik());
            starts.get("converged").add(st.converged());
            starts.get("in_bounds").add(st.inBounds());
            starts.get("iterations").add((double) st.iterations());
            starts.get("message").add(st.message());
        }
    }

    private static double[] rr(int[] n, double[] e) {
        double[] out = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            out[i] = n[i] / e[i];
        }
        return out;
    }

    static Table table(TableSpec spec, Map<String, List<Object>> columns, BufferAllocator allocator) {
        var builder = Table.builder(allocator);
        for (var field : spec.columns()) {
            builder.add(field.getName(), io.daybreak.data.ColumnType.of(field.getType()), columns.get(field.getName()));
        }
        return builder.build();
    }

    /** Summary entries shared by the local and federated methods. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", (long) ebgm.get("n").size());
        out.put("converged", fit.converged());
        out.put("start", (long) fit.start());
        out.put("startsAgreeing", (long) fit.numClose());
        if (!fit.converged()) {
            out.put("warning", "autoHyper's check failed: fewer than minConverged other starts ended within its "
                    + "tolerance of the best fit; the prior shown is the best in-bounds fit (see the starts table)");
        }
        return out;
    }
}
