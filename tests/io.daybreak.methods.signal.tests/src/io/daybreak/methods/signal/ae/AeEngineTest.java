package io.daybreak.methods.signal.ae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import io.daybreak.stats.signal.ae.AeCompare;
import io.daybreak.stats.signal.ae.AeComparison;
import io.daybreak.stats.signal.ae.AeCounts;
import io.daybreak.stats.signal.ae.BerryBerry;
import io.daybreak.stats.signal.ae.BerryBerryPrior;
import io.daybreak.stats.signal.ae.Convergence;
import io.daybreak.stats.signal.ae.Multiplicity;
import io.daybreak.stats.signal.ae.TwoByTwo;

/**
 * The adverse-event engine against R 4.2.2 (base R, coda 0.19-4, c212 1.0.1) on the seeded synthetic trial that
 * docs/validation/r/signal/ae-compare.R writes (ae-adsl.csv, ae-adae.csv); every reference below is printed by that
 * script (ae-compare.out). Events are in the order body system, then term.
 */
class AeEngineTest {
    private static final double TOL = 1e-12;

    static final String GI = "Gastrointestinal disorders";
    static final String GEN = "General disorders";
    static final String NS = "Nervous system disorders";
    static final String SKIN = "Skin and subcutaneous tissue disorders";
    static final String[] BS = {GI, GI, GI, GI, GI, GEN, GEN, GEN, NS, NS, NS, NS, SKIN, SKIN, SKIN, SKIN};
    static final String[] TERM = {"Abdominal pain", "Constipation", "Diarrhoea", "Nausea", "Vomiting", "Fatigue",
        "Oedema peripheral", "Pyrexia", "Dizziness", "Headache", "Paraesthesia", "Somnolence", "Alopecia", "Dry skin",
        "Pruritus", "Rash"};
    // patients with the event (once per term), all grades, from ae-compare.out
    static final long[] PLACEBO = {4, 2, 12, 6, 3, 13, 4, 4, 5, 10, 0, 2, 0, 1, 5, 5};
    static final long[] LOW = {11, 9, 11, 15, 6, 8, 4, 4, 1, 4, 2, 6, 0, 1, 3, 5};
    static final long[] HIGH = {20, 16, 34, 30, 19, 14, 2, 4, 2, 8, 1, 1, 2, 4, 2, 15};

    static AeCounts trial() {
        List<AeCounts.Event> events = new ArrayList<>();
        long[][] counts = new long[BS.length][];
        for (int i = 0; i < BS.length; i++) {
            events.add(new AeCounts.Event(BS[i], TERM[i]));
            counts[i] = new long[] {PLACEBO[i], LOW[i], HIGH[i]};
        }
        // N: 60 60 58; exposure days: 6014 6482 5663 (tapply(adsl$TRTDURD, adsl$TRTA, sum))
        return new AeCounts(List.of("Placebo", "Low", "High"), new long[] {60, 60, 58},
                new double[] {6014, 6482, 5663}, events, counts);
    }

