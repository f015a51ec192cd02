package io.daybreak.stats.models.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A model formula in R's syntax, the subset regression methods need: {@code y ~ a + b},
 * {@code Surv(time, status) ~ …}, {@code factor(x)}, {@code a:b}, {@code a*b}, {@code (a + b)^2}, {@code - term},
 * {@code - 1} or {@code + 0} (no intercept), {@code strata(x)} and {@code cluster(x)} (Cox), {@code offset(log(t))}
 * (Poisson),
 * transformations {@code log}, {@code log2}, {@code log10}, {@code log1p}, {@code sqrt}, {@code exp} and powers
 * {@code I(x^2)}; names with other characters in backquotes. Terms are ordered as R orders them: by the number of
 * variables, then as written.
 *
 * @param response  the left-hand side, or null for a one-sided formula ({@code ~ age + sex})
 * @param terms     the terms, in R's order, without intercept, offsets and strata
 * @param intercept whether the model has an intercept
 * @param offsets   the {@code offset()} variables (summed)
 * @param strata    the columns named in {@code strata()}
 * @param cluster   the column named in {@code cluster()} (Cox: robust variance summed by cluster), or null
 */
public record Formula(Response response, List<Term> terms, boolean intercept, List<Variable> offsets,
        List<String> strata, String cluster) {

    public Formula {
        terms = List.copyOf(terms);
        offsets = List.copyOf(offsets);
        strata = List.copyOf(strata);
    }

    /** A formula without cluster(). */
    public Formula(Response response, List<Term> terms, boolean intercept, List<Variable> offsets, List<String> strata) {
        this(response, terms, intercept, offsets, strata, null);
    }

    /**
     * Parses a formula.
     *
     * @throws io.daybreak.core.method.InvalidParameterException naming the parameter, the position and what was expected
     */
    public static Formula parse(String parameter, String text) {
        return new FormulaParser(parameter, text).formula();
    }

    /** The formula of a response (null: none) and numeric covariates, as the {@code covariates=} form names them. */
    public static Formula of(String response, List<String> covariates) {
        List<Term> terms = covariates.stream().map(c -> new Term(List.of(Variable.of(c)))).toList();
        return new Formula(response == null ? null : new Response(Variable.of(response), null, null, null), terms, true,
                List.of(), List.of());
    }

    /**
     * A {@code covariates} parameter as a one-sided formula: the right side of an R formula ({@code ~ age +
     * factor(ph.ecog)}) or comma-separated columns ({@code age,sex}, the same as {@code ~ age + sex}).
     *
     * @throws io.daybreak.core.method.InvalidParameterException naming the parameter, for a formula with a response
     */
    public static Formula covariates(String parameter, String text) {
        if (!text.strip().startsWith("~")) {
            return of(null, io.daybreak.stats.models.columns.NumericColumns.names(parameter, text));
        }
        return parse(parameter, text.strip());
    }

    /** The same formula with another response. */
    public Formula withResponse(Response other) {
        return new Formula(other, terms, intercept, offsets, strata, cluster);
    }

    /** The term labels, as R's {@code attr(terms(f), "term.labels")}. */
    public List<String> termLabels() {
        return terms.stream().map(Term::label).toList();
    }

    /** Every column the formula reads, each once, in the order of first use. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        if (response != null) {
            if (response.isSurvival()) {
                add(columns, response.time());
                add(columns, response.status());
            } else {
                add(columns, response.value().column());
            }
        }
        terms.forEach(t -> t.variables().forEach(v -> add(columns, v.column())));
        offsets.forEach(v -> add(columns, v.column()));
        strata.forEach(s -> add(columns, s));
        if (cluster != null) {
            add(columns, cluster);
        }
        return columns;
    }

    private static void add(List<String> columns, String column) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
    }

    /** A column name as R writes it in a formula: as it is if syntactic, else in backquotes. */
    public static String quoted(String column) {
        return column.matches("([A-Za-z]|\\.(?![0-9]))[A-Za-z0-9._]*") ? column : "`" + column + "`";
    }

    /** The formula written back in R's syntax. */
    @Override
    public String toString() {
        List<String> right = new ArrayList<>(termLabels());
        strata.forEach(s -> right.add("strata(" + quoted(s) + ")"));
        offsets.forEach(v -> right.add("offset(" + v.label() + ")"));
        if (cluster != null) {
            right.add("cluster(" + quoted(cluster) + ")");
        }
        String rhs = right.isEmpty() ? "1" : String.join(" + ", right);
        if (!intercept) {
            rhs += " - 1";
        }
        return (response == null ? "" : response.label() + " ") + "~ " + rhs;
    }

    /** Term labels joined for messages. */
    String describe() {
        return terms.stream().map(Term::label).collect(Collectors.joining(", "));
    }
}
