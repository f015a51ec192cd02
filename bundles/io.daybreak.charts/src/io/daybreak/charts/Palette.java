package io.daybreak.charts;

/** The series colours of every Daybreak chart (Tableau 10: distinguishable, also in greyscale print). */
public final class Palette {
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};

    private Palette() {
    }

    /** The colour of series {@code index} as #rrggbb. */
    public static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }
}
