package io.daybreak.methods.design.boin12;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.methods.design.backfill.EfficacyTrial;

/**
 * A BOIN12 trial as {@link io.daybreak.methods.design.backfill.BackfillSimulation} drives it: cohorts are recorded from
 * their DLTs and responses, backfill patients are pooled into the counts of their dose (BOIN12's decisions and OBD
 * selection then use them). Toxicity and efficacy of escalation patients come from the same streams, in the same
 * order, as in design.boin12, and ties from r + TIE_STREAMS.
 */
final class Boin12Backfill implements EfficacyTrial {
    private final Boin12Trial trial;
    private final int cohortSize;
    private UniformRandomProvider ties;
    private int responses;
    private int respondersWithDlt;

    Boin12Backfill(Boin12Rules rules) {
        this.trial = new Boin12Trial(rules);
        this.cohortSize = rules.cohortSize();
    }

    @Override
    public void tieBreaks(UniformRandomProvider stream) {
        this.ties = stream;
    }

    @Override
    public void cohortResponses(int cohortResponses, int cohortRespondersWithDlt) {
        this.responses = cohortResponses;
        this.respondersWithDlt = cohortRespondersWithDlt;
    }

    @Override
    public void record(int cohortDlts) {
        int efficacyOnly = responses - respondersWithDlt;
        trial.record(efficacyOnly, respondersWithDlt, cohortDlts - respondersWithDlt,
                cohortSize - cohortDlts - efficacyOnly, ties::nextDouble);
        responses = 0;
        respondersWithDlt = 0;
    }

    @Override
    public void recordBackfill(int dose, int patients, int dlts, int backfillResponses, int backfillBoth) {
        int efficacyOnly = backfillResponses - backfillBoth;
        trial.addBackfill(dose, efficacyOnly, backfillBoth, dlts - backfillBoth, patients - dlts - efficacyOnly);
    }

    @Override
    public void recordBackfill(int dose, int patients, int dlts) {
        throw new UnsupportedOperationException("BOIN12 pools backfill patients with their responses");
    }

    @Override
    public boolean finished() {
        return trial.finished();
    }

    @Override
    public int nextDose() {
        return trial.nextDose();
    }

    @Override
    public int nextCohortSize() {
        return cohortSize;
    }

    @Override
    public int selectedDose() {
        return trial.selectedDose();
    }

    @Override
    public int[] patients() {
        return trial.patients;
    }

    @Override
    public int[] dlts() {
        return trial.toxicities;
    }

    @Override
    public Boin12Backfill copy() {
        throw new UnsupportedOperationException("BOIN12 trials with backfill are not copied");
    }
}
