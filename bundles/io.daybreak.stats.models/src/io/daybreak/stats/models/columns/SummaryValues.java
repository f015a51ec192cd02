package io.daybreak.stats.models.columns;

import java.util.ArrayList;
import java.util.List;

/** Numbers as a federated result's summary and a site step's arguments hold them. */
public final class SummaryValues {
    private SummaryValues() {
    }

    /** Numbers as a list (summaries and step arguments are JSON-like: lists, not arrays). */
    public static List<Object> list(double[] values) {
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /** A number as a level is written: whole numbers without a decimal point, others in full precision. */
    public static String level(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
