package io.daybreak.stats.biomarker.roc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The empirical ROC curve of a marker for a binary status, as R {@code pROC::roc}: thresholds at the midpoints of
 * the sorted distinct marker values (plus -Inf and +Inf), the AUC (Mann–Whitney, ties counted one half), DeLong's
 * variance from the placement values, and Youden-optimal thresholds as {@code coords(roc, "best")}.
 *
 * <p>With direction {@code "<"} (controls lower) a value is called positive when {@code value >= threshold}:
 * sensitivity {@code mean(cases >= t)}, specificity {@code mean(controls < t)}; with {@code ">"} the reverse.
 * {@code "auto"} picks {@code "<"} when {@code median(controls) <= median(cases)}, as pROC.
 *
 * @param cases marker values of the cases (status 1)
 * @param controls marker values of the controls (status 0)
 * @param higherIsCase true for direction {@code "<"}, false for {@code ">"}
 * @param thresholds the thresholds, increasing
 * @param sensitivity sensitivity at each threshold
 * @param specificity specificity at each threshold
 * @param auc the area under the curve
 * @param placementsCases DeLong placement of each case: the share of controls it exceeds (ties one half)
 * @param placementsControls DeLong placement of each control: the share of cases exceeding it (ties one half)
 */
public record EmpiricalRoc(double[] cases, double[] controls, boolean higherIsCase, double[] thresholds,
        double[] sensitivity, double[] specificity, double auc, double[] placementsCases, double[] placementsControls) {

    /** The direction of the comparison. */
    public enum Direction {
        /** As pROC's default: by the medians. */
        AUTO,
        /** Controls lower than cases ({@code "<"}): high values indicate a case. */
        CONTROLS_LOWER,
        /** Controls higher than cases ({@code ">"}): low values indicate a case. */
        CONTROLS_HIGHER
    }

    /**
     * Builds the curve.
     *
     * @throws IllegalArgumentException without cases or controls, or with non-finite values
     */
    public static EmpiricalRoc of(double[] cases, double[] controls, Direction direction) {
        if (cases.length == 0 || controls.length == 0) {
            throw new IllegalArgumentException("the ROC curve needs at least one case and one control; got "
                    + cases.length + " cases and " + controls.length + " controls");
        }
        for (double[] values : List.of(cases, controls)) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("marker value " + v + " is not a finite number");
                }
            }
        }
        boolean higher = switch (direction) {
            case AUTO -> median(controls) <= median(cases);
            case CONTROLS_LOWER -> true;
            case CONTROLS_HIGHER -> false;
        };
        double[] all = new double[cases.length + controls.length];
        System.arraycopy(cases, 0, all, 0, cases.length);
        System.arraycopy(controls, 0, all, cases.length, controls.length);
        double[] unique = Arrays.stream(all).sorted().distinct().toArray();
        int k = unique.length;
        double[] thresholds = new double[k + 1];
        thresholds[0] = Double.NEGATIVE_INFINITY;
        thresholds[k] = Double.POSITIVE_INFINITY;
        for (int i = 1; i < k; i++) {
            double t = (unique[i - 1] + unique[i]) / 2;
            thresholds[i] = Math.abs(t) > 1e100 ? unique[i - 1] / 2 + unique[i] / 2 : t;
        }
        double[] sortedCases = cases.clone();
        double[] sortedControls = controls.clone();
        Arrays.sort(sortedCases);
        Arrays.sort(sortedControls);
        double[] se = new double[k + 1];
        double[] sp = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            double t = thresholds[i];
            // "<": tp = #(cases >= t), tn = #(controls < t); ">": tp = #(cases <= t), tn = #(controls > t)
            long tp = higher ? cases.length - TimeDependentRoc.lowerBound(sortedCases, t)
                    : TimeDependentRoc.upperBound(sortedCases, t);
            long tn = higher ? TimeDependentRoc.lowerBound(sortedControls, t)
                    : controls.length - TimeDependentRoc.upperBound(sortedControls, t);
            se[i] = tp / (double) cases.length;
            sp[i] = tn / (double) controls.length;
        }
        // placements: psi(case, control) = 1 if the case is further in the case direction, 1/2 if tied
        double[] x = new double[cases.length];
        double[] y = new double[controls.length];
        double sum = 0;
        for (int i = 0; i < cases.length; i++) {
            int below = TimeDependentRoc.lowerBound(sortedControls, cases[i]);
            int atOrBelow = TimeDependentRoc.upperBound(sortedControls, cases[i]);
            double wins = higher ? below : controls.length - atOrBelow;
            double psi = wins + 0.5 * (atOrBelow - below);
            sum += psi;
            x[i] = psi / controls.length;
        }
        for (int j = 0; j < controls.length; j++) {
            int below = TimeDependentRoc.lowerBound(sortedCases, controls[j]);
            int atOrBelow = TimeDependentRoc.upperBound(sortedCases, controls[j]);
            double wins = higher ? cases.length - atOrBelow : below;
            y[j] = (wins + 0.5 * (atOrBelow - below)) / cases.length;
        }
        double auc = sum / ((double) cases.length * controls.length);
        return new EmpiricalRoc(cases.clone(), controls.clone(), higher, thresholds, se, sp, auc, x, y);
    }

    /** DeLong's variance of the AUC: {@code var(X)/m + var(Y)/n} with the placement values (divisor m - 1, n - 1). */
    public double delongVariance() {
        int m = cases.length;
        int n = controls.length;
        if (m <= 1 || n <= 1) {
            return Double.NaN;
        }
        return covariance(placementsCases, placementsCases, auc, auc) / m
                + covariance(placementsControls, placementsControls, auc, auc) / n;
    }

    /**
     * The DeLong confidence interval as {@code ci.auc(roc, method = "delong")}: {@code auc -/+ z sqrt(var)}, clipped
     * to [0, 1]; NaN with a single case or control.
     */
    public double[] delongInterval(double level) {
        double sd = Math.sqrt(delongVariance());
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double z = normal.inverseCumulativeProbability(1 - (1 - level) / 2);
        double lower = auc - z * sd;
        double upper = auc + z * sd;
        return new double[] {Math.max(0, lower), Math.min(1, upper)};
    }

    /** The indices of the thresholds maximising Youden's J = sensitivity + specificity - 1 (all ties, in order). */
    public int[] youdenBest() {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < thresholds.length; i++) {
            best = Math.max(best, sensitivity[i] + specificity[i]);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < thresholds.length; i++) {
            if (sensitivity[i] + specificity[i] == best) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * DeLong's test of two correlated AUCs (the same cases and controls, in the same order), as
     * {@code roc.test(roc1, roc2, method = "delong", paired = TRUE)}.
     *
     * @return {z, two-sided p, auc1 - auc2, its standard error}
     */
    public static double[] delongPairedTest(EmpiricalRoc r1, EmpiricalRoc r2) {
        int m = r1.cases.length;
        int n = r1.controls.length;
        if (r2.cases.length != m || r2.controls.length != n) {
            throw new IllegalArgumentException("paired ROC curves need the same cases and controls");
        }
        double s11 = covariance(r1.placementsCases, r1.placementsCases, r1.auc, r1.auc) / m
                + covariance(r1.placementsControls, r1.placementsControls, r1.auc, r1.auc) / n;
        double s22 = covariance(r2.placementsCases, r2.placementsCases, r2.auc, r2.auc) / m
                + covariance(r2.placementsControls, r2.placementsControls, r2.auc, r2.auc) / n;
        double s12 = covariance(r1.placementsCases, r2.placementsCases, r1.auc, r2.auc) / m
                + covariance(r1.placementsControls, r2.placementsControls, r1.auc, r2.auc) / n;
        double d = r1.auc - r2.auc;
        double sig = Math.sqrt(s11 + s22 - 2 * s12);
        double z = d == 0 && sig == 0 ? 0 : d / sig;
        double p = 2 * NormalDistribution.of(0, 1).cumulativeProbability(-Math.abs(z));
        return new double[] {z, p, d, sig};
    }

    private static double covariance(double[] a, double[] b, double ma, double mb) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }

    static double median(double[] v) {
        double[] x = v.clone();
        Arrays.sort(x);
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }
}
