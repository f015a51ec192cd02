package io.daybreak.charts;

/** A labelled position on an axis, in data units. */
public record Tick(double value, String label) {
}
