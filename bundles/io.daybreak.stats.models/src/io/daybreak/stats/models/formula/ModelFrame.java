package io.daybreak.stats.models.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.BooleanColumn;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SummaryValues;

/**
 * Evaluates a {@link Formula} on a table, as R's {@code model.frame} and {@code model.matrix} do: complete cases of
 * the columns the formula reads ({@code na.omit}); text and boolean columns, and {@code factor(x)}, are factors with
 * levels in R's order ({@link LevelOrder}) present in the rows used ({@code drop.unused.levels}), the first the
 * reference unless {@code references} names another; treatment contrasts, where a factor in a term is coded by
 * contrasts when the term without it is in the model (the intercept counting as the empty term) and by an
 * indicator per level otherwise; columns named as R names them, an interaction's first variable varying fastest.
 */
public final class ModelFrame {
    public static final String INTERCEPT = "(Intercept)";

    /**
     * How to evaluate.
     *
     * @param parameter   the parameter that gave the formula, for messages
     * @param references  column → the level to make the reference (R's {@code relevel})
     * @param levels      each factor variable's levels agreed in advance (variable label → levels, e.g. those all
     *                    sites hold), or null to take them from the rows
     * @param eventValue  the status value meaning an event when the formula does not say (null: as Surv reads it)
     * @param namesValues whether messages may quote a row's value (a local analysis) or not (a site's rows)
     */
    public record Options(String parameter, Map<String, String> references, Map<String, List<String>> levels,
            String eventValue, boolean namesValues) {
        /** A local analysis: levels from the rows, values named in messages. */
        public static Options local(String parameter, Map<String, String> references, String eventValue) {
            return new Options(parameter, references, null, eventValue, true);
        }
    }

    private final Table table;
    private final Formula formula;
    private final Options options;
    private final Map<String, Column> columns = new HashMap<>();
    private final List<String> alsoComplete = new ArrayList<>();

    private ModelFrame(Table table, Formula formula, Options options) {
        this.table = table;
        this.formula = formula;
        this.options = options;
    }

    /** The formula's model matrix over the table's complete cases. */
    public static ModelMatrix build(Table table, Formula formula, Options options) {
        return build(table, formula, options, List.of());
    }

    /**
     * The formula's model matrix over the rows complete in the formula's columns and in {@code alsoComplete} (a site
     * column, say, which is not in the model).
     */
    public static ModelMatrix build(Table table, Formula formula, Options options, List<String> alsoComplete) {
        ModelFrame frame = new ModelFrame(table, formula, options);
        frame.alsoComplete.addAll(alsoComplete);
        return frame.build();
    }

    /** The values of any column at the rows a model matrix used, as level labels (a cluster column, say). */
    public static String[] labels(Table table, ModelMatrix matrix, String column) {
        ModelFrame frame = new ModelFrame(table, matrix.formula(), Options.local("formula", Map.of(), null));
        return java.util.Arrays.stream(matrix.tableRows()).mapToObj(row -> frame.column(column).label(row))
                .toArray(String[]::new);
    }

    /** The values of a numeric column at the rows a model matrix used (a site column, to split it by). */
    public static double[] values(Table table, ModelMatrix matrix, String column) {
        DoubleColumn values = table.doubles(column);
        return java.util.Arrays.stream(matrix.tableRows()).mapToDouble(values::get).toArray();
    }

    /**
     * A factor variable's levels in a table's complete cases, with the rows at each and whether the column is
     * numeric (its levels then sort by value).
     */
    public record FactorLevels(String variable, List<String> levels, long[] counts, boolean numeric) {
    }

    /** Each factor variable's levels and counts in the table's complete cases (what a site checks before release). */
    public static List<FactorLevels> factorLevels(Table table, Formula formula, Options options) {
        ModelFrame frame = new ModelFrame(table, formula, options);
        int[] rows = frame.completeRows();
        List<FactorLevels> result = new ArrayList<>();
        for (Variable variable : frame.factorVariables()) {
            List<String> levels = frame.presentLevels(variable, rows);
            long[] counts = new long[levels.size()];
            Map<String, Integer> index = new HashMap<>();
            for (String level : levels) {
                index.put(level, index.size());
            }
            for (int row : rows) {
                counts[index.get(frame.label(variable, row))]++;
            }
            result.add(new FactorLevels(variable.label(), levels, counts,
                    frame.column(variable.column()).type.isNumeric()));
        }
        return result;
    }

