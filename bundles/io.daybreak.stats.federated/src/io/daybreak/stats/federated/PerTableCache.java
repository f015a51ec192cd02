package io.daybreak.stats.federated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.daybreak.data.Table;

/**
 * What a site step computed from a table for the latest requests (designs, complete cases), so that the rounds of
 * one fit compute it once instead of once per round. Keyed by the table's identity (a node's datasets do not
 * change while it runs) and a value key; at most {@code kept} entries per table, the least recently used dropped,
 * and those of a closed table go. Per table, because one site step serves every node in its JVM and every dataset
 * of a node: one limit for all of them made the sites of one analysis evict each other's entries every round. A
 * cache, not a release: callers run every release check on what it returns. Thread-safe.
 *
 * @param <K> the key within a table (a record with value equality)
 * @param <V> what is kept
 */
public final class PerTableCache<K, V> {
    private record Key<K>(Table table, K key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key<?> that && that.table == table && that.key.equals(key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + key.hashCode();
        }
    }

    private final int kept;
    /** In access order: the least recently used first. */
    private final Map<Key<K>, V> recent = new LinkedHashMap<>(8, 0.75f, true);

    /** @param kept how many entries to keep per table */
    public PerTableCache(int kept) {
        this.kept = kept;
    }

    /** The value kept for the table and key, or {@code make}'s (which may throw, and then nothing is kept). */
    public V get(Table table, K key, Supplier<V> make) {
        Key<K> entry = new Key<>(table, key);
        synchronized (recent) {
            V value = recent.get(entry);
            if (value != null && !table.isClosed()) {
                return value;
            }
        }
        V made = make.get();
        synchronized (recent) {
            recent.keySet().removeIf(old -> old.table.isClosed());
            recent.put(entry, made);
            List<Key<K>> ofTable = recent.keySet().stream().filter(old -> old.table == table).toList();
            ofTable.subList(0, Math.max(0, ofTable.size() - kept)).forEach(recent::remove);
        }
        return made;
    }
}
