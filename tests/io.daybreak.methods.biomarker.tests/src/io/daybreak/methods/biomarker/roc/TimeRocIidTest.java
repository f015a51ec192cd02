package io.daybreak.methods.biomarker.roc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.roc.TimeDependentRoc;
import io.daybreak.stats.biomarker.roc.TimeRocInference;

/**
 * Standard errors, intervals and comparisons of biomarker.time-roc against R 4.2.2 timeROC 0.4.1 with pec 2022.05.04
 * ({@code docs/validation/r/biomarker/timeroc-iid.R}) on timeroc-iid-data.csv: 150 simulated patients, times in
 * half units with 10 times shared by an event and a censoring, a continuous marker x1 with ties and a 0..4 score x2;
 * times t = 1.5, 3, 5 (3 and 5 are observed times). Every value is from
 * {@code r <- timeROC(T = time, delta = event, marker = x1 (or x2), cause = 1, weighting = "marginal",
 * times = c(1.5, 3, 5), iid = TRUE)}.
 */
class TimeRocIidTest extends MethodTestSupport {
    static final int N = 150;
    static final double[] TIME = new double[N];
    static final boolean[] EVENT = new boolean[N];
    static final double[] X1 = new double[N];
    static final double[] X2 = new double[N];
    static final double[] TIMES = {1.5, 3, 5};

