package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.glm.DesignMatrix;

/**
 * The complete cases and design matrices of the latest models a site step was asked for, so that the rounds of one
 * fit read and copy the site's columns once instead of once per round (at a million rows, building the design was
 * most of a round). Keyed by the table (its identity: a node's datasets do not change while it runs) and the
 * model's columns; at most {@value #KEPT} are kept per table, the least recently used dropped, and those of a closed
 * table go. Per table, because one site step serves every node in its JVM and every dataset of a node: a single
 * limit for all of them made the sites of one analysis evict each other's designs every round. Nothing leaves
 * through it: every round still passes the release guard's checks on the cached rows. Thread-safe.
 */
final class PreparedDesigns {
    static final int KEPT = 2;

    /** The rows a model reads and its design (intercept included). */
    record Prepared(NumericColumns rows, DesignMatrix design) {
    }

    private record Key(Table table, String response, List<String> covariates) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.table == table && key.response.equals(response)
                    && key.covariates.equals(covariates);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + response.hashCode() * 17 + covariates.hashCode();
        }
    }

    /** In access order: the least recently used first. */
    private final Map<Key, Prepared> recent = new LinkedHashMap<>(8, 0.75f, true);

    /** The prepared model, made by {@code prepare} (which may throw, and then nothing is kept) if not kept. */
    Prepared get(Table table, String response, List<String> covariates, Supplier<Prepared> prepare) {
        Key key = new Key(table, response, List.copyOf(covariates));
        synchronized (recent) {
            Prepared kept = recent.get(key);
            if (kept != null && !table.isClosed()) {
                return kept;
            }
        }
        Prepared made = prepare.get();
        synchronized (recent) {
            recent.keySet().removeIf(kept -> kept.table.isClosed());
            recent.put(key, made);
            List<Key> ofTable = recent.keySet().stream().filter(kept -> kept.table == table).toList();
            ofTable.subList(0, Math.max(0, ofTable.size() - KEPT)).forEach(recent::remove);
        }
        return made;
    }
}
