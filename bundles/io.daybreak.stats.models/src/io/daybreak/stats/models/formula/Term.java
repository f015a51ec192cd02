package io.daybreak.stats.models.formula;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A term of a model formula: one variable ({@code age}) or an interaction of several ({@code sex:age}), the
 * variables in the order of their first appearance in the formula, as R orders them.
 */
public record Term(List<Variable> variables) {
    public Term {
        variables = List.copyOf(variables);
    }

    /** R's term label: the variables' labels joined by ':'. */
    public String label() {
        return variables.stream().map(Variable::label).collect(Collectors.joining(":"));
    }

    /** The number of variables (1 for a main effect). */
    public int order() {
        return variables.size();
    }

    @Override
    public String toString() {
        return label();
    }
}
