package io.daybreak.methods.biomarker.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.selection.Knockoffs;

/**
 * Model-X knockoffs: the threshold and the equicorrelated s against the R package knockoff 0.3.6
 * ({@code docs/validation/r/biomarker/knockoff.R}), the construction's covariance identities, and a seeded simulation
 * of the FDR and power.
 */
class KnockoffTest extends MethodTestSupport {
    private static final double INF = Double.POSITIVE_INFINITY;
    /** W1 <- c(3.1, -0.4, 2.2, 0, 1.7, -1.7, 0.9, 2.2, -0.2, 4.5, 0.6, -0.6, 1.2, 3.3, 0.05, 2.9, -2.5, 1.9, 0.3, 5.0). */
    private static final double[] W1 = {3.1, -0.4, 2.2, 0, 1.7, -1.7, 0.9, 2.2, -0.2, 4.5, 0.6, -0.6, 1.2, 3.3, 0.05, 2.9,
        -2.5, 1.9, 0.3, 5.0};
    /** j <- 1:60; W2 <- round(sin(7 * j) * 3 + ifelse(j <= 15, 4, 0), 3). */
    private static final double[] W2 = {5.971, 6.972, 6.510, 4.813, 2.715, 1.250, 1.139, 2.435, 4.502, 6.322, 6.999,
        6.200, 4.318, 2.280, 1.088, -2.670, -1.114, 0.990, 2.607, 2.941, 1.827, -0.186, -2.107, -2.992, -2.403, -0.632,
        1.450, 2.819, 2.800, 1.403, -0.684, -2.435, -2.987, -2.069, -0.133, 1.869, 2.951, 2.580, 0.940, -1.163,
        -2.694, -2.898, -1.676, 0.371, 2.235, 3.000, 2.288, 0.450, -1.610, -2.877, -2.728, -1.236, 0.864, 2.539, 2.964,
        1.931, -0.053, -2.011, -2.979, -2.480};

    @Test
    void thresholdIsKnockoffThreshold() {
        // knockoff.threshold(W, fdr = fdr, offset = offset) for fdr in 0.05, 0.1, 0.2, 0.3 and offset 1, 0
        double[] fdr = {0.05, 0.1, 0.2, 0.3};
        double[][] w1 = {{INF, 2.9}, {INF, 2.9}, {2.9, 0.9}, {0.9, 0.6}};
        double[][] w2 = {{INF, 3}, {3, 2.992}, {2.992, 2.987}, {2.987, 2.941}};
        for (int k = 0; k < fdr.length; k++) {
            for (int offset = 1; offset >= 0; offset--) {
                assertEquals(w1[k][1 - offset], Knockoffs.threshold(W1, fdr[k], offset), 0, "W1 " + fdr[k] + " " + offset);
                assertEquals(w2[k][1 - offset], Knockoffs.threshold(W2, fdr[k], offset), 0, "W2 " + fdr[k] + " " + offset);
            }
        }
    }