    static {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TimeRocIidTest.class.getResourceAsStream("timeroc-iid-data.csv"), StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().collect(Collectors.toList());
            for (int i = 0; i < N; i++) {
                String[] f = lines.get(i + 1).split(",");
                TIME[i] = Double.parseDouble(f[0]);
                EVENT[i] = f[1].equals("1");
                X1[i] = Double.parseDouble(f[2]);
                X2[i] = Double.parseDouble(f[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // r1$AUC, r1$inference$vect_sd_1, r1$AUC -/+ qnorm(0.975) * r1$inference$vect_sd_1
    static final double[] AUC1 = {0.62809616318601258, 0.66485022802435956, 0.71786153855059875};
    static final double[] SD1 = {0.048767009528213924, 0.055349325381351851, 0.071847701320114296};
    static final double[] LO1 = {0.53251458087699166, 0.55636754370832131, 0.57704263159118385};
    static final double[] UP1 = {0.7236777454950335, 0.7733329123403978, 0.85868044551001366};
    static final double[] AUC2 = {0.49987858183584255, 0.58231773261253938, 0.4807659322583186};
    static final double[] SD2 = {0.049147375277016479, 0.059411595546833562, 0.10081718183303007};
    static final double[] LO2 = {0.40355149635821602, 0.46587314507668537, 0.28316788684275385};
    static final double[] UP2 = {0.59620566731346913, 0.69876232014839346, 0.67836397767388334};
    // compare(r1, r2)$p_values_AUC and apply(r1$inference$mat_iid_rep_1 - r2$..., 2, sd) / sqrt(n)
    static final double[] P = {0.062128466082208365, 0.31559018029273794, 0.052178406384071986};
    static final double[] SDDIFF = {0.068735449173005475, 0.082239626385894493, 0.12210981306176973};

    @Test
    void aucStandardErrorAndIntervalAsTimeRocIid() {
        for (int q = 0; q < 3; q++) {
            TimeRocInference a = TimeRocInference.at(TIME, EVENT, X1, TIMES[q]);
            TimeRocInference b = TimeRocInference.at(TIME, EVENT, X2, TIMES[q]);
            assertEquals(AUC1[q], a.auc(), 1e-12, "AUC x1 " + q);
            assertEquals(AUC2[q], b.auc(), 1e-12, "AUC x2 " + q);
            // the point estimate of TimeDependentRoc (trapezoid) equals the U-statistic form
            assertEquals(AUC1[q], TimeDependentRoc.at(TIME, EVENT, X1, TIMES[q]).auc(), 1e-12, "ROC AUC x1 " + q);
            assertEquals(AUC2[q], TimeDependentRoc.at(TIME, EVENT, X2, TIMES[q]).auc(), 1e-12, "ROC AUC x2 " + q);
            assertEquals(SD1[q], a.standardError(), 1e-12, "se x1 " + q);
            assertEquals(SD2[q], b.standardError(), 1e-12, "se x2 " + q);
            assertEquals(LO1[q], a.confidenceInterval(0.95)[0], 1e-12);
            assertEquals(UP1[q], a.confidenceInterval(0.95)[1], 1e-12);
            assertEquals(LO2[q], b.confidenceInterval(0.95)[0], 1e-12);
            assertEquals(UP2[q], b.confidenceInterval(0.95)[1], 1e-12);
            TimeRocInference.Comparison c = a.compare(b);
            assertEquals(AUC1[q] - AUC2[q], c.difference(), 1e-12);
            assertEquals(SDDIFF[q], c.standardError(), 1e-12, "se of the difference " + q);
            assertEquals(P[q], c.pValue(), 1e-11, "compare p " + q);
        }
        // confint(r1)$CI_AUC rounds to 0.01 %: t=1.5 53.25 72.37; t=3 55.64 77.33; t=5 57.70 85.87
        double[][] rounded = {{53.25, 72.37}, {55.64, 77.33}, {57.70, 85.87}};
        for (int q = 0; q < 3; q++) {
            double[] ci = TimeRocInference.at(TIME, EVENT, X1, TIMES[q]).confidenceInterval(0.95);
            assertEquals(rounded[q][0], Math.round(ci[0] * 10000) / 100.0, 1e-9);
            assertEquals(rounded[q][1], Math.round(ci[1] * 10000) / 100.0, 1e-9);
        }
        // 90%: r1$AUC -/+ qnorm(0.95) * r1$inference$vect_sd_1 at t = 3
        assertEquals(0.57380868942152585, TimeRocInference.at(TIME, EVENT, X1, 3).confidenceInterval(0.9)[0], 1e-12);
        assertEquals(0.75589176662719326, TimeRocInference.at(TIME, EVENT, X1, 3).confidenceInterval(0.9)[1], 1e-12);
    }

    @Test
    void influenceFunctionRowsAsTimeRoc() {
        // r1$inference$mat_iid_rep_1[1:3, 2] and r2's: rows in order(time) (stable)
        Integer[] order = new Integer[N];
        for (int i = 0; i < N; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> TIME[i]));
        double[] iid1 = TimeRocInference.at(TIME, EVENT, X1, 3).influence();
        double[] iid2 = TimeRocInference.at(TIME, EVENT, X2, 3).influence();
        double[] r1 = {-0.013835145351271005, 0.38833864911337412, -0.79304687212652136};
        double[] r2 = {-0.53459793397068933, -0.53459793397068933, -0.88650000412725372};
        for (int k = 0; k < 3; k++) {
            assertEquals(r1[k], iid1[order[k]], 1e-11, "iid x1 row " + k);
            assertEquals(r2[k], iid2[order[k]], 1e-11, "iid x2 row " + k);
        }
    }

    @Test
    void withinTiesTheStandardErrorFollowsTheRowOrderAsTimeRoc() {
        // o <- order(time, -event); timeROC(T = time[o], delta = event[o], marker = x1[o], ...): the AUC is unchanged,
        // vect_sd_1 changes in the 7th digit (Compute.iid.KM steps through tied rows one at a time)
        Integer[] o = new Integer[N];
        for (int i = 0; i < N; i++) {
            o[i] = i;
        }
        Arrays.sort(o, Comparator.<Integer>comparingDouble(i -> TIME[i]).thenComparing(i -> EVENT[i] ? 0 : 1));
        double[] t = new double[N];
        boolean[] e = new boolean[N];
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = TIME[o[i]];
            e[i] = EVENT[o[i]];
            x[i] = X1[o[i]];
        }
        double[] sd = {0.048767037752249894, 0.05535299473506812, 0.071851046937677784};
        for (int q = 0; q < 3; q++) {
            TimeRocInference r = TimeRocInference.at(t, e, x, TIMES[q]);
            assertEquals(AUC1[q], r.auc(), 1e-12);
            assertEquals(sd[q], r.standardError(), 1e-12, "se, events first " + q);
        }
    }

    @Test
    void methodReportsStandardErrorsIntervalsAndComparisons() throws Exception {
        double[] event = new double[N];
        for (int i = 0; i < N; i++) {
            event[i] = EVENT[i] ? 1 : 0;
        }
        try (Table data = Table.builder(allocator).addFloat64("os", TIME).addFloat64("died", event)
                .addFloat64("x1", X1).addFloat64("x2", X2).build()) {
            Map<String, Object> summary = run(new TimeRocMethod(), Map.of(TimeRocMethod.INPUT, data), Map.of(
                    "timeColumn", "os", "eventColumn", "died", "markers", "x1, x2", "times", "5,1.5,3"), 1, outputs -> {
                        Table auc = outputs.get(TimeRocMethod.AUC);
                        assertEquals(6, auc.rowCount());
                        for (int q = 0; q < 3; q++) {
                            assertEquals(TIMES[q], auc.doubles("time").get(q));
                            assertEquals(AUC1[q], auc.doubles("auc").get(q), 1e-12);
                            assertEquals(SD1[q], auc.doubles("se").get(q), 1e-12);
                            assertEquals(LO1[q], auc.doubles("auc_lower").get(q), 1e-12);
                            assertEquals(UP1[q], auc.doubles("auc_upper").get(q), 1e-12);
                            assertEquals(SD2[q], auc.doubles("se").get(3 + q), 1e-12);
                            assertEquals(UP2[q], auc.doubles("auc_upper").get(3 + q), 1e-12);
                        }
                        // r1$Stats: cases 58, 90, 107; survivors 71, 32, 12
                        assertEquals(90.0, auc.doubles("cases").get(1));
                        assertEquals(32.0, auc.doubles("controls").get(1));
                        Table cmp = outputs.get(TimeRocMethod.COMPARISON);
                        assertEquals(3, cmp.rowCount());
                        for (int q = 0; q < 3; q++) {
                            assertEquals("x1", cmp.strings("marker1").get(q));
                            assertEquals(P[q], cmp.doubles("p").get(q), 1e-11);
                            assertEquals(SDDIFF[q], cmp.doubles("se").get(q), 1e-12);
                        }
                    });
            assertEquals(0.95, summary.get("level"));
        }
    }
}