    // ---- High vs Placebo: fisher.test(matrix(c(a, c, n1 - a, n0 - c), 2))$p.value, etc. (ae-compare.R) ----
    static final double[] HIGH_P = {0.00018676505996500541, 0.00022603865227852898, 2.5485219260835265e-05,
        8.2335093795135229e-07, 0.00010302691551808917, 0.82798332531805496, 0.67956117244305014, 1,
        0.43923205177533753, 0.79920657416737362, 0.49152542372881342, 0.99999999999999989, 0.23946110386788375,
        0.20289855072463758, 0.43923205177533753, 0.014010691096508199};
    // ave(p, B, FUN = function(x) p.adjust(x, "BH"))
    static final double[] HIGH_BH = {0.00022603865227852898, 0.00022603865227852898, 6.3713048152088157e-05,
        4.1167546897567617e-06, 0.00017171152586348195, 1, 1, 1, 0.98305084745762683, 0.99999999999999989,
        0.98305084745762683, 0.99999999999999989, 0.31928147182384498, 0.31928147182384498, 0.43923205177533753,
        0.056042764386032798};
    // smallest alpha at which c212.err.cntrl(td, alpha, method = "DFDR") flags the event (dfdr.adjusted in the script)
    static final double[] HIGH_DFDR = {0.00022603865227852898, 0.00022603865227852898, 6.3713048152088157e-05,
        1.6467018759027047e-05, 0.00017171152586348195, 1, 1, 1, 1, 1, 1, 1, 0.26939374185136922,
        0.26086956521739119, 0.43923205177533753, 0.1120855287720656};
    // Newcombe method 10 from prop.test(x, n, correct = FALSE)$conf.int
    static final double[] HIGH_RDL = {0.1349805394105674, 0.11556705594069797, 0.21207423146427445,
        0.25574451663754882, 0.13986850682687388, -0.12599831095229144, -0.12808008834949935, -0.099295213680770877,
        -0.14935903104711021, -0.16033355923163012, -0.044581318347842395, -0.097640665393403644,
        -0.030666254711824117, -0.030866158659689488, -0.14935903104711021, 0.039145407986530489};
    static final double[] HIGH_RDU = {0.41286839464751707, 0.37100230158209307, 0.52933830478170896,
        0.55175345670753684, 0.40990225384449941, 0.17523054004979743, 0.05997090402711884, 0.10588883427020646,
        0.046471699002422068, 0.10468594766581912, 0.091408580934680128, 0.061906169111749287, 0.11729145464312692,
        0.14865160300833702, 0.046471699002422068, 0.30904972467619091};
    // Katz: exp(log(rr) +- qnorm(0.975) * sqrt(1/a - 1/n1 + 1/c - 1/n0)), 0.5 added to each cell if a or c is 0
    static final double[] HIGH_RR = {5.1724137931034484, 8.2758620689655178, 2.9310344827586201, 5.1724137931034484,
        6.5517241379310338, 1.1140583554376657, 0.51724137931034486, 1.0344827586206897, 0.41379310344827586,
        0.82758620689655171, 3.1016949152542375, 0.51724137931034486, 5.1694915254237284, 4.1379310344827589,
        0.41379310344827586, 3.1034482758620694};
    static final double[] HIGH_RRL = {1.8819522154813548, 1.9904573138935866, 1.690523057656055, 2.3269730008892293,
        2.0478608521197148, 0.57405115379023874, 0.098488981803451073, 0.27139389154901017, 0.083575644302582894,
        0.35133259376552067, 0.12891696322997775, 0.048199106747468363, 0.25349191929221171, 0.47654890198623312,
        0.083575644302582894, 1.2055404351486456};
    static final double[] HIGH_RRU = {14.216016871737553, 34.4091242281239, 5.0818373048585563, 11.497281849365287,
        20.960940356429457, 2.1620477741849298, 2.7164322300009149, 3.9431785725737907, 2.0487396045843447,
        1.949431797672958, 74.625643563692662, 5.5506971503143125, 105.42206909807715, 35.93014940286276,
        2.0487396045843447, 7.9892726283906681};
    // 100 * a / (expo / 365.25)
    static final double[] HIGH_EAIR = {128.99523220907648, 103.19618576726117, 219.29189475542998, 193.4928483136147,
        122.54547059862264, 90.296662546353531, 12.899523220907646, 25.799046441815292, 12.899523220907646,
        51.598092883630585, 6.4497616104538231, 6.4497616104538231, 12.899523220907646, 25.799046441815292,
        12.899523220907646, 96.74642415680735};
    static final double[] PLACEBO_EAIR = {24.293315596940474, 12.146657798470237, 72.879946790821421,
        36.439973395410711, 18.219986697705355, 78.953275690056543, 24.293315596940474, 24.293315596940474,
        30.366644496175592, 60.733288992351184, 0, 12.146657798470237, 0, 6.0733288992351184, 30.366644496175592,
        30.366644496175592};
    // ---- Low vs Placebo ----
    static final double[] LOW_P = {0.095227493489780379, 0.053472889212879723, 0.99999999999999989,
        0.052810301977810385, 0.49061334066879186, 0.33676857685848033, 1, 1, 0.2068332349662273, 0.15325707043734052,
        0.49579831932773105, 0.27216292146242588, 1, 1, 0.71700741148266223, 1};
    static final double[] LOW_DFDR = {0.53472889212879726, 0.53472889212879726, 0.99999999999999989,
        0.53472889212879726, 0.61326667583598982, 0.99999999999999989, 0.99999999999999989, 0.99999999999999989,
        0.72576779056646901, 0.72576779056646901, 0.72576779056646901, 0.72576779056646901, 0.99999999999999989,
        0.99999999999999989, 0.99999999999999989, 0.99999999999999989};

