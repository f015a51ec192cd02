package io.daybreak.methods.twin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * {@code twin.fidelity} against twin.R section E: synthetic = procova_historical.csv rows 1..120, real =
 * procova_trial.csv rows with arm == 0 (R 4.2.2: ks.test(exact = FALSE), survfit/summary(extend = TRUE),
 * survdiff, glm(binomial, epsilon = 1e-14), quantile(type = 7)).
 */
class FidelityTest extends TwinTestSupport {
    private static final List<String> COLUMNS = List.of("x1", "x2", "x3", "y", "resp", "time", "status");

    @Test
    void metricsEqualTwinR() throws Exception {
        Map<String, double[]> variables = new HashMap<>();
        double[][] km = new double[3][];
        Map<String, Object> s;
        try (Table historical = csv("procova_historical.csv"); Table trial = csv("procova_trial.csv");
                Table synthetic = rows(historical, i -> i < 120); Table real = rows(trial,
                        i -> trial.doubles("arm").get(i) == 0)) {
            s = run(new FidelityMethod(), Map.of("synthetic", synthetic, "real", real), Map.of("variables", "x1,x3,y",
                    "time", "time", "outcome", "resp", "covariates", "x1,x2,x3", "dcrVariables", "x1,x2,x3,y"), outputs -> {
                    Table v = outputs.get("variables");
                    for (int i = 0; i < v.rowCount(); i++) {
                        variables.put(v.strings("variable").get(i), new double[] {v.doubles("ksStatistic").get(i),
                            v.doubles("ksPValue").get(i), v.doubles("smd").get(i)});
                    }
                    Table curves = outputs.get("survival");
                    for (int i = 0; i < 3; i++) {
                        km[i] = new double[] {curves.doubles("synthetic").get(i), curves.doubles("real").get(i)};
                    }
                });
        }
        assertRelative(120, ((Long) s.get("realRows")).doubleValue(), 0, "E.n_real");
        // E.<v>.ks_D, E.<v>.ks_p, E.<v>.smd
        double[][] expected = {{0.0583333333333333, 0.986822798393034, -0.0202105250118134},
            {0.0916666666666667, 0.69445146233542, -0.00884382320161606},
            {0.0833333333333333, 0.798951361668102, -0.134935046840845}};
        String[] names = {"x1", "x3", "y"};
        for (int k = 0; k < 3; k++) {
            assertRelative(expected[k][0], variables.get(names[k])[0], 1e-13, names[k] + " D");
            assertRelative(expected[k][1], variables.get(names[k])[1], 1e-12, names[k] + " p");
            assertRelative(expected[k][2], variables.get(names[k])[2], 1e-11, names[k] + " smd");
        }
        // E.km.synthetic / E.km.real .surv_t100_t200_t300
        double[][] surv = {{0.834924103030226, 0.681035163469347, 0.477946416543387},
            {0.811703906330403, 0.619203440440466, 0.472961732782126}};
        for (int i = 0; i < 3; i++) {
            assertRelative(surv[0][i], km[i][0], 1e-12, "synthetic S(t" + i + ")");
            assertRelative(surv[1][i], km[i][1], 1e-12, "real S(t" + i + ")");
        }
        assertRelative(0.00384701264903276, (Double) s.get("logRankChiSquare"), 1e-9, "E.logrank.chisq");
        assertRelative(0.950543487979601, (Double) s.get("logRankPValue"), 1e-11, "E.logrank.p");
        assertRelative(0.728403361344538, (Double) s.get("tstrAuc"), 1e-12, "E.tstr.auc");
        assertRelative(0.743529411764706, (Double) s.get("trtrAuc"), 1e-12, "E.trtr.auc");
        assertRelative(0.0821389959445387, (Double) s.get("dcrMin"), 1e-12, "E.dcr.min");
        assertRelative(0.428464433851432, (Double) s.get("dcrMedian"), 1e-12, "E.dcr.median");
        assertRelative(0.48822368575806, (Double) s.get("dcrMean"), 1e-12, "E.dcr.mean");
        assertRelative(0.149402456807447, (Double) s.get("dcrQ05"), 1e-12, "E.dcr.q05_type7");
    }

    private Table rows(Table table, IntPredicate keep) {
        var builder = Table.builder(allocator);
        for (String name : COLUMNS) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < table.rowCount(); i++) {
                if (keep.test(i)) {
                    values.add(table.doubles(name).get(i));
                }
            }
            builder.add(name, ColumnType.FLOAT64, values);
        }
        return builder.build();
    }
}
