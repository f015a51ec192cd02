package io.daybreak.stats.federated;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.formula.Variable;

/**
 * Model formulas across sites. Sites first agree one level set per factor: step {@value #LEVELS_STEP} releases each
 * factor's levels present at the site, only after the row-set rules, the factor rules (at most
 * {@code maxFactorLevels} levels, and few relative to the rows), at least {@code minCellCount} rows at every level and
 * labels no longer than {@code maxStringLength}; the coordinator takes the union in R's order (a level missing at a
 * site is simply a level with no rows there) and moves the requested reference first. Every later step builds the
 * site's design from the formula and the agreed levels ({@link #matrix}), checking first, under the same rules, that
 * the agreed levels include the site's own, so no request learns whether a level exists beyond what step
 * {@value #LEVELS_STEP} would release; then every design column with two values passes the small-cell rule. The level
 * labels come from the sites' data, never from the requester.
 *
 * <p>Arguments: {@code formula} (R syntax), and for the design steps {@code levels} (variable label → agreed levels).
 */
public final class FormulaReleases {
    /** The step that releases a site's factor levels, served by every site step that takes formulas. */
    public static final String LEVELS_STEP = "levels";

    private FormulaReleases() {
    }

    /** The site's side of {@value #LEVELS_STEP}: each factor's levels at the site, once the rules pass. */
    public static Aggregates levels(ReleaseGuard guard, Table data, Map<String, Object> arguments) {
        Formula formula = formula(arguments);
        Aggregates.Builder release = Aggregates.builder();
        for (ModelFrame.FactorLevels factor : checkedLevels(guard, data, formula, null)) {
            release.putLabels("levels:" + factor.variable(), factor.levels());
            release.put("numeric:" + factor.variable(), factor.numeric() ? 1 : 0);
        }
        return release.build();
    }

    /**
     * The site's design for the formula and the agreed levels, after its own levels pass the rules of
     * {@value #LEVELS_STEP}, the rows the row-set rules, the model's size the parameter rule, and every two-valued
     * design column and response the minimum cell count.
     */
    public static ModelMatrix matrix(ReleaseGuard guard, Table data, Map<String, Object> arguments, String eventValue) {
        return matrix(guard, data, arguments, eventValue, List.of());
    }

    /**
     * The same, over the rows complete also in {@code alsoComplete} (columns the step reads besides the formula's:
     * a treatment, an outcome), each of which must exist and be numeric.
     */
    public static ModelMatrix matrix(ReleaseGuard guard, Table data, Map<String, Object> arguments, String eventValue,
            List<String> alsoComplete) {
        Formula formula = formula(arguments);
        Map<String, List<String>> agreed = levelsArgument(arguments);
        for (String column : alsoComplete) {
            if (!data.hasColumn(column) || !data.columnType(column).isNumeric()) {
                throw new IllegalArgumentException("column '" + column + "' is missing or not numeric");
            }
        }
        FormulaDesigns.Prepared prepared = FormulaDesigns.get(data, formula, agreed, eventValue, alsoComplete,
                () -> prepare(data, formula, agreed, eventValue, alsoComplete));
        // every round checks the (kept) rows again, so a request is refused exactly when it would be without the cache
        checkLevels(guard, prepared.factors());
        if (prepared.failure() != null) {
            throw prepared.failure();
        }
        ModelMatrix matrix = prepared.matrix();
        guard.rows("the rows of the model", matrix.rowSet());
        guard.parameters("the model", matrix.columns(), matrix.rows());
        for (int j = 0; j < matrix.columns(); j++) {
            guard.binary("design column '" + matrix.columnNames().get(j) + "'", matrix.column(j));
        }
        if (matrix.y() != null) {
            guard.binary("the response", matrix.y());
        }
        return matrix;
    }

    /**
     * The site's factor levels and its design, or the reason the design cannot be built (kept, and thrown only after
     * the level checks, so that it says nothing a refusal would have hidden).
     */
    private static FormulaDesigns.Prepared prepare(Table data, Formula formula, Map<String, List<String>> agreed,
            String eventValue, List<String> alsoComplete) {
        List<ModelFrame.FactorLevels> factors = siteLevels(data, formula, eventValue);
        try {
            return new FormulaDesigns.Prepared(factors, ModelFrame.build(data, formula, new ModelFrame.Options("formula",
                    null, agreed, eventValue, false), alsoComplete), null);
        } catch (InvalidParameterException e) {
            return new FormulaDesigns.Prepared(factors, null,
                    new IllegalArgumentException(e.getMessage().replaceFirst("^parameter", "argument"), e));
        } catch (IllegalArgumentException e) {
            return new FormulaDesigns.Prepared(factors, null, e);
        }
    }

    private static List<ModelFrame.FactorLevels> checkedLevels(ReleaseGuard guard, Table data, Formula formula,
            String eventValue) {
        List<ModelFrame.FactorLevels> factors = siteLevels(data, formula, eventValue);
        checkLevels(guard, factors);
        return factors;
    }

    /** Each factor's levels and counts in the site's complete cases; an unknown column is a bad argument. */
    private static List<ModelFrame.FactorLevels> siteLevels(Table data, Formula formula, String eventValue) {
        for (String column : formula.columns()) {
            if (!data.hasColumn(column)) {
                throw new IllegalArgumentException("argument 'formula': "
                        + io.daybreak.stats.models.columns.NumericColumns.noColumn(column));
            }
        }
        try {
            return ModelFrame.factorLevels(data, formula, new ModelFrame.Options("formula", null, null, eventValue,
                    false));
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^parameter", "argument"), e);
        }
    }