    private static List<AeComparison> rows(AeCompare.Result r, String arm) {
        return r.rows().stream().filter(x -> x.arm().equals(arm)).toList();
    }

    @Test
    void frequentistColumnsMatchR() {
        AeCompare.Result r = AeCompare.compare(trial(), "Placebo", 0.95, null, i -> null);
        List<AeComparison> high = rows(r, "High");
        assertEquals(16, high.size());
        for (int i = 0; i < 16; i++) {
            AeComparison x = high.get(i);
            String at = x.term();
            assertEquals(TERM[i], at);
            assertEquals(BS[i], x.bodySystem());
            assertEquals("Placebo", x.controlArm());
            assertEquals(HIGH[i], x.nArm());
            assertEquals(58, x.atRiskArm());
            assertEquals(PLACEBO[i], x.nControl());
            assertEquals((double) HIGH[i] / 58 - PLACEBO[i] / 60.0, x.riskDifference(), 1e-15, at);
            assertRel(HIGH_P[i], x.fisherP(), at + " fisher");
            assertRel(HIGH_BH[i], x.bhP(), at + " bh");
            assertRel(HIGH_DFDR[i], x.doubleFdrP(), at + " dfdr");
            assertEquals(HIGH_RDL[i], x.rdLower(), TOL, at + " rd lower");
            assertEquals(HIGH_RDU[i], x.rdUpper(), TOL, at + " rd upper");
            assertRel(HIGH_RR[i], x.riskRatio(), at + " rr");
            assertRel(HIGH_RRL[i], x.rrLower(), at + " rr lower");
            assertRel(HIGH_RRU[i], x.rrUpper(), at + " rr upper");
            assertRel(HIGH_EAIR[i], x.eairArm(), at + " eair");
            assertRel(PLACEBO_EAIR[i], x.eairControl(), at + " eair control");
            assertTrue(Double.isNaN(x.bbProbRaised()));
        }
        List<AeComparison> low = rows(r, "Low");
        for (int i = 0; i < 16; i++) {
            assertRel(LOW_P[i], low.get(i).fisherP(), TERM[i]);
            assertRel(LOW_DFDR[i], low.get(i).doubleFdrP(), TERM[i]);
        }
        // Alopecia 0/60 vs 0/60: RR undefined; RD interval from the Wilson bounds (rdl/rdu of the Low block)
        AeComparison alopecia = low.get(12);
        assertTrue(Double.isNaN(alopecia.riskRatio()));
        assertEquals(-0.060171852142089831, alopecia.rdLower(), TOL);
        assertEquals(0.060171852142089831, alopecia.rdUpper(), TOL);
    }

    @Test
    void doubleFdrFlagsExactlyWhatC212Flags() {
        // c212.err.cntrl(td, alpha, method = "DFDR") for High vs Placebo (ae-compare.out):
        // alpha 0.05 and 0.1: Nausea;Diarrhoea;Vomiting;Abdominal pain;Constipation; alpha 0.2: the same and Rash.
        double[] adj = Multiplicity.doubleFdr(BS, HIGH_P);
        for (double alpha : new double[] {0.05, 0.1, 0.2}) {
            for (int i = 0; i < BS.length; i++) {
                boolean c212 = BS[i].equals(GI) || (alpha == 0.2 && TERM[i].equals("Rash"));
                assertEquals(c212, adj[i] <= alpha, TERM[i] + " at alpha " + alpha);
            }
        }
        // Low vs Placebo: c212 flags nothing at 0.05, 0.1, 0.2
        double[] low = Multiplicity.doubleFdr(BS, LOW_P);
        for (double v : low) {
            assertTrue(v > 0.2);
        }
        // p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.040000000000000001 0.05333333333333333 0.05333333333333333 0.2
        double[] bh = Multiplicity.bh(new double[] {0.01, 0.04, 0.03, 0.2});
        assertEquals(0.040000000000000001, bh[0], 1e-15);
        assertEquals(0.05333333333333333, bh[1], 1e-15);
        assertEquals(0.05333333333333333, bh[2], 1e-15);
        assertEquals(0.2, bh[3], 1e-15);
    }

