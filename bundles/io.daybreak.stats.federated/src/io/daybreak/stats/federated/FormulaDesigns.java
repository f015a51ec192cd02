package io.daybreak.stats.federated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.daybreak.data.Table;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;

/**
 * The site's factor levels and designs of the latest formulas its steps were asked for, so that the rounds of one
 * fit build a site's design once instead of once per round (at a million rows, building it was most of a round; the
 * response-and-covariates form has kept its designs since the exact GLM was federated). Keyed by the table (its
 * identity: a node's datasets do not change while it runs), the formula, the agreed levels, the event value and
 * the extra complete-case columns; at most {@value #KEPT} per table, the least recently used dropped, and those of a
 * closed table go. Nothing leaves through it: {@link FormulaReleases#matrix} runs every release check on the kept
 * levels and rows in every round. Thread-safe.
 */
final class FormulaDesigns {
    static final int KEPT = 2;

    /** A site's levels of the formula's factors, and its design or why it cannot be built. */
    record Prepared(List<ModelFrame.FactorLevels> factors, ModelMatrix matrix, IllegalArgumentException failure) {
    }

    private record Key(Table table, String formula, Map<String, List<String>> levels, String eventValue,
            List<String> alsoComplete) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.table == table && key.formula.equals(formula)
                    && key.levels.equals(levels) && java.util.Objects.equals(key.eventValue, eventValue)
                    && key.alsoComplete.equals(alsoComplete);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + java.util.Objects.hash(formula, levels, eventValue, alsoComplete);
        }
    }

    /** In access order: the least recently used first. */
    private static final Map<Key, Prepared> RECENT = new LinkedHashMap<>(8, 0.75f, true);

    private FormulaDesigns() {
    }

    /** The prepared design, made by {@code prepare} (which may throw, and then nothing is kept) if not kept. */
    static Prepared get(Table table, Formula formula, Map<String, List<String>> levels, String eventValue,
            List<String> alsoComplete, Supplier<Prepared> prepare) {
        Key key = new Key(table, formula.toString(), Map.copyOf(levels), eventValue, List.copyOf(alsoComplete));
        synchronized (RECENT) {
            Prepared kept = RECENT.get(key);
            if (kept != null && !table.isClosed()) {
                return kept;
            }
        }
        Prepared made = prepare.get();
        synchronized (RECENT) {
            RECENT.keySet().removeIf(kept -> kept.table.isClosed());
            RECENT.put(key, made);
            List<Key> ofTable = RECENT.keySet().stream().filter(kept -> kept.table == table).toList();
            ofTable.subList(0, Math.max(0, ofTable.size() - KEPT)).forEach(RECENT::remove);
        }
        return made;
    }
}
