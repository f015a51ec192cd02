package io.daybreak.methods.design.crm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.methods.design.oc.DoseFindingSimulation;

/** The speed-ups of issue 19 item 6 change no result: the state cache and the pending-patient product. */
class CrmSpeedTest extends MethodTestSupport {

    /**
     * Trials sharing one state cache run exactly as trials that each compute every posterior (a trial never revisits
     * a state, so a cache of its own is never hit): same selected dose, patients and DLTs, trial by trial, with the
     * safety stop and the posterior-mean MTD on, so that every cached field is used.
     */
    @Test
    void sharedStateCacheChangesNoTrial() {
        double[] truth = {0.05, 0.12, 0.25, 0.40, 0.55, 0.70};
        CrmModel model = new CrmModel(CrmModel.Family.EMPIRIC, new double[] {0.06, 0.12, 0.2, 0.3, 0.4, 0.5}, 3);
        CrmPosterior posterior = new CrmPosterior(model, 1.34);
        CrmTrial.Settings shared = new CrmTrial.Settings(posterior, 0.3, 3, 10, 0, 0.8, true, true);
        TestMethodContext context = new TestMethodContext(allocator, 11);
        int stopped = 0;
        for (int r = 0; r < 1500; r++) {
            CrmTrial cached = new CrmTrial(shared);
            CrmTrial alone = new CrmTrial(new CrmTrial.Settings(posterior, 0.3, 3, 10, 0, 0.8, true, true));
            DoseFindingSimulation.run(cached, truth, context.random(r));
            DoseFindingSimulation.run(alone, truth, context.random(r));
            assertEquals(alone.selectedDose(), cached.selectedDose(), "trial " + r);
            assertArrayEquals(alone.patients(), cached.patients(), "trial " + r);
            assertArrayEquals(alone.dlts(), cached.dlts(), "trial " + r);
            stopped += cached.selectedDose() < 0 ? 1 : 0;
        }
        assertTrue(stopped > 0, "the safety stop should act in some trials");
        int states = shared.cache().size();
        assertTrue(states > 100 && states < 1500 * 10 / 2, states + " distinct states for 15,000 decisions");
    }

    /**
     * Many pending patients, weights from 1e-7 to 0.999, against R 4.2.2's integrate (rel.tol 1e-12;
     * docs/validation/r/decisiontable/tite_crm_pending.R and .out): skeleton 0.05,0.12,0.25,0.40,0.55, N(0, 1.34),
     * complete 0/3, 1/3, 1/2 at doses 1-3, pending at doses 3,3,3,4,4,4,4,3,2,4,4,3 with weights 0.999, 0.98, 0.9,
     * 0.75, 0.5, 0.33, 0.2, 0.1, 0.05, 0.01, 1e-4, 1e-7: posterior mean of beta -0.004294835356, plug-in ptox at dose 4
     * 0.401573839775, posterior mean of p at dose 4 0.399825205365.
     */
    @Test
    void manyPendingPatientsMatchR() {
        CrmModel model = new CrmModel(CrmModel.Family.EMPIRIC, new double[] {0.05, 0.12, 0.25, 0.40, 0.55}, 3);
        CrmPosterior posterior = new CrmPosterior(model, 1.34);
        int[] pendingDose = {2, 2, 2, 3, 3, 3, 3, 2, 1, 3, 3, 2};
        double[] pendingWeight = {0.999, 0.98, 0.9, 0.75, 0.5, 0.33, 0.2, 0.1, 0.05, 0.01, 1e-4, 1e-7};
        posterior.update(new int[] {3, 3, 2, 0, 0}, new int[] {0, 1, 1, 0, 0}, pendingDose, pendingWeight, 12);
        assertEquals(-0.004294835356, posterior.meanBeta(), 1e-10);
        assertEquals(0.401573839775, posterior.plugInProbability(3), 1e-10);
        assertEquals(0.399825205365, posterior.meanProbability(3), 1e-10);
    }
}
