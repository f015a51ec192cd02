package io.daybreak.methods.biomarker.penalized;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.BooleanColumn;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.NumberText;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;

/**
 * The elastic net's input read once: the features column by column, the outcome, the folds, over the complete rows.
 *
 * @param data    the engine's data
 * @param terms   the feature (term) names, in order
 * @param foldid  each row's fold from the foldid column, or null
 * @param dropped rows left out for a missing value
 */
record EnetInput(PenalizedData data, List<String> terms, int[] foldid, int dropped) {

    static EnetInput read(Table table, ElasticNetSettings s, Family family) {
        if (table == null) {
            throw new InvalidParameterException("no data: give an input table '" + ElasticNetMethod.INPUT + "'");
        }
        if (s.foldid() != null && !table.hasColumn(s.foldid())) {
            throw new InvalidParameterException("parameter 'foldid': " + NumericColumns.noColumn(s.foldid()));
        }
        return s.formula() != null ? fromFormula(table, s, family) : fromColumns(table, s, family);
    }

    private static EnetInput fromFormula(Table table, ElasticNetSettings s, Family family) {
        Formula formula = Formula.parse("formula", s.formula());
        if (formula.response() == null) {
            throw new InvalidParameterException("parameter 'formula': a response is needed on the left of ~");
        }
        if (formula.response().isSurvival() != (family == Family.COX)) {
            throw new InvalidParameterException("parameter 'formula': " + (family == Family.COX
                    ? "family cox needs Surv(time, status) on the left of ~"
                    : "Surv(...) on the left of ~ needs family=cox"));
        }
        if (!formula.strata().isEmpty() || !formula.offsets().isEmpty()) {
            throw new InvalidParameterException("parameter 'formula': strata() and offset() are not supported by "
                    + "biomarker.elastic-net");
        }
        ModelMatrix matrix = ModelFrame.build(table, formula, ModelFrame.Options.local("formula", Map.of(), null),
                s.foldid() == null ? List.of() : List.of(s.foldid())).withoutIntercept();
        if (family == Family.GAUSSIAN && !matrix.responseLevels().isEmpty()) {
            throw new InvalidParameterException("parameter 'formula': the response is a factor (levels "
                    + String.join(", ", matrix.responseLevels()) + "); use family=binomial");
        }
        int n = matrix.rows();
        int p = matrix.columns();
        double[][] x = new double[p][n];
        for (int i = 0; i < n; i++) {
            double[] row = matrix.x()[i];
            for (int j = 0; j < p; j++) {
                x[j][i] = row[j];
            }
        }
        int[] fold = s.foldid() == null ? null : folds(ModelFrame.values(table, matrix, s.foldid()), s.foldid());
        PenalizedData data = family == Family.COX
                ? new PenalizedData(family, x, null, matrix.time(), matrix.event())
                : new PenalizedData(family, x, binary(matrix.y(), family, formula.response().label()), null, null);
        return new EnetInput(data, matrix.columnNames(), fold, matrix.dropped());
    }

