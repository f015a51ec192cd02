package io.daybreak.stats.models.formula;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.stats.models.columns.SummaryValues;

/**
 * How R's {@code Surv(time, status)} reads a numeric status column: if its largest value is 2 the coding is 1/2
 * (2 = event, 1 = censored, as in R's {@code lung} data), otherwise 0/1 (1 = event); any other value is not a status
 * ({@code Surv} turns it into NA with a warning; here it is refused, naming the values found). A boolean column is
 * TRUE = event. With the values of several sites, the pooled reading follows from each site's {@link Kind} alone.
 */
public final class StatusCoding {
    /** What a site's status values say about the coding, without saying which rows hold which. */
    public enum Kind {
        /** values in {0, 1} with at least one 0: 0/1 coding. */
        ZERO_ONE,
        /** only 1: 0/1 (all events) alone, 1/2 (all censored) beside a site with a 2. */
        ONES,
        /** values in {1, 2} with at least one 2: 1/2 coding. */
        ONE_TWO,
        /** anything else: not a status column as Surv reads one. */
        INVALID
    }

    private StatusCoding() {
    }

    /** The kind of a set of status values. */
    public static Kind kind(double[] status) {
        boolean zero = false;
        boolean two = false;
        for (double value : status) {
            if (value == 0) {
                zero = true;
            } else if (value == 2) {
                two = true;
            } else if (value != 1) {
                return Kind.INVALID;
            }
        }
        if (zero && two) {
            return Kind.INVALID;
        }
        return zero ? Kind.ZERO_ONE : two ? Kind.ONE_TWO : Kind.ONES;
    }

    /**
     * The event value of pooled sites' kinds (2 if any site codes 1/2, else 1).
     *
     * @throws InvalidParameterException when a site's values are no coding, or the sites' codings differ
     */
    public static double eventValue(String column, Kind... kinds) {
        boolean two = Arrays.asList(kinds).contains(Kind.ONE_TWO);
        if (Arrays.asList(kinds).contains(Kind.INVALID) || two && Arrays.asList(kinds).contains(Kind.ZERO_ONE)) {
            throw new InvalidParameterException("column '" + column + "' is not a status as Surv() reads one: 0/1 "
                    + "(1 = event), 1/2 (2 = event) or TRUE/FALSE; name the event value (eventValue=, or "
                    + "Surv(time, status == value) in a formula)");
        }
        return two ? 2 : 1;
    }

    /**
     * The event value of a table's numeric status column read as Surv reads it, over the rows with a time and a
     * status (for methods that read their survival columns themselves).
     *
     * @throws InvalidParameterException naming the column and the values found when it is not a status
     */
    public static double eventValue(io.daybreak.data.Table data, String time, String status) {
        if (!data.hasColumn(status) || !data.hasColumn(time) || !data.columnType(status).isNumeric()
                || !data.columnType(time).isNumeric()) {
            return 1; // the method's own reading names the missing or non-numeric column
        }
        io.daybreak.data.DoubleColumn times = data.doubles(time);
        io.daybreak.data.DoubleColumn values = data.doubles(status);
        double[] present = java.util.stream.IntStream.range(0, data.rowCount())
                .filter(i -> !times.isNull(i) && !values.isNull(i) && !Double.isNaN(values.get(i)))
                .mapToDouble(values::get).toArray();
        return eventValue(status, present);
    }

    /**
     * The event value of a status column read as Surv reads it.
     *
     * @throws InvalidParameterException naming the column and the values found when it is not a status
     */
    public static double eventValue(String column, double[] status) {
        Kind kind = kind(status);
        if (kind == Kind.INVALID) {
            String found = Arrays.stream(status).distinct().sorted().limit(10).mapToObj(SummaryValues::level)
                    .collect(Collectors.joining(", "));
            throw new InvalidParameterException("column '" + column + "' holds the values " + found
                    + (Arrays.stream(status).distinct().count() > 10 ? ", …" : "") + "; Surv() reads a status coded 0/1 "
                    + "(1 = event), 1/2 (2 = event) or TRUE/FALSE; name the event value (eventValue=, or "
                    + "Surv(time, status == value) in a formula)");
        }
        return eventValue(column, kind);
    }
}
