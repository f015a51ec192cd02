package io.daybreak.stats.signal.ebgm;

/**
 * The whole MGPS computation on arrays of observed and expected counts: optional squashing, the prior fit on the
 * pairs with {@code N >= N*}, and the posterior summaries of every pair (openEBGM's {@code squashData}/{@code autoSquash},
 * {@code autoHyper} and {@code ebScores}).
 */
public final class Mgps {

    /** How the pairs are squashed before the prior fit. */
    public enum SquashMode {
        /** No squashing: the likelihood over every pair. */
        NONE,
        /** openEBGM {@code autoSquash} with its defaults. */
        AUTO,
        /** openEBGM {@code squashData} for N = 1, 2, ... with the given bin sizes and kept points. */
        COUNTS
    }

    /**
     * Squashing settings.
     *
     * @param mode     the mode
     * @param binSizes for {@link SquashMode#COUNTS}: bin size for N = 1, 2, ... (one per count squashed)
     * @param keepPts  for {@link SquashMode#COUNTS}: points kept unsquashed for N = 1, 2, ...
     */
    public record Squashing(SquashMode mode, int[] binSizes, int[] keepPts) {
        /** No squashing. */
        public static final Squashing NONE = new Squashing(SquashMode.NONE, new int[0], new int[0]);
        /** autoSquash with openEBGM's defaults. */
        public static final Squashing AUTO = new Squashing(SquashMode.AUTO, new int[0], new int[0]);

        /** Checks that bin sizes and kept points pair up for {@link SquashMode#COUNTS}. */
        public Squashing {
            if (mode == SquashMode.COUNTS && (binSizes.length == 0 || binSizes.length != keepPts.length)) {
                throw new IllegalArgumentException("squashing by counts needs one bin size and one number of kept points "
                        + "per count; got " + binSizes.length + " bin sizes and " + keepPts.length + " kept points");
            }
        }

        /** Applies the squashing to unsquashed pairs. */
        public PairData apply(PairData data) {
            switch (mode) {
                case AUTO:
                    return DataSquashing.autoSquash(data);
                case COUNTS:
                    PairData out = data;
                    for (int k = 0; k < binSizes.length; k++) {
                        out = DataSquashing.squash(out, k + 1, binSizes[k], keepPts[k]);
                    }
                    return out;
                default:
                    return data;
            }
        }
    }

    /** Posterior summaries, one entry per pair in input order. */
    public record Scores(double[] qn, double[] ebgm, double[] lower, double[] upper, double[] pExceed) {
    }

    private Mgps() {
    }

    /**
     * Fits the prior as openEBGM does: the pairs with {@code N >= N*} (all pairs when {@code N* = 0}), squashed as
     * asked, by the truncated (weighted) likelihood from every start.
     */
    public static HyperparameterFit.Result fitPrior(int[] n, double[] e, int nStar, Squashing squashing,
            double[][] starts, double[] tol, int minConv, double paramLimit) {
        PairData data = PairData.of(n, e).atLeast(nStar);
        PairData squashed = squashing.apply(data);
        return HyperparameterFit.fit(new MixtureLikelihood(squashed, nStar), starts, tol, minConv, paramLimit);
    }

    /**
     * The posterior of every pair: Qn, EBGM, the {@code lowerLevel} and {@code upperLevel} quantiles and the
     * probability that lambda exceeds {@code threshold}.
     */
    public static Scores score(MgpsPrior prior, int[] n, double[] e, double lowerLevel, double upperLevel,
            double threshold) {
        if (n.length != e.length) {
            throw new IllegalArgumentException("N and E must have the same length");
        }
        MgpsPosterior post = new MgpsPosterior(prior);
        int m = n.length;
        double[] qn = new double[m];
        double[] gm = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] px = new double[m];
        for (int i = 0; i < m; i++) {
            qn[i] = post.qn(n[i], e[i]);
            gm[i] = post.ebgm(n[i], e[i], qn[i]);
            lo[i] = post.quantile(n[i], e[i], qn[i], lowerLevel);
            hi[i] = post.quantile(n[i], e[i], qn[i], upperLevel);
            px[i] = post.exceedance(n[i], e[i], qn[i], threshold);
        }
        return new Scores(qn, gm, lo, hi, px);
    }
}
