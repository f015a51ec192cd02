package io.daybreak.stats.signal.ebgm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Data squashing as openEBGM's {@code squashData} and {@code autoSquash} do it: for one count {@code N = count}, the
 * points are sorted by E; the {@code keepPts} largest E are kept as they are, the rest are cut in order into bins of
 * {@code binSize} points (the last bin may be partial), and each bin becomes one point with the bins' mean E and a
 * weight equal to its size. Points with other counts are untouched. The weighted likelihood of the squashed points
 * approximates the full likelihood.
 */
public final class DataSquashing {

    /** openEBGM autoSquash's default {@code keep_pts}. */
    public static final int[] AUTO_KEEP_PTS = {100, 75, 50, 25};
    /** openEBGM autoSquash's default {@code cut_offs}. */
    public static final double[] AUTO_CUT_OFFS = {500, 1e3, 1e4, 1e5, 5e5, 1e6, 5e6};
    /** openEBGM autoSquash's default {@code num_super_pts}. */
    public static final int[] AUTO_NUM_SUPER_PTS = {50, 75, 150, 500, 750, 1000, 2000, 5000};

    private DataSquashing() {
    }

    /**
     * openEBGM {@code squashData(data, count, bin_size, keep_pts, min_bin, min_pts)}.
     *
     * @throws IllegalArgumentException with openEBGM's reasons: bin size below 2, points of this count already
     *                                  squashed, fewer than {@code minPts} points, fewer than {@code minBin} bins, or
     *                                  fewer than {@code binSize} points left to squash after keeping {@code keepPts}
     */
    public static PairData squash(PairData data, int count, int binSize, int keepPts, int minBin, int minPts) {
        if (count < 0) {
            throw new IllegalArgumentException("squashing count must be >= 0, got " + count);
        }
        if (binSize < 2) {
            throw new IllegalArgumentException("squashing bin size must be >= 2, got " + binSize);
        }
        if (keepPts < 0) {
            throw new IllegalArgumentException("squashing keep points must be >= 0, got " + keepPts);
        }
        List<Integer> hold = new ArrayList<>();
        List<Integer> maybe = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.n()[i] == count) {
                if (data.w()[i] > 1) {
                    throw new IllegalArgumentException("the pairs with N = " + count + " are already squashed");
                }
                maybe.add(i);
            } else {
                hold.add(i);
            }
        }
        int numPts = maybe.size();
        if (numPts < minPts) {
            throw new IllegalArgumentException("not enough pairs with N = " + count + " to squash: " + numPts
                    + " < minimum " + minPts);
        }
        if ((double) numPts / binSize < minBin) {
            throw new IllegalArgumentException("not enough bins for N = " + count + ": " + numPts + " pairs / bin size "
                    + binSize + " < minimum " + minBin + " bins; reduce the bin size");
        }
        int numSquash = numPts - keepPts;
        if (numSquash < binSize) {
            throw new IllegalArgumentException("for N = " + count + " only " + Math.max(numSquash, 0)
                    + " pairs are left to squash after keeping " + keepPts + "; reduce the bin size or the kept points");
        }
        double[] e = data.e();
        maybe.sort(Comparator.comparingDouble(i -> e[i])); // stable, as data.table::setorder
        int numBins = (numSquash + binSize - 1) / binSize;
        int outSize = hold.size() + numBins + keepPts;
        // openEBGM orders the result by N (stably: unsquashed others, bins, kept points)
        TreeMap<Integer, List<double[]>> byN = new TreeMap<>();
        for (int i : hold) {
            byN.computeIfAbsent(data.n()[i], k -> new ArrayList<>()).add(new double[] {e[i], data.w()[i]});
        }
        List<double[]> squashed = byN.computeIfAbsent(count, k -> new ArrayList<>());
        for (int b = 0; b < numBins; b++) {
            int from = b * binSize;
            int to = Math.min(numSquash, from + binSize);
            double s = 0;
            for (int j = from; j < to; j++) {
                s += e[maybe.get(j)];
            }
            squashed.add(new double[] {s / (to - from), to - from});
        }
        for (int j = numSquash; j < numPts; j++) {
            squashed.add(new double[] {e[maybe.get(j)], data.w()[maybe.get(j)]});
        }
        int[] nn = new int[outSize];
        double[] ee = new double[outSize];
        double[] ww = new double[outSize];
        int k = 0;
        for (var entry : byN.entrySet()) {
            for (double[] p : entry.getValue()) {
                nn[k] = entry.getKey();
                ee[k] = p[0];
                ww[k] = p[1];
                k++;
            }
        }
        return new PairData(nn, ee, ww);
    }

    /** openEBGM {@code squashData} with its defaults {@code min_bin = 50, min_pts = 500}. */
    public static PairData squash(PairData data, int count, int binSize, int keepPts) {
        return squash(data, count, binSize, keepPts, 50, 500);
    }

    /** openEBGM {@code autoSquash(data)} with its default keep points, cut-offs and numbers of super points. */
    public static PairData autoSquash(PairData data) {
        return autoSquash(data, AUTO_KEEP_PTS, AUTO_CUT_OFFS, AUTO_NUM_SUPER_PTS);
    }

    /**
     * openEBGM {@code autoSquash}: every count with more than {@code max(keepPts) + 1} points, taken in increasing
     * order, is squashed; the i-th such count keeps {@code keepPts[i]} (the last value thereafter) and is cut into
     * about {@code numSuperPts[j]} bins, j the first cut-off above the number of points to squash.
     */
    public static PairData autoSquash(PairData data, int[] keepPts, double[] cutOffs, int[] numSuperPts) {
        if (numSuperPts.length != cutOffs.length + 1) {
            throw new IllegalArgumentException("autoSquash needs one more number of super points than cut-offs");
        }
        int maxKeep = 0;
        for (int v : keepPts) {
            maxKeep = Math.max(maxKeep, v);
        }
        TreeMap<Integer, Integer> table = new TreeMap<>();
        for (int v : data.n()) {
            table.merge(v, 1, Integer::sum);
        }
        List<Integer> counts = new ArrayList<>();
        for (var en : table.entrySet()) {
            if (en.getValue() > maxKeep + 1) {
                counts.add(en.getKey());
            }
        }
        PairData out = data;
        for (int pos = 0; pos < counts.size(); pos++) {
            int num = table.get(counts.get(pos));
            int keep = keepPts[Math.min(pos, keepPts.length - 1)];
            int toSquash = num - keep;
            int cut = cutOffs.length;
            for (int j = 0; j < cutOffs.length; j++) {
                if (toSquash < cutOffs[j]) {
                    cut = j;
                    break;
                }
            }
            int supers = numSuperPts[cut];
            int binSize = Math.max((int) Math.floor((double) toSquash / supers), 2);
            out = squash(out, counts.get(pos), binSize, keep, 1, 1);
        }
        return out;
    }
}