    /** The factor rules, the cell-count rule on every level and the label rules, before anything about levels leaves. */
    private static void checkLevels(ReleaseGuard guard, List<ModelFrame.FactorLevels> factors) {
        for (ModelFrame.FactorLevels factor : factors) {
            long rows = java.util.Arrays.stream(factor.counts()).sum();
            guard.factor(factor.variable(), factor.levels().size(), rows);
            guard.counts("the levels of " + factor.variable(), factor.counts());
            if (!factor.numeric()) {
                guard.labels(factor.variable(), factor.levels());
            }
        }
    }

    /**
     * The coordinator's side: asks the sites for their levels through {@code method}'s site step and agrees one set
     * per factor (the union in R's order), with the reference levels asked for first.
     */
    public static Map<String, List<String>> agree(Sites sites, String method, Formula formula,
            Map<String, String> references) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("formula", formula.toString());
        Map<String, Aggregates> replies = sites.call(method, LEVELS_STEP, arguments);
        Map<String, Set<String>> union = new LinkedHashMap<>();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (String site : sites.names()) {
            Aggregates reply = replies.get(site);
            for (String name : reply.names()) {
                if (name.startsWith("levels:")) {
                    String variable = name.substring("levels:".length());
                    union.computeIfAbsent(variable, v -> new HashSet<>()).addAll(reply.labels(name));
                    numeric.merge(variable, reply.scalar("numeric:" + variable) == 1, Boolean::logicalAnd);
                }
            }
        }
        Map<String, List<String>> agreed = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> variable : union.entrySet()) {
            List<String> levels = ModelFrame.sortLevels(variable.getValue(), numeric.get(variable.getKey()));
            String column = formula.terms().stream().flatMap(t -> t.variables().stream())
                    .filter(v -> v.label().equals(variable.getKey())).map(v -> v.column()).findFirst().orElse(null);
            String reference = references.get(column);
            if (reference != null) {
                if (!levels.contains(reference)) {
                    throw new InvalidParameterException("parameter 'ref': " + variable.getKey() + " has no level '"
                            + reference + "' at any site; its levels are " + String.join(", ", levels));
                }
                levels.remove(reference);
                levels.add(0, reference);
            }
            agreed.put(variable.getKey(), levels);
        }
        return agreed;
    }

    /** The arguments of a design step: the formula and the agreed levels. */
    public static Map<String, Object> arguments(Formula formula, Map<String, List<String>> levels) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("formula", formula.toString());
        Map<String, Object> levelArgument = new LinkedHashMap<>();
        levels.forEach((variable, list) -> levelArgument.put(variable, new ArrayList<Object>(list)));
        arguments.put("levels", levelArgument);
        return arguments;
    }

    /**
     * The design and response of a regression formula with its agreed levels ({@link #matrix}); without an offset
     * unless {@code offsetAllowed}.
     */
    public static io.daybreak.stats.models.glm.DesignMatrix design(ReleaseGuard guard, Table data,
            Map<String, Object> arguments, boolean offsetAllowed) {
        ModelMatrix matrix = matrix(guard, data, arguments, null);
        if (matrix.y() == null || !offsetAllowed && matrix.offset() != null) {
            throw new IllegalArgumentException("argument 'formula' needs a response" + (offsetAllowed ? ""
                    : " and takes no offset()"));
        }
        return io.daybreak.stats.models.glm.DesignMatrix.of(matrix);
    }

    /**
     * Whether a variable may be computed at a site: transformations that let one patient's value dominate a sum (exp,
     * powers above 3, negative powers, which a requester could use to read the largest or smallest value of a column
     * from a sum of the design's products) are refused; log, sqrt and squares and cubes are kept.
     */
    private static void checkTransforms(Formula formula) {
        List<Variable> variables = new ArrayList<>(formula.offsets());
        formula.terms().forEach(term -> variables.addAll(term.variables()));
        for (Variable variable : variables) {
            boolean dominating = variable.function() == Variable.Function.EXP
                    || variable.function() == Variable.Function.POWER
                    && !(variable.power() == 0.5 || variable.power() == 2 || variable.power() == 3);
            if (dominating) {
                throw new IllegalArgumentException("argument 'formula': " + variable.label() + " is not computed at "
                        + "this site (exp() and powers other than 0.5, 2 and 3 let single values dominate the sums)");
            }
        }
    }

    private static Formula formula(Map<String, Object> arguments) {
        String text = Arguments.string(arguments, "formula");
        if (text.length() > 2000) {
            throw new IllegalArgumentException("argument 'formula' is longer than 2000 characters");
        }
        try {
            Formula formula = Formula.parse("formula", text);
            if (formula.columns().size() > Arguments.MAX_COLUMNS) {
                throw new IllegalArgumentException("argument 'formula' names more columns than the limit of "
                        + Arguments.MAX_COLUMNS);
            }
            checkTransforms(formula);
            return formula;
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^parameter", "argument"), e);
        }
    }

    private static Map<String, List<String>> levelsArgument(Map<String, Object> arguments) {
        Object value = arguments.getOrDefault("levels", Map.of());
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("argument 'levels' must map each factor to its list of levels");
        }
        Map<String, List<String>> levels = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String variable) || !(entry.getValue() instanceof List<?> list)
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException("argument 'levels' must map each factor to its list of levels");
            }
            total += list.size();
            levels.put(variable, list.stream().map(String.class::cast).toList());
        }
        if (total > Arguments.MAX_COLUMNS * 10L) {
            throw new IllegalArgumentException("argument 'levels' holds more levels than this site's limit of "
                    + Arguments.MAX_COLUMNS * 10L);
        }
        return levels;
    }
}
