package io.daybreak.methods.stats.rmst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.Rmst;

/**
 * The comparison of two arms' restricted mean survival times from their event and censoring counts, shared by the
 * local method and the federated one (whose counts are the sites' releases added): τ is checked against, or
 * defaults to, the range {@code survRM2::rmst2} allows; the result is its unadjusted table.
 */
final class RmstAnalysis {
    private RmstAnalysis() {
    }

    /** The arms' levels: exactly two, else an error naming parameter 'arm'. */
    static void requireTwoArms(String arm, double[] levels) {
        if (levels.length != 2) {
            throw new InvalidParameterException("parameter 'arm': column '" + arm + "' must hold exactly two values "
                    + "(the arms), found " + levels.length);
        }
    }

    /** τ as asked (checked against survRM2's range) or survRM2's default. */
    static double tau(EventCounts counts, Double asked) {
        Rmst.TauRange range = Rmst.TauRange.of(counts);
        if (asked == null) {
            return range.maximum();
        }
        if (asked > range.maximum()) {
            throw new InvalidParameterException("parameter 'tau' must be in (0, " + SummaryValues.level(range.maximum())
                    + "]: as survRM2::rmst2, at most " + (range.maximum() == Math.max(range.largest()[0],
                            range.largest()[1]) ? "the larger" : "the smaller")
                    + " of the arms' largest observed times (" + SummaryValues.level(range.largest()[0]) + " in arm 0, "
                    + SummaryValues.level(range.largest()[1]) + " in arm 1, last observation "
                    + (range.censored()[0] ? "censored" : "an event") + " and "
                    + (range.censored()[1] ? "censored" : "an event") + "); got " + asked);
        }
        return asked;
    }

    /** The summary of the comparison, in survRM2's terms, with the arm values named. */
    static Map<String, Object> summary(Rmst.Comparison c, String arm, double[] levels, boolean defaultTau,
            long[] n) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tau", c.arm0().tau());
        summary.put("tauDefault", defaultTau);
        summary.put("arms", SummaryValues.list(levels));
        summary.put("n", List.of(n[0], n[1]));
        summary.put("rmst", SummaryValues.list(new double[] {c.arm0().estimate(), c.arm1().estimate()}));
        summary.put("rmstStdErr", SummaryValues.list(new double[] {c.arm0().standardError(),
            c.arm1().standardError()}));
        summary.put("rmstLower", SummaryValues.list(new double[] {c.arm0().lower(), c.arm1().lower()}));
        summary.put("rmstUpper", SummaryValues.list(new double[] {c.arm0().upper(), c.arm1().upper()}));
        summary.put("rmtl", SummaryValues.list(new double[] {c.arm0().timeLost(), c.arm1().timeLost()}));
        put(summary, "difference", c.difference());
        put(summary, "ratio", c.ratio());
        put(summary, "rmtlRatio", c.lossRatio());
        summary.put("contrast", "arm 1 (" + arm + " = " + SummaryValues.level(levels[1]) + ") vs arm 0 (" + arm + " = "
                + SummaryValues.level(levels[0]) + ")");
        return summary;
    }

    private static void put(Map<String, Object> summary, String name, double[] values) {
        summary.put(name, values[0]);
        summary.put(name + (name.equals("difference") ? "StdErr" : "LogStdErr"), values[1]);
        summary.put(name + "Lower", values[2]);
        summary.put(name + "Upper", values[3]);
        summary.put(name + "P", values[4]);
    }

    /** survRM2's printed table: each arm's RMST and RMTL, then the three contrasts (arm 1 against arm 0). */
    static Table table(Rmst.Comparison c, String arm, double[] levels, BufferAllocator allocator) {
        String a0 = arm + "=" + SummaryValues.level(levels[0]);
        String a1 = arm + "=" + SummaryValues.level(levels[1]);
        List<Object> quantity = new ArrayList<>();
        List<Object> estimate = new ArrayList<>();
        List<Object> se = new ArrayList<>();
        List<Object> lower = new ArrayList<>();
        List<Object> upper = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        for (Object[] row : new Object[][] {
            {"RMST (" + a1 + ")", c.arm1(), false}, {"RMST (" + a0 + ")", c.arm0(), false},
            {"RMTL (" + a1 + ")", c.arm1(), true}, {"RMTL (" + a0 + ")", c.arm0(), true}}) {
            Rmst r = (Rmst) row[1];
            boolean lost = (Boolean) row[2];
            quantity.add(row[0]);
            estimate.add(lost ? r.timeLost() : r.estimate());
            se.add(r.standardError());
            lower.add(lost ? r.tau() - r.upper() : r.lower());
            upper.add(lost ? r.tau() - r.lower() : r.upper());
            p.add(null);
        }
        String[] names = {"RMST (" + a1 + ")-(" + a0 + ")", "RMST (" + a1 + ")/(" + a0 + ")",
            "RMTL (" + a1 + ")/(" + a0 + ")"};
        double[][] rows = {c.difference(), c.ratio(), c.lossRatio()};
        for (int k = 0; k < 3; k++) {
            quantity.add(names[k]);
            estimate.add(rows[k][0]);
            se.add(rows[k][1]);
            lower.add(rows[k][2]);
            upper.add(rows[k][3]);
            p.add(rows[k][4]);
        }
        return Table.builder(allocator).add("quantity", ColumnType.STRING, quantity)
                .add("estimate", ColumnType.FLOAT64, estimate).add("stdErr", ColumnType.FLOAT64, se)
                .add("lower", ColumnType.FLOAT64, lower).add("upper", ColumnType.FLOAT64, upper)
                .add("p", ColumnType.FLOAT64, p).build();
    }
}
