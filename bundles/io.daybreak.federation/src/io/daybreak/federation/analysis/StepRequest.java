package io.daybreak.federation.analysis;

import java.util.List;

/**
 * What a coordinator sends a site for round {@code round} of an analysis: the specification, and the signed releases
 * of every earlier round (round r's releases in {@code transcript.get(r)}), from which the site computes the point it
 * evaluates at itself. {@code expectedArgumentsSha256} is the digest of the arguments the coordinator computed for
 * this round; a site whose own computation differs refuses (the two run different code, or the coordinator is
 * trying to steer the evaluation), so no coordinator can make a site evaluate anywhere else.
 */
public record StepRequest(AnalysisSpec spec, int round, List<List<SignedRelease>> transcript,
        String expectedArgumentsSha256) {
    /** Rounds an analysis may have (Newton and IRLS need tens; the limit bounds a node's work per request). */
    public static final int MAX_ROUNDS = 1000;

    public StepRequest {
        transcript = transcript.stream().map(List::copyOf).toList();
    }
}
