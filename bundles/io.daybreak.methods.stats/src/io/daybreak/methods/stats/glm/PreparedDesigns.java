package io.daybreak.methods.stats.glm;

import java.util.List;
import java.util.function.Supplier;

import io.daybreak.data.Table;
import io.daybreak.stats.federated.PerTableCache;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.glm.DesignMatrix;

/**
 * The complete cases and design matrices of the latest response-and-covariates models a site step was asked for
 * ({@link PerTableCache}, {@value #KEPT} per table), so that the rounds of one fit read and copy the site's columns
 * once instead of once per round (at a million rows, building the design was most of a round). Nothing leaves
 * through it: every round still passes the release guard's checks on the cached rows.
 */
final class PreparedDesigns {
    static final int KEPT = 2;

    /** The rows a model reads and its design (intercept included). */
    record Prepared(NumericColumns rows, DesignMatrix design) {
    }

    private record Key(String response, List<String> covariates) {
    }

    private final PerTableCache<Key, Prepared> recent = new PerTableCache<>(KEPT);

    /** The prepared model, made by {@code prepare} (which may throw, and then nothing is kept) if not kept. */
    Prepared get(Table table, String response, List<String> covariates, Supplier<Prepared> prepare) {
        return recent.get(table, new Key(response, List.copyOf(covariates)), prepare);
    }
}
