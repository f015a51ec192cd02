package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Setting;

/** Settings group: how many trials a simulator runs. */
public record Simulation(
        @Setting(min = 1, max = 1_000_000_000, defaultValue = "10000", doc = "simulated trials")
        long trials) {
}