    /**
     * The design's column names for given factor levels (variable label → levels, the reference first; a variable
     * not among them is numeric), without data: what a coordinator expects the sites' designs to be.
     */
    public static List<String> columnNames(Formula formula, Map<String, List<String>> levels) {
        List<String> names = new ArrayList<>();
        if (formula.intercept()) {
            names.add(INTERCEPT);
        }
        columnsByTerm(formula, levels).forEach(names::addAll);
        return names;
    }

    /** The design's column names of each term, in the formula's term order (the intercept is no term). */
    public static List<List<String>> columnsByTerm(Formula formula, Map<String, List<String>> levels) {
        List<List<String>> byTerm = new ArrayList<>();
        List<List<Boolean>> contrasts = contrasts(formula, levels.keySet());
        for (int t = 0; t < formula.terms().size(); t++) {
            Term term = formula.terms().get(t);
            List<List<String>> pieces = new ArrayList<>();
            for (int v = 0; v < term.variables().size(); v++) {
                Variable variable = term.variables().get(v);
                List<String> variableLevels = levels.get(variable.label());
                List<String> variableNames = new ArrayList<>();
                if (variableLevels == null) {
                    variableNames.add(variable.label());
                } else {
                    for (int l = contrasts.get(t).get(v) ? 1 : 0; l < variableLevels.size(); l++) {
                        variableNames.add(variable.label() + variableLevels.get(l));
                    }
                }
                pieces.add(variableNames);
            }
            byTerm.add(products(pieces));
        }
        return byTerm;
    }

    /** The names of a product of pieces, the first varying fastest ("a1:b1", "a2:b1", …). */
    private static List<String> products(List<List<String>> pieces) {
        List<String> names = List.of("");
        for (List<String> piece : pieces) {
            List<String> next = new ArrayList<>();
            for (String part : piece) {
                for (String name : names) {
                    next.add(name.isEmpty() ? part : name + ":" + part);
                }
            }
            names = next;
        }
        return names;
    }

    /** Sorts levels (labels) of a variable as R would: by value for a numeric column, as text otherwise. */
    public static List<String> sortLevels(Set<String> labels, boolean numeric) {
        TreeSet<String> sorted = new TreeSet<>(numeric ? LevelOrder.NUMBERS : LevelOrder.TEXT);
        sorted.addAll(labels);
        return new ArrayList<>(sorted);
    }

