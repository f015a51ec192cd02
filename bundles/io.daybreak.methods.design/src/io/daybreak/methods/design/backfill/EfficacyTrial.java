package io.daybreak.methods.design.backfill;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.methods.design.oc.DoseFindingTrial;

/**
 * A dose-finding design that decides on responses as well as DLTs (BOIN12), as {@link BackfillSimulation} drives it:
 * before each {@link #record}, it is told the cohort's responses; backfill patients come with theirs.
 */
public interface EfficacyTrial extends DoseFindingTrial {
    /** The responses of the cohort that the next {@link #record} records, and how many of the responders had a DLT. */
    void cohortResponses(int responses, int respondersWithDlt);

    /** Adds backfill patients at {@code dose} with their DLTs and responses to the data, without a decision. */
    void recordBackfill(int dose, int patients, int dlts, int responses, int respondersWithDlt);

    /** The trial's stream for breaking ties (trial r: r + TIE_STREAMS), given once before the first cohort. */
    void tieBreaks(UniformRandomProvider ties);
}
