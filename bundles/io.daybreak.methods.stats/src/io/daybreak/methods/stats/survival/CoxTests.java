package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

import io.daybreak.stats.models.survival.CoxFit;

/**
 * The global tests of a Cox model as {@code summary.coxph} prints them: likelihood ratio, Wald and score (log-rank)
 * tests of β = 0, each with its degrees of freedom (the number of coefficients) and χ² p-value. With a robust variance
 * the Wald test uses it, as R's does; R's robust score test is not reported.
 */
final class CoxTests {
    private CoxTests() {
    }

    /** The tests as summary rows (test, statistic, df, p). */
    static List<Map<String, Object>> of(CoxFit fit, double[][] robustVariance) {
        int df = fit.coefficients().length;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Likelihood ratio test", fit.likelihoodRatioTest(), df));
        rows.add(row(robustVariance == null ? "Wald test" : "Wald test (robust)",
                robustVariance == null ? fit.waldTest() : fit.waldTest(robustVariance), df));
        rows.add(row("Score (logrank) test", fit.scoreTest(), df));
        return rows;
    }

    private static Map<String, Object> row(String test, double statistic, int df) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("test", test);
        row.put("statistic", statistic);
        row.put("df", (long) df);
        row.put("p", ChiSquaredDistribution.of(df).survivalProbability(statistic));
        return row;
    }
}
