package io.daybreak.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.registry.UnknownMethodException;

class SuggestionsTest {
    private static final List<String> COMMANDS = List.of("methods", "describe", "run", "compare", "run-study", "jobs",
            "cancel", "pki", "node", "fed", "fed-datasets", "audit", "report", "eca", "help");
    private static final List<String> METHODS = List.of("design.3plus3", "design.boin", "design.boin12",
            "design.boin-boundaries", "design.bop2", "design.crm", "stats.cox", "stats.km", "stats.glm");

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndAdjacentTranspositions() {
        assertEquals(0, Suggestions.distance("run", "run"));
        assertEquals(1, Suggestions.distance("rnu", "run"), "a transposition is one edit");
        assertEquals(1, Suggestions.distance("targt", "target"));
        assertEquals(1, Suggestions.distance("cancle", "cancel"));
        assertEquals(3, Suggestions.distance("ca", "abc"), "optimal string alignment edits a transposed pair no further "
                + "(unrestricted Damerau-Levenshtein would give 2)");
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(5, Suggestions.distance("", "hello"));
    }

    @Test
    void suggestsTheClosestNameOfTypicalTypos() {
        assertEquals(List.of("run"), Suggestions.closest("rnu", COMMANDS));
        assertEquals(List.of("describe"), Suggestions.closest("descirbe", COMMANDS));
        assertEquals(List.of("fed-datasets"), Suggestions.closest("fed-dataset", COMMANDS));
        assertEquals(List.of("design.boin"), Suggestions.closest("design.bion", METHODS));
        assertEquals(List.of("target"), Suggestions.closest("targt", List.of("target", "ncohort", "cohortsize")));
        assertEquals(List.of("AVAL"), Suggestions.closest("aval", List.of("AVAL", "USUBJID")), "case is ignored");
    }

    @Test
    void aDottedIdIsFoundByItsLastPart() {
        assertEquals(List.of("design.boin"), Suggestions.closest("boin", METHODS));
        assertEquals(List.of("stats.km"), Suggestions.closest("km", METHODS));
    }

    @Test
    void nothingIsSuggestedWhenTheNameIsFarRelativeToItsLength() {
        assertEquals(List.of(), Suggestions.closest("xyz", COMMANDS));
        assertEquals(List.of(), Suggestions.closest("frobnicate", COMMANDS));
        assertEquals(List.of(), Suggestions.closest("tumour", List.of("time", "status", "age")));
        assertEquals(List.of(), Suggestions.closest("", COMMANDS));
        assertEquals("", Suggestions.didYouMean("zzzz", COMMANDS));
    }

    @Test
    void tiesAreAllSuggestedInOrder() {
        assertEquals("did you mean 'bat' or 'car'?", Suggestions.didYouMean("cat", List.of("dog", "car", "bat")));
        assertEquals("did you mean 'run'?", Suggestions.didYouMean("rnu", COMMANDS));
    }

    @Test
    void unknownMethodSuggestsInsteadOfListingEverythingWhenItLooksLikeATypo() {
        assertEquals("unknown method 'design.bion'; did you mean 'design.boin'? ('methods' lists them all)",
                new UnknownMethodException("design.bion", METHODS).getMessage());
        assertEquals("unknown method 'nothing.like'; available: a.b, c.d",
                new UnknownMethodException("nothing.like", List.of("a.b", "c.d")).getMessage());
    }
}