    private static double[] binary(double[] y, Family family, String label) {
        if (family == Family.BINOMIAL) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] != 0 && y[i] != 1) {
                    throw new InvalidParameterException("response " + label + " has the value "
                            + NumberText.text(y[i]) + " in row " + (i + 1) + " of the complete cases; family binomial "
                            + "needs 0/1, true/false or a two-level factor");
                }
            }
        }
        return y;
    }

    private static EnetInput fromColumns(Table table, ElasticNetSettings s, Family family) {
        Set<String> outcome = new LinkedHashSet<>();
        for (String c : new String[] {s.response(), s.time(), s.status(), s.foldid()}) {
            if (c != null) {
                outcome.add(c);
            }
        }
        List<String> features;
        if (s.features() != null) {
            features = NumericColumns.names("features", s.features());
        } else {
            Set<String> excluded = new LinkedHashSet<>(outcome);
            if (s.exclude() != null) {
                excluded.addAll(NumericColumns.names("exclude", s.exclude()));
            }
            features = new ArrayList<>();
            for (String c : table.columnNames()) {
                if (!excluded.contains(c) && table.columnType(c).isNumeric()) {
                    features.add(c);
                }
            }
        }
        if (features.isEmpty()) {
            throw new InvalidParameterException("no features: the table has no numeric columns besides the outcome"
                    + (s.features() == null ? "; name them with features=" : ""));
        }
        Map<String, double[]> read = new LinkedHashMap<>();
        for (String c : features) {
            read.put(c, numbers(table, c, "features"));
        }
        int rows = table.rowCount();
        double[] y = s.response() == null ? null : numbers(table, s.response(), "response");
        double[] time = s.time() == null ? null : numbers(table, s.time(), "time");
        double[] status = s.status() == null ? null : numbers(table, s.status(), "status");
        double[] fold = s.foldid() == null ? null : numbers(table, s.foldid(), "foldid");
        boolean[] keep = new boolean[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            boolean ok = (y == null || !Double.isNaN(y[i])) && (time == null || !Double.isNaN(time[i]))
                    && (status == null || !Double.isNaN(status[i])) && (fold == null || !Double.isNaN(fold[i]));
            for (double[] v : read.values()) {
                ok &= !Double.isNaN(v[i]);
            }
            keep[i] = ok;
            n += ok ? 1 : 0;
        }
        double[][] x = new double[features.size()][n];
        double[] yy = y == null ? null : new double[n];
        double[] tt = time == null ? null : new double[n];
        boolean[] ev = status == null ? null : new boolean[n];
        double[] ff = fold == null ? null : new double[n];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (!keep[i]) {
                continue;
            }
            int j = 0;
            for (double[] v : read.values()) {
                x[j++][k] = v[i];
            }
            if (yy != null) {
                yy[k] = y[i];
                if (family == Family.BINOMIAL && y[i] != 0 && y[i] != 1) {
                    throw new InvalidParameterException("column '" + s.response() + "' has the value "
                            + NumberText.text(y[i]) + " at row " + (i + 1) + "; family binomial needs 0/1 or "
                            + "true/false");
                }
            }
            if (tt != null) {
                tt[k] = time[i];
                if (!(time[i] > 0)) {
                    throw new InvalidParameterException("column '" + s.time() + "' has the value "
                            + NumberText.text(time[i]) + " at row " + (i + 1) + "; follow-up times must be positive");
                }
            }
            if (ev != null) {
                if (status[i] != 0 && status[i] != 1) {
                    throw new InvalidParameterException("column '" + s.status() + "' has the value "
                            + NumberText.text(status[i]) + " at row " + (i + 1) + "; status must be 1 (event) or 0 "
                            + "(censored)");
                }
                ev[k] = status[i] == 1;
            }
            if (ff != null) {
                ff[k] = fold[i];
            }
            k++;
        }
        if (n < 2) {
            throw new InvalidParameterException("only " + n + " complete rows; the elastic net needs more");
        }
        PenalizedData data = new PenalizedData(family, x, family == Family.COX ? null : yy, tt, ev);
        return new EnetInput(data, features, ff == null ? null : folds(ff, s.foldid()), rows - n);
    }

    private static double[] numbers(Table table, String column, String parameter) {
        if (!table.hasColumn(column)) {
            throw new InvalidParameterException("parameter '" + parameter + "': " + NumericColumns.noColumn(column));
        }
        ColumnType type = table.columnType(column);
        int rows = table.rowCount();
        double[] v = new double[rows];
        if (type == ColumnType.BOOLEAN) {
            BooleanColumn b = table.booleans(column);
            for (int i = 0; i < rows; i++) {
                v[i] = b.isNull(i) ? Double.NaN : b.get(i) ? 1 : 0;
            }
            return v;
        }
        if (!type.isNumeric()) {
            throw new InvalidParameterException("parameter '" + parameter + "': column '" + column + "' is text; "
                    + "give numeric columns, or use formula= to read text columns as factors");
        }
        DoubleColumn d = table.doubles(column);
        for (int i = 0; i < rows; i++) {
            v[i] = d.get(i);
        }
        return v;
    }

    private static int[] folds(double[] values, String column) {
        int[] fold = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double f = values[i];
            if (f != Math.rint(f) || f < 1) {
                throw new InvalidParameterException("column '" + column + "' (foldid) has the value "
                        + NumberText.text(f) + " in complete row " + (i + 1) + "; folds are numbered 1, 2, ..., K");
            }
            fold[i] = (int) f;
        }
        return fold;
    }
}
