package io.daybreak.stats.models.survival;

import java.util.List;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.columns.NumericColumns;

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
        @Setting(defaultValue = "1",
                doc = "the status value that means an event (other values: censored), e.g. 2 in R's lung data")
        double eventValue) {

    /** The time and status column names, in this order. */
    public List<String> names() {
        return List.of(time, status);
    }

    /** The follow-up times of the rows. */
    public double[] times(NumericColumns rows) {
        return rows.column(time);
    }

    /** The event indicators of the rows: the status equals the event value. */
    public boolean[] events(NumericColumns rows) {
        return SurvivalInput.events(rows.column(status), eventValue);
    }
}
