package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic biomarker results (seeded) in the shape of the methods' saved documents, for example reports and their
 * screenshots (docs/images/biomarker-*.png): a lasso path computed here by coordinate descent on simulated data with
 * a 5-fold cross-validation curve, empirical ROC curves of two simulated markers, a STEPP table and subgroups. Only
 * the shapes are the methods'; the numbers are this generator's.
 */
final class BiomarkerReportExample {
    private BiomarkerReportExample() {
    }

    private static Map<String, Object> row(List<String> columns, Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }

    /** Lasso (gaussian, standardised x) by cyclic coordinate descent at each lambda, warm started. */
    private static double[][] lasso(double[][] x, double[] y, double[] lambda) {
        int n = y.length;
        int p = x[0].length;
        double[][] path = new double[lambda.length][p];
        double[] beta = new double[p];
        double[] r = y.clone();
        for (int m = 0; m < lambda.length; m++) {
            for (int sweep = 0; sweep < 200; sweep++) {
                double change = 0;
                for (int j = 0; j < p; j++) {
                    double z = 0;
                    for (int i = 0; i < n; i++) {
                        z += x[i][j] * r[i];
                    }
                    z = z / n + beta[j];
                    double b = Math.signum(z) * Math.max(0, Math.abs(z) - lambda[m]);
                    if (b != beta[j]) {
                        for (int i = 0; i < n; i++) {
                            r[i] -= x[i][j] * (b - beta[j]);
                        }
                        change = Math.max(change, Math.abs(b - beta[j]));
                        beta[j] = b;
                    }
                }
                if (change < 1e-7) {
                    break;
                }
            }
            path[m] = beta.clone();
        }
        return path;
    }

