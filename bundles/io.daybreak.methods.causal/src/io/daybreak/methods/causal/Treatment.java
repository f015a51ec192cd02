package io.daybreak.methods.causal;

import io.daybreak.core.method.Setting;

/**
 * Settings group: the treatment column and the value that means treated, shared by the local causal methods and
 * by {@code causal.iptw} (which names its control value too and adjusts the documentation).
 */
public record Treatment(
        @Setting(doc = "column of the treatment: two values, one of them 'treatedValue'")
        String treatment,
        @Setting(defaultValue = "1", doc = "the treatment column's value that means treated (the other value: control)")
        double treatedValue) {
}
