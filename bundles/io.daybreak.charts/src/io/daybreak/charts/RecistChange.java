package io.daybreak.charts;

/**
 * The RECIST 1.1 thresholds on the change of the sum of target-lesion diameters from baseline, as waterfall and
 * spider plots colour it: complete disappearance (-100%), a decrease of at least 30%, an increase of at least 20%,
 * anything between. A category of one measurement, not a response assessment: RECIST's best overall response also
 * needs confirmation, the 5 mm absolute increase for progression, new and non-target lesions.
 */
public enum RecistChange {
    COMPLETE("-100%", "#1b5e20"),
    PARTIAL("decrease of 30% or more", "#59a14f"),
    STABLE("between", "#9c9c9c"),
    PROGRESSION("increase of 20% or more", "#e15759");

    /** A decrease by at least this much (in %) is a partial response's size. */
    public static final double PARTIAL_THRESHOLD = -30;
    /** An increase by at least this much (in %) is progression's size. */
    public static final double PROGRESSION_THRESHOLD = 20;

    private final String meaning;
    private final String colour;

    RecistChange(String meaning, String colour) {
        this.meaning = meaning;
        this.colour = colour;
    }

    /** The category of a change from baseline in percent. */
    public static RecistChange of(double percent) {
        if (percent <= -100) {
            return COMPLETE;
        }
        if (percent <= PARTIAL_THRESHOLD) {
            return PARTIAL;
        }
        return percent >= PROGRESSION_THRESHOLD ? PROGRESSION : STABLE;
    }

    /** What the category means, for a legend. */
    public String meaning() {
        return meaning;
    }

    /** Its colour as #rrggbb. */
    public String colour() {
        return colour;
    }
}