    /** An elastic-net document (alpha 1, gaussian): "path" and "cv" tables in the summary, lambda.min and 1se. */
    static Map<String, Object> elasticNet(long seed) {
        Random random = new Random(seed);
        int n = 200;
        int p = 15;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] truth = {1.0, -0.8, 0.6, 0.5, -0.4, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian();
                y[i] += truth[j] * x[i][j];
            }
            y[i] += 1.2 * random.nextGaussian();
        }
        double mean = Arrays.stream(y).average().orElse(0);
        for (int i = 0; i < n; i++) {
            y[i] -= mean;
        }
        double max = 0;
        for (int j = 0; j < p; j++) {
            double z = 0;
            for (int i = 0; i < n; i++) {
                z += x[i][j] * y[i];
            }
            max = Math.max(max, Math.abs(z / n));
        }
        int nl = 50;
        double[] lambda = new double[nl];
        for (int m = 0; m < nl; m++) {
            lambda[m] = max * Math.pow(0.01, m / (nl - 1.0));
        }
        double[][] path = lasso(x, y, lambda);
        int folds = 5;
        double[][] errors = new double[folds][nl];
        for (int k = 0; k < folds; k++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % folds != k) {
                    train.add(i);
                }
            }
            double[][] xt = train.stream().map(i -> x[i]).toArray(double[][]::new);
            double[] yt = train.stream().mapToDouble(i -> y[i]).toArray();
            double[][] fit = lasso(xt, yt, lambda);
            for (int m = 0; m < nl; m++) {
                double sse = 0;
                int count = 0;
                for (int i = k; i < n; i += folds) {
                    double pred = 0;
                    for (int j = 0; j < p; j++) {
                        pred += x[i][j] * fit[m][j];
                    }
                    sse += (y[i] - pred) * (y[i] - pred);
                    count++;
                }
                errors[k][m] = sse / count;
            }
        }
        List<String> pathColumns = List.of("step", "lambda", "term", "coefficient");
        List<Object> pathRows = new ArrayList<>();
        List<String> cvColumns = List.of("lambda", "cvm", "cvsd", "cvup", "cvlo", "nzero");
        List<Object> cvRows = new ArrayList<>();
        String[] names = {"IL6", "CRP", "VEGF", "TNFa", "HGF", "IL8", "CA19_9", "CEA", "LDH", "ALB", "NLR", "PLR", "FGF2",
            "TGFb", "MMP9"};
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        for (int m = 0; m < nl; m++) {
            pathRows.add(row(pathColumns, (long) m + 1, lambda[m], "(Intercept)", 0.0));
            long nzero = 0;
            for (int j = 0; j < p; j++) {
                pathRows.add(row(pathColumns, (long) m + 1, lambda[m], names[j], path[m][j]));
                nzero += path[m][j] != 0 ? 1 : 0;
            }
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < folds; k++) {
                sum += errors[k][m];
                squares += errors[k][m] * errors[k][m];
            }
            cvm[m] = sum / folds;
            cvsd[m] = Math.sqrt((squares / folds - cvm[m] * cvm[m]) / (folds - 1));
            cvRows.add(row(cvColumns, lambda[m], cvm[m], cvsd[m], cvm[m] + cvsd[m], cvm[m] - cvsd[m], nzero));
        }
        int best = 0;
        for (int m = 1; m < nl; m++) {
            best = cvm[m] < cvm[best] ? m : best;
        }
        int oneSe = best;
        for (int m = 0; m < best; m++) {
            if (cvm[m] <= cvm[best] + cvsd[best]) {
                oneSe = m;
                break;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("family", "gaussian");
        summary.put("alpha", 1.0);
        summary.put("typeMeasure", "mse");
        summary.put("lambdaMin", lambda[best]);
        summary.put("lambda1se", lambda[oneSe]);
        summary.put("path", pathRows);
        summary.put("cv", cvRows);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", "biomarker.elastic-net");
        document.put("summary", summary);
        return document;
    }

    /** A biomarker.roc document: empirical ROC points of two simulated markers, AUC (Mann-Whitney), Youden point. */
    static Map<String, Object> roc(long seed) {
        Random random = new Random(seed);
        List<String> rocColumns = List.of("marker", "threshold", "sensitivity", "specificity");
        List<String> aucColumns = List.of("marker", "direction", "cases", "controls", "auc", "auc_lower", "auc_upper",
                "best_threshold", "best_sensitivity", "best_specificity", "best_ties");
        List<Object> rocRows = new ArrayList<>();
        List<Object> aucRows = new ArrayList<>();
        String[] markers = {"CA125", "HE4"};
        double[] shift = {1.3, 0.6};
        int cases = 60;
        int controls = 90;
        for (int k = 0; k < 2; k++) {
            double[] yes = new double[cases];
            double[] no = new double[controls];
            for (int i = 0; i < cases; i++) {
                yes[i] = shift[k] + random.nextGaussian();
            }
            for (int i = 0; i < controls; i++) {
                no[i] = random.nextGaussian();
            }
            double[] all = new double[cases + controls];
            System.arraycopy(yes, 0, all, 0, cases);
            System.arraycopy(no, 0, all, cases, controls);
            Arrays.sort(all);
            double bestJ = -1;
            double[] best = null;
            List<Double> thresholds = new ArrayList<>(List.of(Double.NEGATIVE_INFINITY));
            for (int i = 0; i + 1 < all.length; i++) {
                thresholds.add((all[i] + all[i + 1]) / 2);
            }
            thresholds.add(Double.POSITIVE_INFINITY);
            for (double t : thresholds) {
                double se = Arrays.stream(yes).filter(v -> v > t).count() / (double) cases;
                double sp = Arrays.stream(no).filter(v -> v <= t).count() / (double) controls;
                rocRows.add(row(rocColumns, markers[k], t, se, sp));
                if (se + sp - 1 > bestJ) {
                    bestJ = se + sp - 1;
                    best = new double[] {t, se, sp};
                }
            }
            double u = 0;
            for (double a : yes) {
                for (double b : no) {
                    u += a > b ? 1 : a == b ? 0.5 : 0;
                }
            }
            double auc = u / cases / controls;
            // Hanley and McNeil's standard error (the method itself reports DeLong's)
            double q1 = auc / (2 - auc);
            double q2 = 2 * auc * auc / (1 + auc);
            double se = Math.sqrt((auc * (1 - auc) + (cases - 1) * (q1 - auc * auc) + (controls - 1) * (q2 - auc * auc))
                    / cases / controls);
            aucRows.add(row(aucColumns, markers[k], "<", (double) cases, (double) controls, auc, auc - 1.96 * se,
                    auc + 1.96 * se, best[0], best[1], best[2], 1.0));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cases", (long) cases);
        summary.put("controls", (long) controls);
        summary.put("level", 0.95);
        summary.put("roc", rocRows);
        summary.put("auc", aucRows);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", "biomarker.roc");
        document.put("summary", summary);
        return document;
    }

    /** A biomarker.stepp document with a STEPP table (log hazard ratios falling with the marker). */
    static Map<String, Object> stepp(long seed) {
        Random random = new Random(seed);
        List<String> columns = List.of("window", "marker_lower", "marker_upper", "marker_median", "n", "effect_treatment",
                "effect_control", "difference", "difference_lower", "difference_upper");
        List<Object> rows = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            double median = 8 + 6.5 * w;
            double difference = 0.15 - 0.022 * (median - 8) + 0.08 * random.nextGaussian();
            double se = 0.26;
            rows.add(row(columns, (double) w + 1, Math.max(0, median - 9), median + 9, median, 120.0, Double.NaN, Double.NaN,
                    difference, difference - 1.96 * se, difference + 1.96 * se));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("stepp", rows);
        summary.put("effectScale", "log hazard ratio");
        summary.put("overallDifference", -0.42);
        summary.put("steppP", 0.018);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", "biomarker.stepp");
        document.put("summary", summary);
        document.put("provenance", Map.of("parameters", Map.of("marker", "Ki-67 (%)")));
        return document;
    }

    /** A biomarker.virtual-twins document: three subgroups, hazard ratios, naive and bias-adjusted. */
    static Map<String, Object> subgroups() {
        List<String> columns = List.of("subgroup", "n", "n_treatment", "n_control", "effect_naive", "naive_lower",
                "naive_upper", "effect_adjusted", "adjusted_lower", "adjusted_upper", "p_value", "effect_scale");
        List<Object> rows = List.of(
                row(columns, "IL6 >= 4.2 & CRP < 11", 118.0, 61.0, 57.0, 0.41, 0.27, 0.63, 0.58, 0.38, 0.9, 0.0001,
                        "hazard ratio"),
                row(columns, "VEGF < 310", 96.0, 47.0, 49.0, 0.52, 0.33, 0.83, 0.71, 0.45, 1.12, 0.006, "hazard ratio"),
                row(columns, "HGF >= 0.9", 74.0, 38.0, 36.0, 0.6, 0.35, 1.03, 0.83, 0.5, 1.38, 0.065, "hazard ratio"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("subgroups", rows);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", "biomarker.virtual-twins");
        document.put("summary", summary);
        return document;
    }
}
