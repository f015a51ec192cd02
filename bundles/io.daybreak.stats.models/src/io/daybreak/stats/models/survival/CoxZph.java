package io.daybreak.stats.models.survival;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The test of proportional hazards of a fitted Cox model as R's {@code cox.zph(fit)} computes it in survival 3.x
 * (default {@code transform = "km"}, {@code terms = TRUE}, one column per term): a score test, at β̂, of adding
 * the time-varying terms g(t)·x to the model, where g(t) = 1 − S(t−) of the Kaplan–Meier estimate of all rows
 * (strata ignored), centred at its mean over the events. For term j the statistic is u' I⁻¹ u over the p model
 * columns and column p + j of the 2p × 2p information (u is zero in the first p places); GLOBAL uses all 2p.
 * Efron or Breslow ties; strata have their own risk sets. This is R's C routine {@code zph1} (survival 3.5-3),
 * including its Efron mean for the Schoenfeld residuals, transcribed for unit case weights.
 *
 * <p>The scaled Schoenfeld residuals are R's {@code $y}: per stratum the residuals times the inverse of the mean
 * information (the information divided by the stratum's events, for covariates not constant in the stratum),
 * plus β̂; one row per event, ordered by stratum and time as R orders them ({@code $time}, {@code $x}).
 *
 * <p>Stateless; the arrays given are not changed.
 */
public final class CoxZph {
    private final double[] chiSquare;
    private final int[] df;
    private final double[] pValue;
    private final double[] eventTime;
    private final double[] transformedTime;
    private final int[] eventStratum;
    private final double[][] scaled;

    private CoxZph(double[] chiSquare, int[] df, double[] pValue, double[] eventTime, double[] transformedTime,
            int[] eventStratum, double[][] scaled) {
        this.chiSquare = chiSquare;
        this.df = df;
        this.pValue = pValue;
        this.eventTime = eventTime;
        this.transformedTime = transformedTime;
        this.eventStratum = eventStratum;
        this.scaled = scaled;
    }

    /**
     * The test at the fitted coefficients.
     *
     * @param time   follow-up times
     * @param event  event indicators
     * @param strata stratum of each row, 0 … k − 1 (null: one stratum)
     * @param x      covariates, one row per subject
     * @param beta   the fitted coefficients β̂
     * @param efron  Efron's handling of ties (as R's default), else Breslow's
     */
    public static CoxZph test(double[] time, boolean[] event, int[] strata, double[][] x, double[] beta,
            boolean efron) {
        int[][] columns = new int[beta.length][];
        for (int j = 0; j < beta.length; j++) {
            columns[j] = new int[] {j};
        }
        return test(time, event, strata, x, beta, efron, columns);
    }

    /**
     * The test with the design's columns grouped into terms, as {@code cox.zph(fit, terms = TRUE)} (R's default): a
     * factor's columns are tested together, with as many degrees of freedom as columns.
     *
     * @param terms for each term, the indices of its columns in {@code x}
     */
    public static CoxZph test(double[] time, boolean[] event, int[] strata, double[][] x, double[] beta,
            boolean efron, int[][] terms) {
        int n = time.length;
        int p = beta.length;
        int[] stratum = strata == null ? new int[n] : strata.clone();
        int nstrat = Arrays.stream(stratum).max().orElse(0) + 1;
        double[] gtime = centredKmTime(time, event);
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = CoxSums.dot(x[i], beta);
        }
        // ord <- order(istrat, time): ascending, ties in row order
        int[] sort = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> stratum[i]).thenComparingDouble(i -> time[i]))
                .mapToInt(Integer::intValue).toArray();
        int nevent = 0;
        for (boolean e : event) {
            nevent += e ? 1 : 0;
        }
        double[][] covar = new double[p][n];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i][j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                covar[j][i] = x[i][j] - mean; // recentred, as zph1 does, for a stabler variance
            }
        }
        int[][] used = used(sort, stratum, event, x, nstrat, p);
        double[] u = new double[2 * p];
        double[][] imat = new double[2 * p][2 * p];
        double[][] schoen = new double[nevent][p];
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[][] cmat = new double[p][p];
        double[][] cmat2 = new double[p][p];
        double denom = 0;
        int cstrat = -1;
        int ip = n - 1;
        int left = nevent;
        while (ip >= 0) { // backwards in time
            int person = sort[ip];
            if (stratum[person] != cstrat) {
                cstrat = stratum[person];
                denom = 0;
                Arrays.fill(a, 0);
                for (double[] row : cmat) {
                    Arrays.fill(row, 0);
                }
            }
            double dtime = time[person];
            double timewt = gtime[person];
            int ndead = 0;
            double deadwt = 0;
            double denom2 = 0;
            for (; ip >= 0; ip--) {
                person = sort[ip];
                if (time[person] != dtime || stratum[person] != cstrat) {
                    break;
                }
                double risk = Math.exp(eta[person]);
                if (!event[person]) {
                    denom += risk;
                    for (int i = 0; i < p; i++) {
                        a[i] += risk * covar[i][person];
                        for (int j = 0; j <= i; j++) {
                            cmat[i][j] += risk * covar[i][person] * covar[j][person];
                        }
                    }
                } else {
                    ndead++;
                    deadwt += 1;
                    denom2 += risk;
                    left--;
                    for (int i = 0; i < p; i++) {
                        schoen[left][i] = covar[i][person];
                        u[i] += covar[i][person];
                        u[i + p] += timewt * covar[i][person];
                        a2[i] += risk * covar[i][person];
                        for (int j = 0; j <= i; j++) {
                            cmat2[i][j] += risk * covar[i][person] * covar[j][person];
                        }
                    }
                }
            }
            if (ndead > 0) {
                if (!efron) {
                    denom += denom2;
                    for (int i = 0; i < p; i++) {
                        a[i] += a2[i];
                        double mean = a[i] / denom;
                        u[i] -= deadwt * mean;
                        u[i + p] -= timewt * deadwt * mean;
                        for (int j = 0; j <= i; j++) {
                            cmat[i][j] += cmat2[i][j];
                            double temp = deadwt * (cmat[i][j] - mean * a[j]) / denom;
                            imat[j][i] += temp;
                            imat[j][i + p] += temp * timewt;
                            imat[j + p][i + p] += temp * timewt * timewt;
                        }
                        for (int j = 0; j < ndead; j++) {
                            schoen[left + j][i] -= mean;
                        }
                    }
                } else {
                    double wtave = deadwt / ndead;
                    for (int i = 0; i < p; i++) {
                        double tmean = 0;
                        for (int k = 0; k < ndead; k++) {
                            double temp = (k + 1) / (double) ndead;
                            tmean += (a[i] + a2[i] * temp) / (denom + denom2 * temp);
                        }
                        for (int j = 0; j < ndead; j++) {
                            schoen[left + j][i] -= tmean / ndead;
                        }
                    }
                    for (int k = 0; k < ndead; k++) {
                        denom += denom2 / ndead;
                        for (int i = 0; i < p; i++) {
                            a[i] += a2[i] / ndead;
                            double mean = a[i] / denom;
                            u[i] -= wtave * mean;
                            u[i + p] -= timewt * wtave * mean;
                            for (int j = 0; j <= i; j++) {
                                cmat[i][j] += cmat2[i][j] / ndead;
                                double temp = wtave * (cmat[i][j] - mean * a[j]) / denom;
                                imat[j][i] += temp;
                                imat[j][i + p] += timewt * temp;
                                imat[j + p][i + p] += timewt * timewt * temp;
                            }
                        }
                    }
                }
                Arrays.fill(a2, 0);
                for (double[] row : cmat2) {
                    Arrays.fill(row, 0);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                imat[i][j] = imat[j][i];
                imat[i][j + p] = imat[j][i + p];
                imat[i + p][j + p] = imat[j + p][i + p];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                imat[i + p][j] = imat[j][i + p];
            }
        }
        int k = terms.length;
        double[] chiSquare = new double[k + 1];
        int[] df = new int[k + 1];
        double[] pValue = new double[k + 1];
        for (int term = 0; term < k; term++) {
            int[] kk = new int[p + terms[term].length];
            for (int i = 0; i < p; i++) {
                kk[i] = i;
            }
            double[] score = new double[kk.length];
            for (int c = 0; c < terms[term].length; c++) {
                kk[p + c] = p + terms[term][c];
                score[p + c] = u[p + terms[term][c]];
            }
            chiSquare[term] = quadratic(sub(imat, kk), score);
            df[term] = terms[term].length;
        }
        int[] all = IntStream.range(0, 2 * p).toArray();
        double[] score = new double[2 * p];
        System.arraycopy(u, p, score, p, p);
        chiSquare[k] = quadratic(sub(imat, all), score);
        df[k] = p;
        for (int t = 0; t <= k; t++) {
            pValue[t] = ChiSquaredDistribution.of(df[t]).survivalProbability(chiSquare[t]);
        }
        // the residuals, sorted by stratum and time; only the events
        int[] eventRows = Arrays.stream(sort).filter(i -> event[i]).toArray();
        double[] ttimes = new double[nevent];
        double[] etimes = new double[nevent];
        int[] estrat = new int[nevent];
        for (int r = 0; r < nevent; r++) {
            etimes[r] = time[eventRows[r]];
            estrat[r] = stratum[eventRows[r]];
        }
        double[] km = kmTime(time, event);
        for (int r = 0; r < nevent; r++) {
            ttimes[r] = km[eventRows[r]];
        }
        double[][] scaled = scale(schoen, imat, used, estrat, beta);
        return new CoxZph(chiSquare, df, pValue, etimes, ttimes, estrat, scaled);
    }

    /** used[s][j]: the events of stratum s if covariate j is not constant in it, else 0 (R's {@code $used}). */
    private static int[][] used(int[] sort, int[] stratum, boolean[] event, double[][] x, int nstrat, int p) {
        int[][] used = new int[nstrat][p];
        int[] deaths = new int[nstrat];
        boolean[][] varies = new boolean[nstrat][p];
        double[][] first = new double[nstrat][];
        for (int person : sort) {
            int s = stratum[person];
            deaths[s] += event[person] ? 1 : 0;
            if (first[s] == null) {
                first[s] = x[person];
            }
            for (int j = 0; j < p; j++) {
                varies[s][j] |= x[person][j] != first[s][j];
            }
        }
        for (int s = 0; s < nstrat; s++) {
            for (int j = 0; j < p; j++) {
                used[s][j] = varies[s][j] ? deaths[s] : 0;
            }
        }
        return used;
    }

    /** R's rescaling: per stratum, the residuals times the inverse mean information, plus β̂ (NA: not used). */
    private static double[][] scale(double[][] schoen, double[][] imat, int[][] used, int[] estrat, double[] beta) {
        int p = beta.length;
        double[][] wtmat = new double[p][p];
        for (int[] row : used) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    wtmat[i][j] += Math.min(row[i], row[j]);
                }
            }
        }
        double[][] vmean = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                vmean[i][j] = imat[i][j] / (wtmat[i][j] == 0 ? 1 : wtmat[i][j]);
            }
        }
        double[][] scaled = new double[schoen.length][p];
        for (int s = 0; s < used.length; s++) {
            int stratum = s;
            int[] k = IntStream.range(0, p).filter(j -> used[stratum][j] > 0).toArray();
            DecompositionSolver solver = k.length == 0 ? null : new LUDecomposition(sub(vmean, k)).getSolver();
            for (int r = 0; r < schoen.length; r++) {
                if (estrat[r] != s) {
                    continue;
                }
                Arrays.fill(scaled[r], Double.NaN);
                if (solver == null) {
                    continue;
                }
                double[] residual = new double[k.length];
                for (int c = 0; c < k.length; c++) {
                    residual[c] = schoen[r][k[c]];
                }
                double[] solved = solver.solve(new ArrayRealVector(residual)).toArray();
                for (int c = 0; c < k.length; c++) {
                    scaled[r][k[c]] = solved[c];
                }
            }
        }
        for (double[] row : scaled) {
            for (int j = 0; j < p; j++) {
                row[j] += beta[j];
            }
        }
        return scaled;
    }

    /** g(t) = 1 − S(t−) of the Kaplan–Meier estimate over all rows, for each row. */
    static double[] kmTime(double[] time, boolean[] event) {
        int n = time.length;
        double[] distinct = Arrays.stream(time).distinct().sorted().toArray();
        double[] survival = new double[distinct.length]; // S just before each distinct time
        long[] deaths = new long[distinct.length];
        long[] leaving = new long[distinct.length];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(distinct, time[i]);
            leaving[k]++;
            deaths[k] += event[i] ? 1 : 0;
        }
        double s = 1;
        long atRisk = n;
        for (int k = 0; k < distinct.length; k++) {
            survival[k] = s;
            s *= 1 - (double) deaths[k] / atRisk;
            atRisk -= leaving[k];
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 1.0 - survival[Arrays.binarySearch(distinct, time[i])];
        }
        return g;
    }

    /** The KM time transform centred at its mean over the events (R's {@code gtime}). */
    private static double[] centredKmTime(double[] time, boolean[] event) {
        double[] g = kmTime(time, event);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < g.length; i++) {
            if (event[i]) {
                sum += g[i];
                count++;
            }
        }
        double mean = sum / count;
        double[] centred = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            centred[i] = g[i] - mean;
        }
        return centred;
    }

    private static RealMatrix sub(double[][] matrix, int[] index) {
        RealMatrix m = new Array2DRowRealMatrix(index.length, index.length);
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < index.length; j++) {
                m.setEntry(i, j, matrix[index[i]][index[j]]);
            }
        }
        return m;
    }

    private static double quadratic(RealMatrix information, double[] score) {
        ArrayRealVector u = new ArrayRealVector(score);
        return new LUDecomposition(information).getSolver().solve(u).dotProduct(u);
    }

    /** Chi-square per term (in the covariates' order), then GLOBAL last. */
    public double[] chiSquare() {
        return chiSquare.clone();
    }

    /** Degrees of freedom per term, then GLOBAL. */
    public int[] df() {
        return df.clone();
    }

    /** Upper-tail p-values per term, then GLOBAL. */
    public double[] pValue() {
        return pValue.clone();
    }

    /** The event times of the residual rows (R's {@code $time}). */
    public double[] eventTimes() {
        return eventTime.clone();
    }

    /** The transformed times of the residual rows, 1 − S(t−) (R's {@code $x}). */
    public double[] transformedTimes() {
        return transformedTime.clone();
    }

    /** The stratum (0 … k − 1) of each residual row. */
    public int[] eventStrata() {
        return eventStratum.clone();
    }

    /** The scaled Schoenfeld residuals, one row per event, one column per covariate (R's {@code $y}). */
    public double[][] scaledResiduals() {
        double[][] copy = new double[scaled.length][];
        for (int r = 0; r < scaled.length; r++) {
            copy[r] = scaled[r].clone();
        }
        return copy;
    }
}
