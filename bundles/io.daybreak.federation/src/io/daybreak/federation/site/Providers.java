package io.daybreak.federation.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed providers of one kind of code (site steps or federated methods) by method id, as bundles come and
 * go while requests are served. Thread-safe; a request takes the current provider once and keeps that object. When
 * two bundles provide the same id, the one installed first is used until it leaves, so an update that registers
 * the new version before the old one is withdrawn does not switch code under a running analysis more than once.
 */
final class Providers<T> {
    /** One installed provider and the SHA-256 of its bundle ("" when the node was given it directly). */
    record Installed<T>(String id, T provider, String bundleSha256) {
    }

    private final Map<String, List<Installed<T>>> byId = new ConcurrentHashMap<>();

    void add(String id, T provider, String bundleSha256) {
        byId.compute(id, (key, list) -> {
            List<Installed<T>> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.add(new Installed<>(id, provider, bundleSha256));
            return List.copyOf(next);
        });
    }

    /**
     * Removes this object (by identity: service objects need not implement equals) wherever it is installed.
     *
     * @return what was removed
     */
    List<Installed<T>> remove(T provider) {
        List<Installed<T>> removed = new ArrayList<>();
        for (String id : byId.keySet()) {
            byId.computeIfPresent(id, (key, list) -> {
                List<Installed<T>> next = new ArrayList<>();
                for (Installed<T> installed : list) {
                    (installed.provider() == provider ? removed : next).add(installed);
                }
                return next.isEmpty() ? null : List.copyOf(next);
            });
        }
        return removed;
    }

    /** The provider in use for this id, or null when none is installed. */
    T current(String id) {
        List<Installed<T>> list = byId.get(id);
        return list == null ? null : list.get(0).provider();
    }

    /** Whether this object is still installed (a request checks it when its code failed). */
    boolean contains(T provider) {
        return byId.values().stream().anyMatch(list -> list.stream().anyMatch(i -> i.provider() == provider));
    }

    Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }
}
