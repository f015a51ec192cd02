package io.daybreak.methods.causal;

/** The kind of outcome {@code causal.effect} and {@code causal.iptw} analyse (a settings choice). */
public enum OutcomeType {
    CONTINUOUS, BINARY, SURVIVAL
}
