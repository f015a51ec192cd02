package io.daybreak.ide.views;

import java.util.Locale;
import java.util.regex.Pattern;

import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.ParameterType;

/**
 * Which text parameters name columns of the input table, read from their specs. Core has no marker for this, so
 * the rule reads the documentation the way a user would: a text parameter whose name ends in "column", or whose
 * doc's first clause (before any ';') speaks of a column or columns as the thing given ("column of follow-up
 * times", "numeric column whose values define groups", "comma-separated covariate columns"). A possessive
 * ("the treatment column's control value") is a value, not a column, and a formula's later clause ("text and
 * boolean columns are factors") does not count.
 */
public final class ColumnParameters {
    private static final Pattern COLUMN = Pattern.compile("\\bcolumns?\\b(?!')");

    private ColumnParameters() {
    }

    /** Whether the parameter's value is a column name (or a list of them). */
    public static boolean isColumn(ParameterSpec spec) {
        if (spec.type() != ParameterType.STRING) {
            return false;
        }
        if (spec.name().toLowerCase(Locale.ROOT).endsWith("column")) {
            return true;
        }
        return COLUMN.matcher(firstClause(spec)).find();
    }

    /** Whether only numeric columns fit (the doc says so). */
    public static boolean numeric(ParameterSpec spec) {
        return firstClause(spec).contains("numeric");
    }

    /** Whether the value is a comma-separated list of columns, so a chosen column is added to it. */
    public static boolean list(ParameterSpec spec) {
        return firstClause(spec).contains("comma-separated");
    }

    private static String firstClause(ParameterSpec spec) {
        String doc = spec.doc().toLowerCase(Locale.ROOT);
        int end = doc.indexOf(';');
        return end < 0 ? doc : doc.substring(0, end);
    }
}
