package io.daybreak.methods.biomarker.roc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.roc.TimeDependentRoc;

/**
 * biomarker.time-roc against R 4.2.2 timeROC 0.4.1 with pec 2022.05.04 ({@code docs/validation/r/biomarker/timeroc.R})
 * on deterministic data: {@code i <- 1:80; x <- round(((29 * i) %% 83) / 8 * 2) / 2;
 * u <- (((31 * i) %% 79) + 0.5) / 79; time <- -log(u) * ifelse(x > 6, 4, 10) + i / 1000;
 * event <- as.integer((i %% 5) != 0)}.
 */
class TimeRocTest extends MethodTestSupport {
    static final double[] X = new double[80];
    static final double[] TIME = new double[80];
    static final boolean[] EVENT = new boolean[80];

    static {
        for (int i = 1; i <= 80; i++) {
            X[i - 1] = Math.rint(((29 * i) % 83) / 8.0 * 2) / 2;
            double u = (((31 * i) % 79) + 0.5) / 79;
            TIME[i - 1] = -Math.log(u) * (X[i - 1] > 6 ? 4 : 10) + i / 1000.0;
            EVENT[i - 1] = i % 5 != 0;
        }
    }

    @Test
    void cumulativeDynamicAucAsTimeRoc() {
        // timeROC(T = time, delta = event, marker = x, cause = 1, weighting = "marginal", times = c(3, 8))$AUC
        assertRelative(0.64658499465844355, TimeDependentRoc.at(TIME, EVENT, X, 3).auc(), 1e-13, "AUC(3)");
        TimeDependentRoc r = TimeDependentRoc.at(TIME, EVENT, X, 8);
        assertRelative(0.74689979876105472, r.auc(), 1e-13, "AUC(8)");
        // nrow($TP) = 22; $TP[1:5, 2] and $FP[1:5, 2]
        assertEquals(22, r.thresholds().length);
        double[] tp = {0, 0.024011140431990118, 0.10450778566438289, 0.21234417204677883, 0.2630419244715495};
        double[] fp = {0, 0, 0, 0.038461538461538464, 0.076923076923076927};
        for (int k = 0; k < 5; k++) {
            assertEquals(tp[k], r.sensitivity()[k], 1e-14, "TP " + k);
            assertEquals(fp[k], r.falsePositive()[k], 1e-14, "FP " + k);
        }
        assertEquals(1.0, r.sensitivity()[21], 1e-14);
        assertEquals(1.0, r.falsePositive()[21], 1e-14);
    }

    @Test
    void methodOutputsLongTables() throws Exception {
        double[] event = new double[80];
        for (int i = 0; i < 80; i++) {
            event[i] = EVENT[i] ? 1 : 0;
        }
        try (Table data = Table.builder(allocator).addFloat64("pfs", TIME).addFloat64("progressed", event)
                .addFloat64("ki67", X).build()) {
            run(new TimeRocMethod(), Map.of(TimeRocMethod.INPUT, data), Map.of("timeColumn", "pfs", "eventColumn",
                    "progressed", "markers", "ki67", "times", "8,3"), 1, outputs -> {
                        Table auc = outputs.get(TimeRocMethod.AUC);
                        assertEquals(2, auc.rowCount());
                        assertEquals(3.0, auc.doubles("time").get(0));
                        assertEquals(0.74689979876105472, auc.doubles("auc").get(1), 1e-13);
                        Table roc = outputs.get(TimeRocMethod.ROC);
                        assertEquals(44, roc.rowCount());
                        assertEquals(1 - 0.038461538461538464, roc.doubles("specificity").get(22 + 3), 1e-14);
                    });
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new TimeRocMethod(),
                    Map.of(TimeRocMethod.INPUT, data), Map.of("timeColumn", "pfs", "eventColumn", "ki67", "markers",
                            "ki67", "times", "3"), 1, null));
            assertTrue(e.getMessage().contains("event indicator"), e.getMessage());
        }
    }
}
