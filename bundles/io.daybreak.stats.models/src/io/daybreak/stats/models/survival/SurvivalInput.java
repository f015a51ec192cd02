package io.daybreak.stats.models.survival;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * The survival columns every survival method reads, declared and parsed once: follow-up time, the status
 * column and the value in it that means an event, and an optional site column that splits the data into
 * sites for an exact federated run in this process (each site's statistics computed from its rows alone,
 * then combined as aggregates only).
 */
public final class SurvivalInput {
    public static final TableSpec DATA = TableSpec.of("data", "one row per patient; columns named by the parameters");

    private SurvivalInput() {
    }

    public static MethodDescriptor.Builder declare(MethodDescriptor.Builder descriptor) {
        return columns(descriptor.input(DATA))
                .parameter(ParameterSpec.string("siteColumn").optional()
                        .doc("split the rows into sites by this column and run the exact federated algorithm on them"));
    }

    /** The survival columns alone: time, status and the event value (a federated method's sites hold the data). */
    public static MethodDescriptor.Builder columns(MethodDescriptor.Builder descriptor) {
        return descriptor
                .parameter(ParameterSpec.string("time").defaultValue("time").doc("column of follow-up times"))
                .parameter(ParameterSpec.string("status").defaultValue("status").doc("column of the event status"))
                .parameter(ParameterSpec.real("eventValue").defaultValue(1.0)
                        .doc("the status value that means an event (other values: censored), e.g. 2 in R's lung data"));
    }

    /** The input table {@link #DATA}, named in the error when it was not given. */
    public static Table data(Table data) {
        if (data == null) {
            throw new InvalidParameterException("input table 'data' is required (run with --in data=file.csv)");
        }
        return data;
    }

    /** The columns read, complete cases over all of them. */
    public static NumericColumns read(Table data, Parameters parameters, List<String> extra) {
        data(data);
        List<String> names = new ArrayList<>(List.of(parameters.string("time"), parameters.string("status")));
        if (parameters.has("siteColumn")) {
            names.add(parameters.string("siteColumn"));
        }
        for (String name : extra) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        NumericColumns columns = NumericColumns.completeCases(data, "time/status/covariates", names);
        for (double t : columns.column(parameters.string("time"))) {
            if (t < 0) {
                throw new InvalidParameterException("column '" + parameters.string("time") + "' has a negative time ("
                        + t + "); follow-up times must be >= 0");
            }
        }
        if (columns.rows() == 0) {
            throw new InvalidParameterException("no complete rows in the data for the columns " + names);
        }
        return columns;
    }

    public static double[] time(NumericColumns columns, Parameters parameters) {
        return columns.column(parameters.string("time"));
    }

    public static boolean[] event(NumericColumns columns, Parameters parameters) {
        return events(columns.column(parameters.string("status")), parameters.real("eventValue"));
    }

    /** Event indicators: the status equals the event value. */
    public static boolean[] events(double[] status, double eventValue) {
        boolean[] event = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            event[i] = status[i] == eventValue;
        }
        return event;
    }

    /** The covariates of each row, one array per row (no intercept). */
    public static double[][] covariateRows(NumericColumns rows, List<String> covariates) {
        double[][] x = new double[rows.rows()][covariates.size()];
        for (int c = 0; c < covariates.size(); c++) {
            double[] column = rows.column(covariates.get(c));
            for (int i = 0; i < x.length; i++) {
                x[i][c] = column[i];
            }
        }
        return x;
    }

    /** The sites' rows: one part per distinct site value, or the whole data as one site. */
    public static List<NumericColumns> sites(NumericColumns columns, Parameters parameters) {
        if (!parameters.has("siteColumn")) {
            return List.of(columns);
        }
        String site = parameters.string("siteColumn");
        List<NumericColumns> sites = new ArrayList<>();
        for (double value : columns.distinct(site)) {
            sites.add(columns.subset(site, value));
        }
        return sites;
    }

    /** Indices 0 … k − 1 of each row's value in a column's distinct values. */
    public static int[] codes(double[] values, double[] levels) {
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = java.util.Arrays.binarySearch(levels, values[i]);
        }
        return codes;
    }
}
