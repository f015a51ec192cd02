package io.daybreak.stats.models.formula;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import io.daybreak.stats.models.columns.SummaryValues;

/**
 * A variable of a model formula: a column, as it is ({@code age}), as a factor ({@code factor(ph.ecog)}), through a
 * function ({@code log(age)}) or raised to a power ({@code I(age^2)}). Its {@link #label()} is the name R gives it,
 * which term and column names start from.
 *
 * @param column   the data column
 * @param function {@link Function#NONE}, {@link Function#FACTOR}, a transformation or {@link Function#POWER}
 * @param power    the exponent of {@code I(column^power)}; 1 otherwise
 */
public record Variable(String column, Function function, double power) {

    /** What a formula does with a column. */
    public enum Function {
        NONE(null), FACTOR(null), POWER(null),
        LOG(Math::log), LOG2(x -> Math.log(x) / Math.log(2)), LOG10(Math::log10), LOG1P(Math::log1p), SQRT(Math::sqrt),
        EXP(Math::exp);

        private final DoubleUnaryOperator transformation;

        Function(DoubleUnaryOperator transformation) {
            this.transformation = transformation;
        }

        /** The function named in a formula ({@code log}, {@code sqrt}, …), or null if it is none of the transformations. */
        static Function transformation(String name) {
            for (Function function : values()) {
                if (function.transformation != null && function.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return function;
                }
            }
            return null;
        }
    }

    /** The column as it is. */
    public static Variable of(String column) {
        return new Variable(column, Function.NONE, 1);
    }

    /** The name R gives the variable: the expression as written, without spaces. */
    public String label() {
        String name = Formula.quoted(column);
        return switch (function) {
        case NONE -> name;
        case FACTOR -> "factor(" + name + ")";
        case POWER -> "I(" + name + "^" + SummaryValues.level(power) + ")";
        default -> function.name().toLowerCase(Locale.ROOT) + "(" + name + ")";
        };
    }

    /** Whether the formula makes a factor of the column (text and boolean columns are factors without it). */
    public boolean isFactor() {
        return function == Function.FACTOR;
    }

    /** Whether the variable is a number computed from the column (a transformation or a power). */
    public boolean isComputed() {
        return function != Function.NONE && function != Function.FACTOR;
    }

    /** The variable's value for a column value (numeric variables). */
    public double apply(double value) {
        return switch (function) {
        case NONE, FACTOR -> value;
        case POWER -> Math.pow(value, power);
        default -> function.transformation.applyAsDouble(value);
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
