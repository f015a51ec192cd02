package io.daybreak.stats.models.survival;

import java.util.List;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.StatusCoding;

/**
 * Settings group (see {@link Settings}): the survival columns every survival method reads, follow-up time, the
 * status column and the value in it that means an event. Local and federated methods, and the causal ones with a
 * time-to-event outcome, share it, so the three parameters read the same everywhere.
 */
public record SurvivalColumns(
        @Setting(defaultValue = "time", doc = "column of follow-up times")
        String time,
        @Setting(defaultValue = "status", doc = "column of the event status")
        String status,
        @Setting(optional = true, doc = "the status value that means an event (other values: censored); default as "
                + "R's Surv() reads the column: 0/1 (1 = event), 1/2 (2 = event, as in R's lung data) or TRUE/FALSE")
        Double eventValue) {

    /** The time and status column names, in this order. */
    public List<String> names() {
        return List.of(time, status);
    }

    /** The follow-up times of the rows. */
    public double[] times(NumericColumns rows) {
        return rows.column(time);
    }

    /** The event indicators of the rows: the status equals the event value ({@link #eventValue(NumericColumns)}). */
    public boolean[] events(NumericColumns rows) {
        return SurvivalInput.events(rows.column(status), eventValue(rows));
    }

    /** The same columns with the event value settled on the rows (so parts of the rows read it alike). */
    public SurvivalColumns resolved(NumericColumns rows) {
        return new SurvivalColumns(time, status, eventValue(rows));
    }

    /** The events over the rows, the censored rows and the event value, as every survival summary states them. */
    public java.util.Map<String, Object> counts(NumericColumns rows) {
        long events = 0;
        for (boolean e : events(rows)) {
            events += e ? 1 : 0;
        }
        java.util.Map<String, Object> counts = new java.util.LinkedHashMap<>();
        counts.put("events", events);
        counts.put("censored", (long) rows.rows() - events);
        counts.put("eventValue", eventValue(rows));
        return counts;
    }

    /**
     * The event value: as given, or as R's {@code Surv()} reads the rows' status column ({@link StatusCoding}; other
     * codings are refused, naming the values found).
     */
    public double eventValue(NumericColumns rows) {
        return eventValue != null ? eventValue : StatusCoding.eventValue(status, rows.column(status));
    }
}
