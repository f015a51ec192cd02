package io.daybreak.methods.stats.table;

import java.util.Comparator;

/** The order of factor levels: numeric levels by value, text levels by their characters (as R in the C locale). */
final class LevelOrder {
    private LevelOrder() {
    }

    static Comparator<String> of(boolean numeric) {
        return numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    }
}
