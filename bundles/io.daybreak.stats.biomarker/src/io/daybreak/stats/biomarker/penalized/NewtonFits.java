package io.daybreak.stats.biomarker.penalized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.daybreak.stats.biomarker.penalized.NewtonPath.Quadratic;

/**
 * The binomial and Cox paths of {@link NewtonPath} on rows held in one place: the reference a federated fit, which
 * computes the same sums at its sites and adds them, must equal (ADR 0035). Cox with Breslow ties only.
 */
public final class NewtonFits {
    private NewtonFits() {
    }

    /** The path of a binomial or Cox model on all rows of {@code data}. */
    public static PenalizedPath pooled(PenalizedData data, PenalizedSettings settings) {
        int n = data.rows();
        int p = data.features();
        double[][] x = data.x();
        double[] sumX = new double[p];
        double[] sumXX = new double[p];
        for (int j = 0; j < p; j++) {
            for (double v : x[j]) {
                sumX[j] += v;
                sumXX[j] += v * v;
            }
        }
        double[] scale = NewtonSums.scales(n, sumX, sumXX, settings.standardize());
        if (data.family() == Family.BINOMIAL) {
            double[] y = data.y();
            boolean intercept = settings.intercept();
            double ones = Arrays.stream(y).sum();
            NewtonPath.Problem problem = new NewtonPath.Problem(Family.BINOMIAL, n, scale, intercept,
                    binomialNull(n, ones, intercept), 0);
            double[] start = new double[p + (intercept ? 1 : 0)];
            NewtonPath.Stepper stepper = new NewtonPath.Stepper(problem, settings, start,
                    binomial(x, y, start, intercept));
            while (!stepper.done()) {
                List<Quadratic> sums = new ArrayList<>();
                for (double[] point : stepper.pending()) {
                    sums.add(binomial(x, y, point, intercept));
                }
                stepper.accept(sums);
            }
            return stepper.result();
        }
        if (data.family() != Family.COX) {
            throw new IllegalArgumentException("the Newton path fits binomial and Cox models");
        }
        if (settings.ties() != Ties.BRESLOW) {
            throw new IllegalArgumentException("the Newton path handles tied event times by Breslow's method only");
        }
        double[] time = data.time();
        boolean[] event = data.event();
        double[] grid = eventTimes(time, event);
        long[] d = NewtonSums.events(time, event, grid);
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = sumX[j] / n;
        }
        double[] start = new double[p];
        Quadratic startSums = cox(time, event, x, start, grid, d, mean);
        NewtonPath.Problem problem = new NewtonPath.Problem(Family.COX, n, scale, false, startSums.logLikelihood(),
                NewtonSums.coxSaturated(d));
        NewtonPath.Stepper stepper = new NewtonPath.Stepper(problem, settings, start, startSums);
        while (!stepper.done()) {
            List<Quadratic> sums = new ArrayList<>();
            for (double[] point : stepper.pending()) {
                sums.add(cox(time, event, x, point, grid, d, mean));
            }
            stepper.accept(sums);
        }
        return stepper.result();
    }

    /** ℓ of the intercept-only binomial model (at the mean response), or of η = 0 without intercept. */
    public static double binomialNull(long n, double ones, boolean intercept) {
        if (!intercept) {
            return n * Math.log(0.5);
        }
        double mean = ones / n;
        if (!(mean > 0 && mean < 1)) {
            throw new IllegalArgumentException("the binomial response has only one class");
        }
        return ones * Math.log(mean) + (n - ones) * Math.log(1 - mean);
    }

    private static Quadratic binomial(double[][] x, double[] y, double[] point, boolean intercept) {
        if (intercept) {
            return NewtonSums.binomial(x, y, point);
        }
        double[] withZero = new double[point.length + 1];
        System.arraycopy(point, 0, withZero, 1, point.length);
        return NewtonSums.withoutIntercept(NewtonSums.binomial(x, y, withZero));
    }

    private static Quadratic cox(double[] time, boolean[] event, double[][] x, double[] beta, double[] grid, long[] d,
            double[] mean) {
        NewtonSums.CoxRisk risk = NewtonSums.coxRisk(time, event, x, beta, grid);
        double[][] hazards = NewtonSums.hazards(d, risk.s0());
        return NewtonSums.cox(d, risk, NewtonSums.coxGram(time, event, x, beta, grid, hazards[0], hazards[1]), mean);
    }

    /** The distinct event times, ascending. */
    public static double[] eventTimes(double[] time, boolean[] event) {
        return java.util.stream.IntStream.range(0, time.length).filter(i -> event[i]).mapToDouble(i -> time[i])
                .distinct().sorted().toArray();
    }
}
