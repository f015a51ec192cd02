package io.daybreak.stats.models.formula;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.daybreak.core.method.InvalidParameterException;

/**
 * Recursive-descent parser of {@link Formula}: {@code sum := ['-'] product (('+' | '-') product)*},
 * {@code product := interaction ('*' interaction)*}, {@code interaction := power (':' power)*},
 * {@code power := atom ['^' integer]}, {@code atom := '(' sum ')' | call | name}; the constants 0 and 1, and
 * {@code strata()} and {@code offset()}, only as whole terms of the formula's right-hand side.
 */
final class FormulaParser {
    private static final String FUNCTIONS = "factor(x), log(x), log2(x), log10(x), log1p(x), sqrt(x), exp(x), I(x^k), "
            + "strata(x), cluster(x), offset(x)";

    private enum Kind { NAME, NUMBER, STRING, SYMBOL, END }

    private record Token(Kind kind, String text, int position) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String shown() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    private final String parameter;
    private final String text;
    private final List<Token> tokens;
    private int at;
    /** Variables in the order of their first appearance: the order of variables within a term. */
    private final List<Variable> appearance = new ArrayList<>();
    private boolean intercept = true;
    private final List<Variable> offsets = new ArrayList<>();
    private final List<String> strata = new ArrayList<>();
    private String cluster;

    FormulaParser(String parameter, String text) {
        this.parameter = parameter;
        this.text = text;
        this.tokens = tokenize();
    }

    Formula formula() {
        Response response = null;
        if (!peek().is("~")) {
            response = response();
        }
        expect("~");
        List<Set<Variable>> terms = sum(true);
        if (peek().kind != Kind.END) {
            throw error(peek(), "expected '+', '-', '*', ':' or the end");
        }
        List<Term> ordered = new ArrayList<>();
        for (Set<Variable> term : terms) {
            List<Variable> variables = new ArrayList<>(term);
            variables.sort(Comparator.comparingInt(appearance::indexOf));
            ordered.add(new Term(variables));
        }
        ordered.sort(Comparator.comparingInt(Term::order)); // stable: as written within an order
        return new Formula(response, ordered, intercept, offsets, strata, cluster);
    }

    private Response response() {
        Token start = peek();
        if (start.kind == Kind.NAME && start.text.equals("Surv") && tokens.get(at + 1).is("(")) {
            at += 2;
            String time = name("the time column");
            expect(",");
            String eventValue = null;
            boolean complement = peek().kind == Kind.NUMBER && peek().text.matches("1(\\.0*)?")
                    && tokens.get(at + 1).is("-");
            if (complement) {
                // Surv(AVAL, 1 - CNSR): ADaM's censoring flag (0 = event) turned into R's status; read as CNSR == 0
                at += 2;
            }
            String status = name("the status column");
            if (complement) {
                eventValue = "0";
            } else if (peek().is("==")) {
                at++;
                Token value = next();
                if (value.kind == Kind.NAME && !value.text.equals("TRUE") || value.kind == Kind.SYMBOL
                        || value.kind == Kind.END) {
                    throw error(value, "expected the event value (a number, \"text\" or TRUE)");
                }
                eventValue = value.text;
            }
            expect(")");
            return new Response(null, time, status, eventValue);
        }
        Object value = atom();
        if (value == null) {
            throw error(start, "expected the response: a column, a transformation of one, or Surv(time, status)");
        }
        return new Response(variable(value), null, null, null);
    }

    /** A sum of terms; at the top, also the intercept, offsets and strata. */
    private List<Set<Variable>> sum(boolean top) {
        List<Set<Variable>> terms = new ArrayList<>();
        boolean minus = false;
        if (peek().is("-")) {
            at++;
            minus = true;
        }
        while (true) {
            Token start = peek();
            if (start.kind == Kind.NUMBER) {
                at++;
                if (!top || !(start.text.equals("0") || start.text.equals("1"))) {
                    throw error(start, "a number in a formula can only be 0 or 1 (the intercept)");
                }
                intercept = start.text.equals("1") != minus;
            } else if (!(top && special(start, minus))) { // special() consumed strata() or offset()
                for (Set<Variable> term : product()) {
                    terms.remove(term);
                    if (!minus) {
                        terms.add(term);
                    }
                }
            }
            if (peek().is("+") || peek().is("-")) {
                minus = next().is("-");
            } else {
                return terms;
            }
        }
    }

    /** {@code strata(…)} or {@code offset(…)}: consumed and recorded if the next tokens are one. */
    private boolean special(Token start, boolean minus) {
        if (start.kind != Kind.NAME || !tokens.get(at + 1).is("(")
                || !(start.text.equals("strata") || start.text.equals("offset") || start.text.equals("cluster"))) {
            return false;
        }
        if (minus) {
            throw error(start, start.text + "() cannot be removed with '-'");
        }
        at += 2;
        if (start.text.equals("cluster")) {
            if (cluster != null) {
                throw error(start, "one cluster() column at most");
            }
            cluster = name("a cluster column");
        } else if (start.text.equals("strata")) {
            strata.add(name("a strata column"));
            while (peek().is(",")) {
                at++;
                strata.add(name("a strata column"));
            }
        } else {
            Variable offset = variable(atom());
            if (offset.isFactor() || offset.function() == Variable.Function.POWER) {
                throw error(start, "offset() takes a column or a transformation of one, e.g. offset(log(t))");
            }
            offsets.add(offset);
        }
        expect(")");
        return true;
    }

    private List<Set<Variable>> product() {
        List<Set<Variable>> result = interaction();
        while (peek().is("*")) {
            at++;
            result = cross(result, interaction(), true);
        }
        return result;
    }