    @Test
    void twoByTwoEdgeCases() {
        // fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.48571428571428582
        assertEquals(0.48571428571428582, TwoByTwo.fisherP(3, 4, 1, 4), TOL);
        // prop.test(0, 10, correct = FALSE)$conf.int = 0 0.27753279986288915
        double[] w = TwoByTwo.wilson(0, 10, 0.95);
        assertEquals(0, w[0], 1e-15);
        assertEquals(0.27753279986288915, w[1], TOL);
        assertThrows(IllegalArgumentException.class, () -> TwoByTwo.fisherP(5, 4, 1, 4));
    }

    @Test
    void convergenceDiagnosticsMatchCoda() {
        // ch <- lapply(1:3, function(c) { i <- 1:200; sin(i*0.37*c) + cos(i*i*0.011) + 0.05*c*(i %% 7) })
        double[][] ch = new double[3][200];
        for (int c = 1; c <= 3; c++) {
            for (int i = 1; i <= 200; i++) {
                ch[c - 1][i - 1] = Math.sin(i * 0.37 * c) + Math.cos(i * (double) i * 0.011) + 0.05 * c * (i % 7);
            }
        }
        // gelman.diag(mcmc.list(lapply(ch, mcmc)), autoburnin = FALSE)$psrf[1, 1]
        assertEquals(1.0128622293287486, Convergence.rhat(ch), 1e-12);
        // effectiveSize(ml) and effectiveSize(mcmc(ch[[1]])) (ar order 10)
        assertEquals(2285.0793162126729, Convergence.effectiveSize(ch), 1e-9);
        assertEquals(736.98695190256558, Convergence.effectiveSize(ch[0]), 1e-9);
        assertEquals(0, Convergence.effectiveSize(new double[] {2, 2, 2, 2, 2}));
    }

    // c212.BB(trial) with its defaults (burnin 20000, iter 60000, 3 chains), c212.ptheta; bb.ess is coda's
    // effectiveSize of the indicator theta > 0 summed over the chains.
    static final double[] LOW_BB = {0.77315, 0.75980000000000003, 0.35585, 0.8629, 0.48200833333333332,
        0.075816666666666671, 0.13100833333333334, 0.13120000000000001, 0.059366666666666665, 0.061100000000000002,
        0.172625, 0.33179999999999998, 0.096233333333333337, 0.12354999999999999, 0.10527499999999999,
        0.18090833333333334};
    static final double[] LOW_BB_ESS = {1387.6603860000394, 1491.4304389142817, 4693.0290014195616,
        1416.3559520093593, 2419.7769217992177, 18100.587805498653, 6682.9819820893817, 7538.1118304779702,
        13387.23536259124, 17314.713428930787, 4665.1546051538144, 2710.1207941343023, 5929.4600615095897,
        5272.0245327409048, 8576.4391637348672, 5383.6324408755845};
    static final double[] HIGH_BB = {0.99995833333333328, 0.99934166666666668, 1, 1, 1, 0.20305833333333334,
        0.081275, 0.14125833333333335, 0.069474999999999995, 0.11519166666666666, 0.13750000000000001,
        0.088808333333333336, 0.364925, 0.49129166666666668, 0.15189166666666667, 0.96933333333333338};
    static final double[] HIGH_BB_ESS = {7416.6774534598926, 353.02748331530233, 0, 0, 0, 3159.2684750489179,
        8067.3593540935799, 3941.5161212685007, 9286.8022792465454, 5820.7604148537212, 2187.2694126829706,
        4181.6791034823736, 1216.5734525934338, 944.21506122727214, 3713.6434466851215, 1232.6307440367859};

    @Test
    void berryBerryMatchesC212WithinMonteCarloError() {
        checkBerryBerry(LOW, LOW_BB, LOW_BB_ESS, 60, 11);
        checkBerryBerry(HIGH, HIGH_BB, HIGH_BB_ESS, 58, 12);
    }

