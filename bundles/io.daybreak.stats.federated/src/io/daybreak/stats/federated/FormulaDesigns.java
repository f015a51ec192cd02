package io.daybreak.stats.federated;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.daybreak.data.Table;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;

/**
 * The site's factor levels and designs of the latest formulas its steps were asked for ({@link PerTableCache}, two
 * per table), so that the rounds of one fit build a site's design once instead of once per round (at a million
 * rows, building it was most of a round). Keyed by the formula, the agreed levels, the event value and the extra
 * complete-case columns. Nothing leaves through it: {@link FormulaReleases#matrix} runs every release check on the
 * kept levels and rows in every round.
 */
final class FormulaDesigns {
    /** A site's levels of the formula's factors, and its design or why it cannot be built. */
    record Prepared(List<ModelFrame.FactorLevels> factors, ModelMatrix matrix, IllegalArgumentException failure) {
    }

    private record Key(String formula, Map<String, List<String>> levels, String eventValue, List<String> alsoComplete) {
    }

    private static final PerTableCache<Key, Prepared> RECENT = new PerTableCache<>(2);

    private FormulaDesigns() {
    }

    /** The prepared design, made by {@code prepare} (which may throw, and then nothing is kept) if not kept. */
    static Prepared get(Table table, Formula formula, Map<String, List<String>> levels, String eventValue,
            List<String> alsoComplete, Supplier<Prepared> prepare) {
        return RECENT.get(table, new Key(formula.toString(), Map.copyOf(levels), eventValue, List.copyOf(alsoComplete)),
                prepare);
    }
}
