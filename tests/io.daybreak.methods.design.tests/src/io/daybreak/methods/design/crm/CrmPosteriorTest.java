package io.daybreak.methods.design.crm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The CRM posterior and skeletons against R. dfcrm 0.2-2.1's crm help-page example (methods.md): skeleton
 * .05 .10 .20 .35 .50 .70, target .2, empiric, prior variance 1.34, dose levels 3 4 4 3 3 4 3 2 2 2 with
 * DLTs 0 0 1 0 0 1 1 0 0 0 gives beta = -0.2121715263, posterior variance 0.1575955281, ptox .08865 .15530
 * .27205 .42779 .57085 .74940. The other values: R 4.2.2 with integrate(rel.tol = 1e-12) over (-30, 30) of
 * the same likelihood times dnorm(b, 0, sqrt(1.34)) (script: P(p1 > .2) integrates up to
 * log(log(.2)/log(.05)); the logistic model uses plogis(3 + exp(b) * (qlogis(s) - 3))).
 */
class CrmPosteriorTest {
    private static final double[] SKELETON = {0.05, 0.10, 0.20, 0.35, 0.50, 0.70};
    // patients and DLTs per dose from levels 3 4 4 3 3 4 3 2 2 2 and DLTs 0 0 1 0 0 1 1 0 0 0
    private static final int[] PATIENTS = {0, 3, 4, 3, 0, 0};
    private static final int[] DLTS = {0, 0, 1, 2, 0, 0};

    private static CrmPosterior posterior(CrmModel.Family family) {
        CrmPosterior posterior = new CrmPosterior(new CrmModel(family, SKELETON, 3), 1.34);
        posterior.update(PATIENTS, DLTS);
        return posterior;
    }

    @Test
    void empiricModelReproducesDfcrm() {
        CrmPosterior posterior = posterior(CrmModel.Family.EMPIRIC);
        assertEquals(-0.2121715263, posterior.meanBeta(), 1e-9);
        assertEquals(-0.212171526547694, posterior.meanBeta(), 1e-11);
        assertEquals(0.1575955281, posterior.varianceBeta(), 1e-9);
        double[] ptox = {0.0886529470168115, 0.1553009274974009, 0.2720538785583669, 0.4277897776629917,
            0.5708462173755862, 0.7493958348882760};
        for (int d = 0; d < 6; d++) {
            assertEquals(ptox[d], posterior.plugInProbability(d), 1e-11, "dose " + (d + 1));
        }
        double[] meanP = {0.109713348372263, 0.172504396564000, 0.279687545253451, 0.424059936114151,
            0.560630458054968, 0.737740175978656};
        for (int d = 0; d < 6; d++) {
            assertEquals(meanP[d], posterior.meanProbability(d), 1e-11, "dose " + (d + 1));
        }
        assertEquals(0.150420093865582, posterior.probabilityLowestDoseAbove(0.2), 1e-10);
    }

    @Test
    void logisticModel() {
        CrmPosterior posterior = posterior(CrmModel.Family.LOGISTIC);
        assertEquals(-0.110111608792502, posterior.meanBeta(), 1e-11);
        assertEquals(0.1603896725907575, posterior.plugInProbability(1), 1e-11);
        assertEquals(0.7449297957022281, posterior.plugInProbability(5), 1e-11);
    }

    @Test
    void skeletonByLeeAndCheung() {
        // dfcrm 0.2-2.1's own getprior in R 4.2.2 (docs/validation/r/design/getprior.R, .out):
        // .libPaths("/work/rlib-design"); library(dfcrm); getprior(0.05, 0.30, 4, 6)
        assertArrayEquals(new double[] {0.0625197801721286, 0.122529358220233, 0.203956007632824, 0.3,
            0.401819436129518, 0.50134644775517}, CrmSkeleton.of(CrmModel.Family.EMPIRIC, 0.05, 0.30, 4, 6, 3), 1e-13);
        // getprior(0.05, 0.30, 4, 6, model = "logistic", intcpt = 3)
        assertArrayEquals(new double[] {0.0698895749022218, 0.126253638976945, 0.20470903858828, 0.3,
            0.402001904868607, 0.500090732939512}, CrmSkeleton.of(CrmModel.Family.LOGISTIC, 0.05, 0.30, 4, 6, 3), 1e-13);
    }

    /**
     * The decision function of design.crm and design.crm-posterior against dfcrm 0.2-2.1's own crm() on 300 random
     * data sets (every third with the logistic model), R 4.2.2: docs/validation/r/design/crm-random-fits.R, whose
     * output is the resource crm-random-fits.txt ({@code crm(getprior(0.05, 0.3, 4, 6), 0.3, tox, level, model =
     * model, intcpt = 3, var.est = FALSE)}): the posterior mean of beta to 1e-6 (R's integrate tolerance) and the
     * recommended dose exactly.
     */
    @Test
    void decisionsEqualDfcrmOnRandomData() throws IOException {
        double[] skeleton = CrmSkeleton.of(CrmModel.Family.EMPIRIC, 0.05, 0.3, 4, 6, 3);
        CrmPosterior empiric = new CrmPosterior(new CrmModel(CrmModel.Family.EMPIRIC, skeleton, 3), 1.34);
        CrmPosterior logistic = new CrmPosterior(new CrmModel(CrmModel.Family.LOGISTIC, skeleton, 3), 1.34);
        int checked = 0;
        try (InputStream in = CrmPosteriorTest.class.getResourceAsStream("crm-random-fits.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] field = line.split("\\|");
                int[] patients = new int[6];
                int[] dlts = new int[6];
                String[] level = field[1].trim().split(",");
                String[] tox = field[2].trim().split(",");
                for (int i = 0; i < level.length; i++) {
                    patients[Integer.parseInt(level[i]) - 1]++;
                    dlts[Integer.parseInt(level[i]) - 1] += Integer.parseInt(tox[i]);
                }
                CrmPosterior posterior = field[0].trim().equals("logistic") ? logistic : empiric;
                posterior.update(patients, dlts);
                assertEquals(Double.parseDouble(field[3].trim()), posterior.meanBeta(), 1e-6, line);
                assertEquals(Integer.parseInt(field[4].trim()), posterior.doseClosestTo(0.3, false) + 1, line);
                checked++;
            }
        }
        assertEquals(300, checked);
    }

    @Test
    void invalidSkeletonsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CrmModel(CrmModel.Family.EMPIRIC, new double[] {0.1, 0.1, 0.3}, 3));
        assertThrows(IllegalArgumentException.class, () -> CrmSkeleton.of(CrmModel.Family.EMPIRIC, 0.3, 0.25, 2, 4, 3));
    }
}