    private static void checkBerryBerry(long[] arm, double[] ref, double[] refEss, int nt, long seed) {
        int[][] x = new int[4][];
        int[][] nc = new int[4][];
        int[][] y = new int[4][];
        int[][] ntt = new int[4][];
        String[][] names = new String[4][];
        int[] sizes = {5, 3, 4, 4};
        int e = 0;
        for (int b = 0; b < 4; b++) {
            x[b] = new int[sizes[b]];
            nc[b] = new int[sizes[b]];
            y[b] = new int[sizes[b]];
            ntt[b] = new int[sizes[b]];
            names[b] = new String[sizes[b]];
            for (int j = 0; j < sizes[b]; j++, e++) {
                x[b][j] = (int) PLACEBO[e];
                nc[b][j] = 60;
                y[b][j] = (int) arm[e];
                ntt[b][j] = nt;
                names[b][j] = TERM[e];
            }
        }
        BerryBerry.Fit fit = BerryBerry.fit(new BerryBerry.Data(x, nc, y, ntt), BerryBerryPrior.c212Defaults(), 3,
                20_000, 60_000, c -> RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 100 + c), names,
                new String[] {GI, GEN, NS, SKIN});
        e = 0;
        for (int b = 0; b < 4; b++) {
            for (int j = 0; j < sizes[b]; j++, e++) {
                double p = fit.probThetaPositive()[b][j];
                double seR = refEss[e] > 0 ? Math.sqrt(ref[e] * (1 - ref[e]) / refEss[e]) : 0;
                double ess = fit.essRaised()[b][j];
                double seJ = ess > 0 ? Math.sqrt(p * (1 - p) / ess) : 0;
                // 4 combined Monte Carlo SEs; when both chains' indicators never changed (P = 1 in R's 120,000
                // draws), within 0.001
                double allowed = Math.max(4 * Math.hypot(seR, seJ), seR + seJ == 0 ? 1e-3 : 0);
                assertEquals(ref[e], p, allowed, TERM[e] + ": Java " + p + " vs c212 " + ref[e]);
            }
        }
        for (BerryBerry.Diagnostic d : fit.diagnostics()) {
            assertTrue(d.rhat() < 1.1, d.parameter() + " R-hat " + d.rhat());
        }
    }

    @Test
    void samplerIsReproducibleFromItsStreams() {
        AeCompare.Sampler s = new AeCompare.Sampler(BerryBerryPrior.c212Defaults(), 2, 200, 1200);
        AeCompare.Result a = AeCompare.compare(trial(), "Placebo", 0.95, s,
                i -> RandomSource.XO_RO_SHI_RO_128_PP.create(7L + i));
        AeCompare.Result b = AeCompare.compare(trial(), "Placebo", 0.95, s,
                i -> RandomSource.XO_RO_SHI_RO_128_PP.create(7L + i));
        assertEquals(a, b);
        AeCompare.Result c = AeCompare.compare(trial(), "Placebo", 0.95, s,
                i -> RandomSource.XO_RO_SHI_RO_128_PP.create(8L + i));
        assertTrue(!a.rows().equals(c.rows()));
    }

    @Test
    void samplerCallsTheCheckpointEveryThousandSweeps() {
        int[] calls = {0};
        AeCompare.Sampler s = new AeCompare.Sampler(BerryBerryPrior.c212Defaults(), 2, 1000, 3000);
        AeCompare.compare(trial(), "Placebo", 0.95, s, i -> RandomSource.XO_RO_SHI_RO_128_PP.create(3L + i),
                () -> calls[0]++);
        assertEquals(2 * 2 * 3, calls[0]); // 2 arms x 2 chains x 3,000 / 1,000 sweeps
        RuntimeException stop = new RuntimeException("stop");
        assertEquals(stop, assertThrows(RuntimeException.class, () -> AeCompare.compare(trial(), "Placebo", 0.95, s,
                i -> RandomSource.XO_RO_SHI_RO_128_PP.create(3L + i), () -> {
                    throw stop;
                })));
    }

    @Test
    void badInputIsRefusedWithNames() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> AeCompare.compare(trial(), "Placebo ", 0.95, null, i -> null));
        assertTrue(ex.getMessage().contains("'Placebo '"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> new AeCounts(List.of("A", "B"), new long[] {3, 3},
                new double[] {1, 1}, List.of(new AeCounts.Event("X", "y")), new long[][] {{4, 0}}));
        assertTrue(ex.getMessage().contains("4 patients with the event but 3 at risk"), ex.getMessage());
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)) + 1e-13 * Math.abs(expected), what);
    }
}
