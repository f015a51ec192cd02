package io.daybreak.stats.models.survival;

import java.util.Arrays;

/**
 * One data set's rows for a Cox fit, ordered latest time first once, so that each Newton step is one pass over the
 * rows: sorting a million rows again at every step, and keeping p × p sums for every event time when the fit needs
 * only their totals, made a local fit on a million rows several times slower than R's {@code coxph}.
 *
 * <p>{@link #sums} gives the per-event-time sums a site releases ({@link CoxSums}); {@link #evaluate} gives the log
 * partial likelihood, score and information of these rows alone directly, with the same arithmetic as
 * {@code sums(beta, eventTimes()).evaluate(beta, efron)} except that the event times are added up latest first.
 */
public final class CoxRows {
    private final double[] time;
    private final boolean[] event;
    /** The rows sorted by time, latest first (rows with equal times in index order), with x flattened row by row. */
    private final double[] sortedTime;
    private final boolean[] sortedEvent;
    private final double[] sortedX;
    private final double[] sortedWeight;
    private final int p;
    /** The distinct event times, ascending; computed when first needed. */
    private double[] eventTimes;

    private CoxRows(double[] time, boolean[] event, double[][] x, double[] weights) {
        this.time = time;
        this.event = event;
        int n = time.length;
        this.p = n == 0 ? 0 : x[0].length;
        int[] order = latestFirst(time);
        sortedTime = new double[n];
        sortedEvent = new boolean[n];
        sortedX = new double[n * p];
        sortedWeight = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            sortedTime[k] = time[i];
            sortedEvent[k] = event[i];
            System.arraycopy(x[i], 0, sortedX, k * p, p);
            sortedWeight[k] = weights == null ? 1 : weights[i];
        }
    }

    /**
     * The rows, copied in time order (the sort and the contiguous copy are what make each step one fast pass).
     *
     * @param weights case weights, or {@code null} for every weight 1
     */
    public static CoxRows of(double[] time, boolean[] event, double[][] x, double[] weights) {
        return new CoxRows(time, event, x, weights);
    }

    /** The distinct event times, ascending. */
    public double[] eventTimes() {
        return ownEventTimes().clone();
    }

    private double[] ownEventTimes() {
        if (eventTimes == null) {
            eventTimes = CoxSums.eventTimes(time, event);
        }
        return eventTimes;
    }

    /** The sums at β over {@code grid} (ascending event times, possibly from other sites). */
    public CoxSums sums(double[] beta, double[] grid) {
        checkLength(beta);
        int n = sortedTime.length;
        int p = beta.length; // the field's p is 0 for no rows, whose sums still have the fit's width
        CoxSums sums = new CoxSums(grid, p);
        double r0 = 0;
        long size = 0;
        double[] r1 = new double[p];
        double[][] r2 = new double[p][p];
        int next = 0;
        for (int g = grid.length - 1; g >= 0; g--) {
            double t = grid[g];
            while (next < n && sortedTime[next] >= t) {
                int k = next++;
                int at = k * p;
                double caseWeight = sortedWeight[k];
                double w = caseWeight * Math.exp(dot(at, beta));
                r0 += w;
                size++;
                addOuter(r1, r2, at, w);
                if (sortedEvent[k] && sortedTime[k] == t) {
                    sums.d[g]++;
                    sums.dw[g] += caseWeight;
                    sums.t0[g] += w;
                    for (int a = 0; a < p; a++) {
                        sums.sumX[g][a] += caseWeight * sortedX[at + a];
                    }
                    addOuter(sums.t1[g], sums.t2[g], at, w);
                }
            }
            sums.s0[g] = r0;
            sums.riskSize[g] = size;
            for (int a = 0; a < p; a++) {
                sums.s1[g][a] = r1[a];
                for (int b = 0; b <= a; b++) {
                    sums.s2[g][a][b] = r2[a][b];
                    sums.s2[g][b][a] = r2[a][b];
                    sums.t2[g][b][a] = sums.t2[g][a][b];
                }
            }
        }
        return sums;
    }

    /**
     * Log partial likelihood, score and information of these rows alone at β, with Efron's or Breslow's handling of
     * ties: the same as {@code sums(beta, eventTimes()).evaluate(beta, efron)} without the per-time arrays.
     */
    public CoxFit.Evaluation evaluate(double[] beta, boolean efron) {
        checkLength(beta);
        int n = sortedTime.length;
        int p = beta.length; // the field's p is 0 for no rows, whose sums still have the fit's width
        double logLikelihood = 0;
        double[] score = new double[p];
        double[][] information = new double[p][p];
        double r0 = 0;
        double[] r1 = new double[p];
        double[][] r2 = new double[p][p];
        double[] sumX = new double[p];
        double[] t1 = new double[p];
        double[][] t2 = new double[p][p];
        double[] b = new double[p];
        double[] eventTimes = ownEventTimes();
        int next = 0;
        for (int g = eventTimes.length - 1; g >= 0; g--) {
            double t = eventTimes[g];
            long events = 0;
            double eventWeight = 0;
            double t0 = 0;
            Arrays.fill(sumX, 0);
            Arrays.fill(t1, 0);
            for (double[] row : t2) {
                Arrays.fill(row, 0);
            }
            while (next < n && sortedTime[next] >= t) {
                int k = next++;
                int at = k * p;
                double caseWeight = sortedWeight[k];
                double w = caseWeight * Math.exp(dot(at, beta));
                r0 += w;
                addOuter(r1, r2, at, w);
                if (sortedEvent[k] && sortedTime[k] == t) {
                    events++;
                    eventWeight += caseWeight;
                    t0 += w;
                    for (int a = 0; a < p; a++) {
                        sumX[a] += caseWeight * sortedX[at + a];
                    }
                    addOuter(t1, t2, at, w);
                }
            }
            logLikelihood += CoxSums.dot(sumX, beta);
            for (int a = 0; a < p; a++) {
                score[a] += sumX[a];
            }
            double meanWeight = eventWeight / events;
            for (long k = 0; k < events; k++) {
                double f = efron ? (double) k / events : 0;
                double a0 = r0 - f * t0;
                logLikelihood -= meanWeight * Math.log(a0);
                for (int a = 0; a < p; a++) {
                    b[a] = r1[a] - f * t1[a];
                    score[a] -= meanWeight * b[a] / a0;
                }
                for (int a = 0; a < p; a++) {
                    for (int c = 0; c < p; c++) {
                        double second = a >= c ? r2[a][c] - f * t2[a][c] : r2[c][a] - f * t2[c][a];
                        information[a][c] += meanWeight * (second / a0 - b[a] * b[c] / (a0 * a0));
                    }
                }
            }
        }
        return new CoxFit.Evaluation(logLikelihood, score, information);
    }

    private void checkLength(double[] beta) {
        if (sortedTime.length > 0 && beta.length != p) {
            throw new IllegalArgumentException(beta.length + " coefficients for " + p + " covariates");
        }
    }

    /** x'β of the sorted row starting at {@code at}. */
    private double dot(int at, double[] beta) {
        double eta = 0;
        for (int a = 0; a < p; a++) {
            eta += sortedX[at + a] * beta[a];
        }
        return eta;
    }

    /** Adds w·x to {@code first} and w·x x' to the lower triangle of {@code second}, x the sorted row at {@code at}. */
    private void addOuter(double[] first, double[][] second, int at, double w) {
        for (int a = 0; a < p; a++) {
            double wx = w * sortedX[at + a];
            first[a] += wx;
            double[] row = second[a];
            for (int b = 0; b <= a; b++) {
                row[b] += wx * sortedX[at + b];
            }
        }
    }

    /**
     * Row indices by time, latest first, rows with equal times in index order (as a stable sort would give), by a
     * counting sort over the ranks of the distinct times: no boxed indices.
     */
    static int[] latestFirst(double[] time) {
        int n = time.length;
        double[] sorted = CoxSums.distinctAscending(time.clone());
        int distinct = sorted.length;
        int[] rank = new int[n];
        int[] start = new int[distinct + 1];
        for (int i = 0; i < n; i++) {
            rank[i] = distinct - 1 - Arrays.binarySearch(sorted, 0, distinct, time[i]); // 0 for the latest time
            start[rank[i] + 1]++;
        }
        for (int r = 0; r < distinct; r++) {
            start[r + 1] += start[r];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[start[rank[i]]++] = i;
        }
        return order;
    }
}