    private List<Set<Variable>> interaction() {
        List<Set<Variable>> result = power();
        while (peek().is(":")) {
            at++;
            result = cross(result, power(), false);
        }
        return result;
    }

    private List<Set<Variable>> power() {
        List<Set<Variable>> base = atomTerms();
        if (!peek().is("^")) {
            return base;
        }
        at++;
        Token exponent = next();
        if (exponent.kind != Kind.NUMBER || !exponent.text.matches("[1-9][0-9]*")) {
            throw error(exponent, "expected a whole number of at least 1 after '^'");
        }
        List<Set<Variable>> result = base;
        for (int k = 1; k < Integer.parseInt(exponent.text); k++) {
            result = cross(result, base, true);
        }
        return result;
    }

    /** a * b (with main effects: a + b + a:b) or a:b (the interactions alone). */
    private static List<Set<Variable>> cross(List<Set<Variable>> left, List<Set<Variable>> right, boolean mainEffects) {
        List<Set<Variable>> result = new ArrayList<>();
        if (mainEffects) {
            addAll(result, left);
            addAll(result, right);
        }
        for (Set<Variable> a : left) {
            for (Set<Variable> b : right) {
                Set<Variable> both = new LinkedHashSet<>(a);
                both.addAll(b);
                addAll(result, List.of(both));
            }
        }
        return result;
    }

    private static void addAll(List<Set<Variable>> result, List<Set<Variable>> terms) {
        for (Set<Variable> term : terms) {
            if (!result.contains(term)) {
                result.add(term);
            }
        }
    }

    private List<Set<Variable>> atomTerms() {
        if (peek().is("(")) {
            at++;
            List<Set<Variable>> inner = sum(false);
            expect(")");
            return inner;
        }
        Token start = peek();
        Object atom = atom();
        if (atom == null) {
            throw error(start, start.kind == Kind.NUMBER
                    ? "0 and 1 (the intercept) must stand alone, e.g. y ~ x - 1"
                    : "strata(), cluster() and offset() must stand alone as terms");
        }
        Set<Variable> term = new LinkedHashSet<>();
        term.add(variable(atom));
        return new ArrayList<>(List.of(term));
    }

    /** A name or a call making one variable; null for something that is not a variable. */
    private Object atom() {
        Token start = next();
        if (start.kind != Kind.NAME) {
            if (start.kind == Kind.NUMBER) {
                return null;
            }
            throw error(start, "expected a column name or one of " + FUNCTIONS);
        }
        if (!peek().is("(")) {
            return remember(Variable.of(start.text));
        }
        String function = start.text;
        if (function.equals("strata") || function.equals("offset") || function.equals("cluster")) {
            return null;
        }
        at++;
        Variable variable;
        if (function.equals("factor") || function.equals("as.factor")) {
            variable = new Variable(name("a column"), Variable.Function.FACTOR, 1);
        } else if (function.equals("I")) {
            String column = name("a column");
            expect("^");
            boolean negative = peek().is("-");
            if (negative) {
                at++;
            }
            Token power = next();
            if (power.kind != Kind.NUMBER) {
                throw error(power, "expected a number: I() takes a power of a column, e.g. I(age^2)");
            }
            double exponent = Double.parseDouble(power.text);
            variable = new Variable(column, Variable.Function.POWER, negative ? -exponent : exponent);
        } else {
            Variable.Function transformation = Variable.Function.transformation(function);
            if (transformation == null) {
                throw error(start, "unknown function '" + function + "'; a formula takes " + FUNCTIONS
                        + (function.equals("Surv") ? " (Surv() only on the left of ~)" : ""));
            }
            variable = new Variable(name("a column"), transformation, 1);
        }
        expect(")");
        return remember(variable);
    }

    private Variable remember(Variable variable) {
        if (!appearance.contains(variable)) {
            appearance.add(variable);
        }
        return variable;
    }

    private static Variable variable(Object atom) {
        return (Variable) atom;
    }

    private String name(String what) {
        Token token = next();
        if (token.kind != Kind.NAME) {
            throw error(token, "expected " + what);
        }
        return token.text;
    }

    private void expect(String symbol) {
        Token token = next();
        if (!token.is(symbol)) {
            throw error(token, "expected '" + symbol + "'");
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind != Kind.END) {
            at++;
        }
        return token;
    }

    private InvalidParameterException error(Token token, String expected) {
        return new InvalidParameterException("parameter '" + parameter + "': " + expected + ", found " + token.shown()
                + " at character " + (token.position + 1) + " of '" + text + "'");
    }

    private List<Token> tokenize() {
        List<Token> list = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '.' && !(i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '_')) {
                    i++;
                }
                list.add(new Token(Kind.NAME, text.substring(start, i), start));
            } else if (Character.isDigit(c) || c == '.') {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == 'e' || text.charAt(i) == 'E'
                        || (text.charAt(i) == '-' || text.charAt(i) == '+') && (text.charAt(i - 1) == 'e'
                                || text.charAt(i - 1) == 'E'))) {
                    i++;
                }
                String number = text.substring(start, i);
                try {
                    Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw error(new Token(Kind.NUMBER, number, start), "not a number");
                }
                list.add(new Token(Kind.NUMBER, number, start));
            } else if (c == '`' || c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw error(new Token(Kind.END, "", text.length()), "expected the closing " + c);
                }
                list.add(new Token(c == '`' ? Kind.NAME : Kind.STRING, text.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                list.add(new Token(Kind.SYMBOL, "==", i));
                i += 2;
            } else if ("~+-*:()^,".indexOf(c) >= 0) {
                list.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw error(new Token(Kind.SYMBOL, String.valueOf(c), i), "a formula takes names, numbers and "
                        + "~ + - * : ( ) ^ , ==");
            }
        }
        list.add(new Token(Kind.END, "", text.length()));
        return list;
    }
}
