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
 * model's columns; at most {@value #KEPT} are kept, the least recently used dropped. Nothing leaves through it: every
 * round still passes the release guard's checks on the cached rows. Thread-safe.
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

    private final Map<Key, Prepared> recent = new LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Prepared> eldest) {
            return size() > KEPT;
        }
    };

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
            recent.put(key, made);
        }
        return made;
    }
}
