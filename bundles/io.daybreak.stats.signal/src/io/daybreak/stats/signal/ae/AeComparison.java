package io.daybreak.stats.signal.ae;

/**
 * One row of the adverse-event table: one event in one arm against the control arm (the contract of the
 * {@code signal.ae-compare} table "ae"). Incidences are proportions; EAIRs are patients with the event per 100
 * patient-years; {@code bbProbRaised} is the Berry &amp; Berry posterior P(θ &gt; 0) (NaN when not computed).
 */
public record AeComparison(String bodySystem, String term, String arm, String controlArm,
        long nArm, long atRiskArm, double incidenceArm, long nControl, long atRiskControl, double incidenceControl,
        double riskDifference, double rdLower, double rdUpper, double riskRatio, double rrLower, double rrUpper,
        double eairArm, double eairControl, double fisherP, double bhP, double doubleFdrP, double bbProbRaised) {
}
