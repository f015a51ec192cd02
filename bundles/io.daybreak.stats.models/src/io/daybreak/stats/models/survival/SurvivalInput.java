package io.daybreak.stats.models.survival;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SiteSplit;

/**
 * The input of the survival methods: the data table, the {@link SurvivalColumns} read as complete cases (with the
 * {@link SiteSplit} that may split them into sites for an exact federated run in this process, each site's
 * statistics computed from its rows alone, then combined as aggregates only), and helpers on the columns read.
 *
 * <p>Methods declare the columns with a settings record holding the groups {@link SurvivalColumns} and
 * {@link SiteSplit}.
 */
public final class SurvivalInput {
    public static final TableSpec DATA = TableSpec.of("data", "one row per patient; columns named by the parameters");

    private SurvivalInput() {
    }

    /** The input table {@link #DATA}, named in the error when it was not given. */
    public static Table data(Table data) {
        if (data == null) {
            throw new InvalidParameterException("input table 'data' is required (run with --in data=file.csv)");
        }
        return data;
    }

    /**
     * The survival columns, the site column if the rows are split and the extra columns read, complete cases over
     * all of them; follow-up times must not be negative.
     */
    public static NumericColumns read(Table data, SurvivalColumns survival, SiteSplit split, List<String> extra) {
        data(data);
        List<String> names = new ArrayList<>(survival.names());
        if (split.split()) {
            names.add(split.siteColumn());
        }
        for (String name : extra) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        NumericColumns columns = NumericColumns.completeCases(data, "time/status/covariates", names);
        for (double t : survival.times(columns)) {
            if (t < 0) {
                throw new InvalidParameterException("column '" + survival.time() + "' has a negative time (" + t
                        + "); follow-up times must be >= 0");
            }
        }
        if (columns.rows() == 0) {
            throw new InvalidParameterException("no complete rows in the data for the columns " + names);
        }
        return columns;
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

    /** Indices 0 … k − 1 of each row's value in a column's distinct values. */
    public static int[] codes(double[] values, double[] levels) {
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = java.util.Arrays.binarySearch(levels, values[i]);
        }
        return codes;
    }
}