    private ModelMatrix build() {
        for (String name : formula.columns()) {
            column(name);
        }
        int[] rows = completeRows();
        int n = rows.length;
        if (n == 0) {
            throw new InvalidParameterException("parameter '" + options.parameter() + "': no row has a value in every "
                    + "column of the formula (" + String.join(", ", formula.columns()) + ")");
        }
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Variable variable : factorVariables()) {
            List<String> present = presentLevels(variable, rows);
            if (options.levels() != null && !given(variable).containsAll(present)) {
                throw new IllegalArgumentException("argument 'levels' must hold every level of " + variable.label()
                        + " that this site releases");
            }
            levels.put(variable.label(), referenceFirst(variable, options.levels() == null ? present : given(variable)));
        }
        List<String> names = new ArrayList<>();
        List<double[]> designColumns = new ArrayList<>();
        if (formula.intercept()) {
            names.add(INTERCEPT);
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            designColumns.add(ones);
        }
        List<List<Boolean>> contrasts = contrasts(formula, levels.keySet());
        for (int t = 0; t < formula.terms().size(); t++) {
            addTerm(formula.terms().get(t), contrasts.get(t), rows, levels, names, designColumns);
        }
        double[][] x = new double[n][designColumns.size()];
        for (int j = 0; j < designColumns.size(); j++) {
            double[] column = designColumns.get(j);
            for (int i = 0; i < n; i++) {
                x[i][j] = column[i];
            }
        }
        Response response = formula.response();
        double[] y = null;
        List<String> responseLevels = List.of();
        double[] time = null;
        boolean[] event = null;
        String eventValue = null;
        if (response != null && !response.isSurvival()) {
            Variable value = response.value();
            if (isFactor(value)) {
                responseLevels = presentLevels(value, rows);
                if (responseLevels.size() != 2) {
                    throw new InvalidParameterException("parameter '" + options.parameter() + "': the response "
                            + value.label() + " has " + responseLevels.size() + " levels in the rows used; a factor "
                            + "response needs 2 (the first is 0, the second 1, as R's binomial family reads it)");
                }
                y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = label(value, rows[i]).equals(responseLevels.get(0)) ? 0 : 1;
                }
            } else {
                y = numbers(value, rows);
            }
        } else if (response != null) {
            time = numbers(Variable.of(response.time()), rows);
            for (int i = 0; i < n; i++) {
                if (time[i] < 0) {
                    throw new InvalidParameterException("column '" + response.time() + "' has a negative time"
                            + (options.namesValues() ? " (" + time[i] + " at row " + (rows[i] + 1) + ")" : "")
                            + "; follow-up times must be >= 0");
                }
            }
            eventValue = response.eventValue() != null ? response.eventValue() : options.eventValue();
            event = events(response.status(), eventValue, rows);
            if (eventValue == null) {
                eventValue = column(response.status()).type == ColumnType.BOOLEAN ? "TRUE"
                        : SummaryValues.level(StatusCoding.eventValue(response.status(),
                                numbers(Variable.of(response.status()), rows)));
            }
        }
        double[] offset = null;
        for (Variable variable : formula.offsets()) {
            double[] values = numbers(variable, rows);
            if (offset == null) {
                offset = values;
            } else {
                for (int i = 0; i < n; i++) {
                    offset[i] += values[i];
                }
            }
        }
        int[] strata = null;
        List<String> strataLabels = List.of();
        if (!formula.strata().isEmpty()) {
            Map<String, Integer> index = new LinkedHashMap<>();
            strata = new int[n];
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                List<String> parts = new ArrayList<>();
                for (String column : formula.strata()) {
                    parts.add(column + "=" + label(Variable.of(column), rows[i]));
                }
                labels[i] = String.join(", ", parts);
                index.putIfAbsent(labels[i], index.size());
            }
            List<String> sorted = sortLevels(index.keySet(), false);
            Map<String, Integer> position = new HashMap<>();
            for (String label : sorted) {
                position.put(label, position.size());
            }
            for (int i = 0; i < n; i++) {
                strata[i] = position.get(labels[i]);
            }
            strataLabels = sorted;
        }
        return new ModelMatrix(formula, List.copyOf(names), x, y, responseLevels, time, event, eventValue, offset,
                strata, strataLabels, levels, rows, table.rowCount() - n);
    }

    /** Adds a term's columns: the product of its variables' columns, the first variable varying fastest. */
    private void addTerm(Term term, List<Boolean> termContrasts, int[] rows, Map<String, List<String>> levels,
            List<String> names, List<double[]> designColumns) {
        List<List<String>> pieceNames = new ArrayList<>();
        List<List<double[]>> pieceValues = new ArrayList<>();
        for (int v = 0; v < term.variables().size(); v++) {
            Variable variable = term.variables().get(v);
            List<String> variableNames = new ArrayList<>();
            List<double[]> variableValues = new ArrayList<>();
            if (isFactor(variable)) {
                List<String> variableLevels = levels.get(variable.label());
                boolean contrasts = termContrasts.get(v);
                if (contrasts && variableLevels.size() < 2) {
                    throw new InvalidParameterException("parameter '" + options.parameter() + "': " + variable.label()
                            + " has one level in the rows used; a factor needs at least 2");
                }
                String[] labels = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    labels[i] = label(variable, rows[i]);
                }
                for (int l = contrasts ? 1 : 0; l < variableLevels.size(); l++) {
                    String level = variableLevels.get(l);
                    double[] indicator = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        indicator[i] = labels[i].equals(level) ? 1 : 0;
                    }
                    variableNames.add(variable.label() + level);
                    variableValues.add(indicator);
                }
            } else {
                variableNames.add(variable.label());
                variableValues.add(numbers(variable, rows));
            }
            pieceNames.add(variableNames);
            pieceValues.add(variableValues);
        }
        // the same order as products(): the first variable varies fastest
        double[] ones = new double[rows.length];
        java.util.Arrays.fill(ones, 1);
        List<double[]> columns = List.of(ones);
        for (List<double[]> piece : pieceValues) {
            List<double[]> next = new ArrayList<>();
            for (double[] values : piece) {
                for (double[] column : columns) {
                    double[] product = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        product[i] = column[i] * values[i];
                    }
                    next.add(product);
                }
            }
            columns = next;
        }
        names.addAll(products(pieceNames));
        designColumns.addAll(columns);
    }

    /**
     * R's coding rule, term by term in order: a factor in a term is coded by contrasts when the term without it is
     * in the model. The empty term counts as in the model when there is an intercept, or, without one, once an
     * earlier term has coded a factor by indicators in its place (so in {@code ~ 0 + factor(a) + b} the first factor
     * gets a column per level and b gets contrasts, as R's {@code model.matrix}).
     *
     * @param factors the labels of the variables that are factors
     * @return per term, per variable: whether it is coded by contrasts (numeric variables: false)
     */
    private static List<List<Boolean>> contrasts(Formula formula, Set<String> factors) {
        boolean emptyTermIn = formula.intercept();
        List<List<Boolean>> coding = new ArrayList<>();
        for (Term term : formula.terms()) {
            List<Boolean> termCoding = new ArrayList<>();
            boolean spansIntercept = false;
            for (Variable variable : term.variables()) {
                if (!factors.contains(variable.label())) {
                    termCoding.add(false);
                    continue;
                }
                List<Variable> margin = new ArrayList<>(term.variables());
                margin.remove(variable);
                boolean contrasts;
                if (margin.isEmpty()) {
                    contrasts = emptyTermIn;
                    spansIntercept |= !contrasts;
                } else {
                    Set<Variable> wanted = Set.copyOf(margin);
                    contrasts = formula.terms().stream().anyMatch(t -> Set.copyOf(t.variables()).equals(wanted));
                }
                termCoding.add(contrasts);
            }
            emptyTermIn |= spansIntercept;
            coding.add(termCoding);
        }
        return coding;
    }

    private List<Variable> factorVariables() {
        List<Variable> factors = new ArrayList<>();
        for (Term term : formula.terms()) {
            for (Variable variable : term.variables()) {
                if (isFactor(variable) && !factors.contains(variable)) {
                    factors.add(variable);
                }
            }
        }
        return factors;
    }

    private boolean isFactor(Variable variable) {
        ColumnType type = column(variable.column()).type;
        if (variable.isComputed() && !type.isNumeric()) {
            throw new InvalidParameterException("parameter '" + options.parameter() + "': " + variable.label()
                    + " needs a numeric column; column '" + variable.column() + "' is " + type.alias());
        }
        return variable.isFactor() || type == ColumnType.STRING || type == ColumnType.BOOLEAN;
    }

    private List<String> presentLevels(Variable variable, int[] rows) {
        Set<String> present = new java.util.HashSet<>();
        for (int row : rows) {
            present.add(label(variable, row));
        }
        return sortLevels(present, column(variable.column()).type.isNumeric());
    }

    private List<String> given(Variable variable) {
        List<String> agreed = options.levels().get(variable.label());
        if (agreed == null) {
            throw new IllegalArgumentException("no agreed levels for " + variable.label());
        }
        return agreed;
    }

    private List<String> referenceFirst(Variable variable, List<String> levels) {
        String reference = options.references() == null ? null : options.references().get(variable.column());
        if (reference == null) {
            return levels;
        }
        if (!levels.contains(reference)) {
            throw new InvalidParameterException("parameter 'ref': " + variable.label() + " has no level '" + reference
                    + "'; its levels are " + String.join(", ", levels));
        }
        List<String> reordered = new ArrayList<>(levels);
        reordered.remove(reference);
        reordered.add(0, reference);
        return reordered;
    }

    private boolean[] events(String status, String eventValue, int[] rows) {
        Column column = column(status);
        boolean[] event = new boolean[rows.length];
        if (eventValue != null) {
            double number = column.type.isNumeric() ? parse(status, eventValue) : Double.NaN;
            for (int i = 0; i < rows.length; i++) {
                event[i] = column.type.isNumeric() ? column.doubles.get(rows[i]) == number
                        : column.label(rows[i]).equals(eventValue);
            }
            return event;
        }
        if (column.type == ColumnType.BOOLEAN) {
            for (int i = 0; i < rows.length; i++) {
                event[i] = column.booleans.get(rows[i]);
            }
            return event;
        }
        if (!column.type.isNumeric()) {
            throw new InvalidParameterException("column '" + status + "' is text; Surv() reads a status coded 0/1, 1/2 "
                    + "or TRUE/FALSE, or name the event: Surv(time, " + Formula.quoted(status) + " == \"dead\")");
        }
        double[] values = numbers(Variable.of(status), rows);
        double value = options.namesValues() ? StatusCoding.eventValue(status, values)
                : StatusCoding.eventValue(status, StatusCoding.kind(values));
        for (int i = 0; i < rows.length; i++) {
            event[i] = values[i] == value;
        }
        return event;
    }

    private double parse(String status, String eventValue) {
        try {
            return Double.parseDouble(eventValue);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter '" + options.parameter() + "': column '" + status
                    + "' is numeric; the event value '" + eventValue + "' is not a number");
        }
    }

    /** The rows with a value in every column the formula reads. */
    private int[] completeRows() {
        List<String> names = new ArrayList<>(formula.columns());
        names.addAll(alsoComplete);
        List<Column> used = names.stream().map(this::column).toList();
        int n = table.rowCount();
        int[] rows = new int[n];
        int kept = 0;
        for (int row = 0; row < n; row++) {
            boolean complete = true;
            for (Column column : used) {
                complete &= !column.missing(row);
            }
            if (complete) {
                rows[kept++] = row;
            }
        }
        return java.util.Arrays.copyOf(rows, kept);
    }

    /** A numeric variable's values over the rows; a value it cannot take (log of 0) is bad input. */
    private double[] numbers(Variable variable, int[] rows) {
        Column column = column(variable.column());
        if (!column.type.isNumeric()) {
            throw new InvalidParameterException("parameter '" + options.parameter() + "': " + variable.label()
                    + " must be numeric here; column '" + variable.column() + "' is " + column.type.alias());
        }
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double raw = column.doubles.get(rows[i]);
            values[i] = variable.apply(raw);
            if (!Double.isFinite(values[i])) {
                throw new InvalidParameterException("parameter '" + options.parameter() + "': " + variable.label()
                        + " is not finite" + (options.namesValues() ? " at row " + (rows[i] + 1) + " (column '"
                        + variable.column() + "' = " + SummaryValues.level(raw) + ")" : " for some rows"));
            }
        }
        return values;
    }

    private String label(Variable variable, int row) {
        return column(variable.column()).label(row);
    }

    private Column column(String name) {
        return columns.computeIfAbsent(name, this::read);
    }

    private Column read(String name) {
        if (!table.hasColumn(name)) {
            throw new InvalidParameterException("parameter '" + options.parameter() + "': " + NumericColumns.noColumn(name));
        }
        ColumnType type = table.columnType(name);
        if (type == null) {
            throw new InvalidParameterException("parameter '" + options.parameter() + "': column '" + name
                    + "' is of a type a model cannot read (numbers, text or booleans)");
        }
        return new Column(type, type.isNumeric() ? table.doubles(name) : null,
                type == ColumnType.STRING ? table.strings(name) : null,
                type == ColumnType.BOOLEAN ? table.booleans(name) : null);
    }

    /** A column of one of the three kinds a formula reads. */
    /**
     * One table column as the frame reads it. Its factor labels are made once per column and kept: a label is a
     * String made from the row's text or formatted from its number, and each factor's levels and indicator columns
     * would otherwise make them again for every row (a million Strings per factor and pass).
     */
    private static final class Column {
        final ColumnType type;
        final DoubleColumn doubles;
        final StringColumn strings;
        final BooleanColumn booleans;
        private String[] labels;

        Column(ColumnType type, DoubleColumn doubles, StringColumn strings, BooleanColumn booleans) {
            this.type = type;
            this.doubles = doubles;
            this.strings = strings;
            this.booleans = booleans;
        }

        boolean missing(int row) {
            if (doubles != null) {
                return doubles.isNull(row) || Double.isNaN(doubles.get(row));
            }
            return strings != null ? strings.isNull(row) || strings.get(row) == null : booleans.isNull(row);
        }

        /** The value as a factor level: numbers as R prints them, booleans TRUE/FALSE. */
        String label(int row) {
            if (labels == null) {
                labels = allLabels();
            }
            return labels[row];
        }

        /** Every row's label, equal labels one String (numbers formatted once per distinct value). */
        private String[] allLabels() {
            int n = doubles != null ? doubles.size() : strings != null ? strings.size() : booleans.size();
            String[] all = new String[n];
            Map<Object, String> distinct = new HashMap<>();
            for (int row = 0; row < n; row++) {
                if (doubles != null) {
                    double value = doubles.get(row);
                    all[row] = distinct.computeIfAbsent(value, v -> SummaryValues.level((Double) v));
                } else if (strings != null) {
                    String value = strings.get(row);
                    all[row] = value == null ? null : distinct.computeIfAbsent(value, v -> (String) v);
                } else {
                    all[row] = booleans.isNull(row) ? null : booleans.get(row) ? "TRUE" : "FALSE";
                }
            }
            return all;
        }
    }
}
