package io.daybreak.methods.design.blrmmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;

/**
 * Summaries of the sampler's draws: the MAP moments with batch-means SEs, the posterior of μ and τ, and the
 * per-trial shrinkage estimates.
 *
 * @param map     MAP mean and sd of log α*, mean and sd of log β*, correlation
 * @param mapSe   their Monte Carlo SEs
 * @param hyper   per parameter (μ_α, μ_β, τ_α, τ_β): mean, sd, 2.5%, 50%, 97.5%
 * @param hyperSe Monte Carlo SEs of the means and sds of μ_α, μ_β, τ_α, τ_β (mean, sd per parameter)
 * @param theta   per trial: mean and sd of log α_j, mean and sd of log β_j
 * @param thetaSe per trial: the Monte Carlo SEs of these four
 * @param essMin  smallest effective sample size of the means of μ and τ, (sd / SE)²
 * @param exchangeable per trial: posterior probability of exchangeability (1 without EXNEX) and its Monte Carlo SE
 */
record BlrmMapSummary(double[] map, double[] mapSe, double[][] hyper, double[] hyperSe, double[][] theta,
        double[][] thetaSe, double essMin, double[][] exchangeable) {
    static final String[] HYPER = {"muLogAlpha", "muLogBeta", "tauLogAlpha", "tauLogBeta"};
    static final String[] SHRINKAGE = {"meanLogAlpha", "meanLogAlphaMcse", "sdLogAlpha", "sdLogAlphaMcse", "meanLogBeta",
        "meanLogBetaMcse", "sdLogBeta", "sdLogBetaMcse"};

    static BlrmMapSummary of(BlrmMapModel.Draws d) {
        int n = d.size();
        double[] map = BlrmMapModel.mapMoments(d, 0, n);
        double[] mapSe = BlrmMapModel.batchSe(n, (a, b) -> BlrmMapModel.mapMoments(d, a, b));
        double[][] series = {d.mu()[0], d.mu()[1], d.tau()[0], d.tau()[1]};
        double[][] hyper = new double[4][];
        for (int k = 0; k < 4; k++) {
            double[] ms = BlrmMapModel.meanSd(series[k], 0, n);
            double[] sorted = series[k].clone();
            Arrays.sort(sorted);
            hyper[k] = new double[] {ms[0], ms[1], quantile(sorted, 0.025), quantile(sorted, 0.5),
                quantile(sorted, 0.975)};
        }
        double[] hyperSe = BlrmMapModel.batchSe(n, (a, b) -> {
            double[] v = new double[8];
            for (int k = 0; k < 4; k++) {
                double[] ms = BlrmMapModel.meanSd(series[k], a, b);
                v[2 * k] = ms[0];
                v[2 * k + 1] = ms[1];
            }
            return v;
        });
        double ess = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            if (hyper[k][1] > 0 && hyperSe[2 * k] > 0) {
                ess = Math.min(ess, Math.pow(hyper[k][1] / hyperSe[2 * k], 2));
            }
        }
        double[][] theta = new double[d.theta().length][];
        for (int j = 0; j < theta.length; j++) {
            double[] a = BlrmMapModel.meanSd(d.theta()[j][0], 0, n);
            double[] b = BlrmMapModel.meanSd(d.theta()[j][1], 0, n);
            theta[j] = new double[] {a[0], a[1], b[0], b[1]};
        }
        double[][] thetaSe = new double[theta.length][];
        for (int j = 0; j < theta.length; j++) {
            double[] alpha = d.theta()[j][0];
            double[] beta = d.theta()[j][1];
            thetaSe[j] = BlrmMapModel.batchSe(n, (a, b) -> {
                double[] x = BlrmMapModel.meanSd(alpha, a, b);
                double[] y = BlrmMapModel.meanSd(beta, a, b);
                return new double[] {x[0], x[1], y[0], y[1]};
            });
        }
        double[][] exchangeable = new double[theta.length][];
        for (int j = 0; j < theta.length; j++) {
            double[] ex = d.exchangeable()[j];
            double mean = BlrmMapModel.meanSd(ex, 0, n)[0];
            double se = BlrmMapModel.batchSe(n, (a, b) -> new double[] {BlrmMapModel.meanSd(ex, a, b)[0]})[0];
            exchangeable[j] = new double[] {mean, se};
        }
        return new BlrmMapSummary(map, mapSe, hyper, hyperSe, theta, thetaSe, ess, exchangeable);
    }

    /** Type 7 quantile (R's default) of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    Table hyperTable(BufferAllocator allocator) {
        List<Object> name = new ArrayList<>();
        List<List<Object>> cols = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            cols.add(new ArrayList<>());
        }
        for (int k = 0; k < 4; k++) {
            name.add(HYPER[k]);
            double[] row = {hyper[k][0], hyperSe[2 * k], hyper[k][1], hyperSe[2 * k + 1], hyper[k][2], hyper[k][3],
                hyper[k][4]};
            for (int c = 0; c < 7; c++) {
                cols.get(c).add(row[c]);
            }
        }
        return Table.builder(allocator).add("parameter", ColumnType.STRING, name)
                .add("mean", ColumnType.FLOAT64, cols.get(0)).add("meanMcse", ColumnType.FLOAT64, cols.get(1))
                .add("sd", ColumnType.FLOAT64, cols.get(2)).add("sdMcse", ColumnType.FLOAT64, cols.get(3))
                .add("q025", ColumnType.FLOAT64, cols.get(4)).add("q50", ColumnType.FLOAT64, cols.get(5))
                .add("q975", ColumnType.FLOAT64, cols.get(6)).build();
    }

    Table shrinkageTable(BufferAllocator allocator, BlrmMapPriorMethod.History h) {
        List<Object> name = new ArrayList<>();
        List<Object> patients = new ArrayList<>();
        List<Object> dlts = new ArrayList<>();
        List<List<Object>> cols = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            cols.add(new ArrayList<>());
        }
        for (int j = 0; j < theta.length; j++) {
            name.add(h.labels().get(j));
            patients.add((long) h.patients(j));
            dlts.add((long) h.dlts(j));
            for (int c = 0; c < 4; c++) {
                cols.get(2 * c).add(theta[j][c]);
                cols.get(2 * c + 1).add(thetaSe[j][c]);
            }
        }
        TableBuilder builder = Table.builder(allocator).add("trial", ColumnType.STRING, name)
                .add("patients", ColumnType.INT64, patients).add("dlts", ColumnType.INT64, dlts);
        for (int c = 0; c < 8; c++) {
            builder.add(SHRINKAGE[c], ColumnType.FLOAT64, cols.get(c));
        }
        List<Object> ex = new ArrayList<>();
        List<Object> exSe = new ArrayList<>();
        for (double[] v : exchangeable) {
            ex.add(v[0]);
            exSe.add(v[1]);
        }
        return builder.add("pExchangeable", ColumnType.FLOAT64, ex).add("pExchangeableMcse", ColumnType.FLOAT64, exSe)
                .build();
    }
}