    static double[][] ar(int p, double rho, double[] sd) {
        double[][] s = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                s[i][j] = Math.pow(rho, Math.abs(i - j)) * sd[i] * sd[j];
            }
        }
        return s;
    }

    @Test
    void equicorrelatedSIsCreateSolveEqui() {
        // create.solve_equi(S1), S1 <- ar(6, 0.5, c(1, 2, 0.5, 1.5, 1, 3))
        double[] expected = {0.70432310214380844, 2.8172924085752338, 0.17608077553595211, 1.584726979823569,
            0.70432310214380844, 6.3389079192942761};
        double[] s = Knockoffs.solveEqui(ar(6, 0.5, new double[] {1, 2, 0.5, 1.5, 1, 3}));
        for (int j = 0; j < 6; j++) {
            assertRelative(expected[j], s[j], 1e-12, "S1 s " + j);
        }
        // create.solve_equi(S2), S2 equicorrelated 0.6 (5 x 5): 0.8 (1 - 1e-7)
        double[][] s2 = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                s2[i][j] = i == j ? 1 : 0.6;
            }
        }
        for (double v : Knockoffs.solveEqui(s2)) {
            assertRelative(0.79999992000000009, v, 1e-12, "S2 s");
        }
        // create.solve_equi(S3), S3 <- ar(4, 0.2, rep(1, 4)): 1 - 1e-8
        for (double v : Knockoffs.solveEqui(ar(4, 0.2, new double[] {1, 1, 1, 1}))) {
            assertRelative(0.99999998999999995, v, 1e-14, "S3 s");
        }
    }

    @Test
    void constructionHasTheKnockoffCovariance() {
        double[][] sigma = ar(6, 0.5, new double[] {1, 2, 0.5, 1.5, 1, 3});
        Knockoffs.Construction c = Knockoffs.construction(sigma, Knockoffs.solveEqui(sigma));
        int p = 6;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                // Cov(X, X~) = Sigma A = Sigma - D
                double cross = 0;
                // Cov(X~) = A' Sigma A + V = Sigma
                double knock = c.v()[i][j];
                // root root = V
                double square = 0;
                for (int k = 0; k < p; k++) {
                    cross += sigma[i][k] * c.a()[k][j];
                    square += c.root()[i][k] * c.root()[k][j];
                    for (int l = 0; l < p; l++) {
                        knock += c.a()[k][i] * sigma[k][l] * c.a()[l][j];
                    }
                }
                double d = i == j ? c.s()[i] : 0;
                assertEquals(sigma[i][j] - d, cross, 1e-10, "Cov(X, X~) " + i + "," + j);
                assertEquals(sigma[i][j], knock, 1e-10, "Cov(X~) " + i + "," + j);
                assertEquals(c.v()[i][j], square, 1e-10, "root^2 " + i + "," + j);
            }
        }
    }

    /** n x p AR(1) normal markers (rho 0.3), outcome sum of amp * X_j over j = 0, 4, ..., 36 plus N(0, 1) noise. */
    static double[][] simulate(ContinuousDistribution.Sampler z, int n, int p, double amp, double[] y) {
        double rho = 0.3;
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double prev = z.sample();
            x[i][0] = prev;
            for (int j = 1; j < p; j++) {
                prev = rho * prev + Math.sqrt(1 - rho * rho) * z.sample();
                x[i][j] = prev;
            }
            double eta = 0;
            for (int j = 0; j < p; j += 4) {
                eta += amp * x[i][j];
            }
            y[i] = eta + z.sample();
        }
        return x;
    }

    @Test
    void simulatedFdrIsControlledWithPower() {
        // 200 replicates, n = 300, p = 40, 10 signals of amplitude 0.3, knockoff+ at FDR 0.2
        // observed: FDR 0.112 (SE 0.010), power 0.669; the bound is the target plus 3 Monte Carlo SE
        assertFdrControlledWithPower("knockoff+", 200, new TestMethodContext(allocator, 20261203L).random(0),
                (x, y, rng) -> Knockoffs.correlationDifference(x, Knockoffs.secondOrderEqui(x, rng).knockoffs(), y));
    }

    /** A knockoff statistic W of the simulated data; it may draw from {@code rng} (after the data). */
    interface Statistic {
        double[] of(double[][] x, double[] y, UniformRandomProvider rng);
    }

    /**
     * Replicates of {@link #simulate} (n = 300, p = 40, 10 signals of amplitude 0.3, every fourth feature), knockoff+
     * at FDR 0.2 on {@code statistic}: the mean FDP is at most 0.2 plus 3 Monte Carlo SE, and the power at least 0.5.
     */
    static void assertFdrControlledWithPower(String label, int reps, UniformRandomProvider rng, Statistic statistic) {
        ContinuousDistribution.Sampler z = NormalDistribution.of(0, 1).createSampler(rng);
        double sum = 0;
        double sumSq = 0;
        double power = 0;
        for (int r = 0; r < reps; r++) {
            double[] y = new double[300];
            double[][] x = simulate(z, 300, 40, 0.3, y);
            double[] w = statistic.of(x, y, rng);
            double t = Knockoffs.threshold(w, 0.2, 1);
            int selected = 0;
            int falses = 0;
            for (int j = 0; j < 40; j++) {
                if (w[j] >= t) {
                    selected++;
                    falses += j % 4 == 0 ? 0 : 1;
                }
            }
            double fdp = falses / (double) Math.max(1, selected);
            sum += fdp;
            sumSq += fdp * fdp;
            power += (selected - falses) / 10.0;
        }
        double fdr = sum / reps;
        double se = Math.sqrt((sumSq / reps - fdr * fdr) * reps / (reps - 1) / reps);
        System.out.printf("%s simulation: FDR %.4f (SE %.4f), power %.4f%n", label, fdr, se, power / reps);
        assertTrue(fdr <= 0.2 + 3 * se, "FDR " + fdr + " SE " + se);
        assertTrue(power / reps >= 0.5, "power " + power / reps);
    }

    @Test
    void methodSelectsPlantedMarkersReproducibly() throws Exception {
        ContinuousDistribution.Sampler z = NormalDistribution.of(0, 1)
                .createSampler(new TestMethodContext(allocator, 7L).random(0));
        double[] y = new double[400];
        double[][] x = simulate(z, 400, 12, 0.6, y);
        var builder = Table.builder(allocator).addFloat64("response", y);
        for (int j = 0; j < 12; j++) {
            double[] c = new double[400];
            for (int i = 0; i < 400; i++) {
                c[i] = x[i][j];
            }
            builder.addFloat64("m" + j, c);
        }
        try (Table data = builder.build()) {
            // knockoff+ cannot select fewer than 1 / fdr markers, so with 3 planted markers the original threshold is used
            Map<String, Object> raw = Map.of("outcomeColumn", "response", "fdr", "0.2", "plus", "false");
            double[][] w = new double[2][];
            for (int run = 0; run < 2; run++) {
                int at = run;
                Map<String, Object> summary = run(new KnockoffMethod(), Map.of(KnockoffMethod.INPUT, data), raw, 99L,
                        outputs -> {
                            Table t = outputs.get(KnockoffMethod.OUTPUT);
                            assertEquals(12, t.rowCount());
                            assertEquals("m4", t.strings("marker").get(4));
                            w[at] = new double[12];
                            for (int j = 0; j < 12; j++) {
                                w[at][j] = t.doubles("w").get(j);
                                assertEquals(Math.abs(t.doubles("cor").get(j)) - Math.abs(t.doubles("cor_knockoff")
                                        .get(j)), w[at][j], 1e-15);
                            }
                            // the three planted markers (m0, m4, m8; correlation ~0.5 with the outcome) are selected
                            assertTrue(t.booleans("selected").get(0) && t.booleans("selected").get(4)
                                    && t.booleans("selected").get(8));
                        });
                assertEquals(12L, summary.get("markers"));
            }
            assertEquals(java.util.Arrays.toString(w[0]), java.util.Arrays.toString(w[1]), "same seed, same W");
        }
    }

    @Test
    void badInputNamesTheColumnOrParameter() throws Exception {
        try (Table data = Table.builder(allocator).addFloat64("y", 1, 2, 3, 4).addFloat64("a", 1, 3, 2, 5)
                .addFloat64("b", 2, 1, 4, 3).addFloat64("c", 0, 1, 0, 1).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new KnockoffMethod(),
                    Map.of(KnockoffMethod.INPUT, data), Map.of("outcomeColumn", "y"), 1, null));
            assertTrue(e.getMessage().contains("4 complete rows for 3 markers"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new KnockoffMethod(),
                    Map.of(KnockoffMethod.INPUT, data), Map.of("outcomeColumn", "y", "markers", "a,d"), 1, null));
            assertTrue(e.getMessage().contains("no column 'd'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new KnockoffMethod(),
                    Map.of(KnockoffMethod.INPUT, data), Map.of("outcomeColumn", "y", "markers", "a"), 1, null));
            assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        }
    }
}
