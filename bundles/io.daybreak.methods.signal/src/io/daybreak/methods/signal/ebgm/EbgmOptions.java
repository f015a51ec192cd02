package io.daybreak.methods.signal.ebgm;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.signal.ebgm.HyperparameterFit;
import io.daybreak.stats.signal.ebgm.Mgps;

/**
 * Settings group: the prior fit (truncation N*, squashing, starting points, acceptance rule) and the posterior
 * summaries (quantile levels, exceedance threshold, sort order) of signal.ebgm, local and federated.
 */
record EbgmOptions(
        @Setting(defaultValue = "1", min = 1,
                doc = "fit the prior to the pairs with n >= nStar by the likelihood truncated there (openEBGM N_star)")
        int nStar,
        @Setting(defaultValue = "auto", doc = "data squashing before the prior fit: auto (openEBGM autoSquash), counts "
                + "(squashData for n = 1, 2, ... with squashBinSizes and squashKeepPoints) or none")
        @Choice({"auto", "counts", "none"})
        String squash,
        @Setting(defaultValue = "50", min = 2,
                doc = "squash = counts: bin size for n = 1, 2, ... (openEBGM squashData bin_size)")
        double[] squashBinSizes,
        @Setting(defaultValue = "100", min = 0,
                doc = "squash = counts: pairs kept unsquashed for n = 1, 2, ... (openEBGM squashData keep_pts)")
        double[] squashKeepPoints,
        @Setting(defaultValue = "0.2,0.1,2,4,0.3333333333333333,0.1,0.1,10,10,0.2,0.3,0.5,6,6,0.5,"
                + "0.5,0.3,12,12,0.8,0.2,0.2,5,5,0.4", min = 0, minInclusive = false,
                doc = "starting points, 5 numbers each (alpha1, beta1, alpha2, beta2, P); default the five of "
                        + "openEBGM's vignettes")
        double[] starts,
        @Setting(defaultValue = "1", min = 0,
                doc = "other starts that must end within autoHyper's tolerance of the best (openEBGM min_conv)")
        int minConverged,
        @Setting(defaultValue = "100", min = 0, minInclusive = false,
                doc = "upper limit for the shapes and rates (openEBGM param_limit)")
        double paramLimit,
        @Setting(defaultValue = "2", min = 0, minInclusive = false,
                doc = "p_exceed is the posterior probability that lambda exceeds this reporting ratio")
        double threshold,
        @Setting(defaultValue = "0.05", min = 0, max = 1, minInclusive = false, maxInclusive = false,
                doc = "level of the lower posterior quantile (column eb05)")
        double lowerLevel,
        @Setting(defaultValue = "0.95", min = 0, max = 1, minInclusive = false, maxInclusive = false,
                doc = "level of the upper posterior quantile (column eb95)")
        double upperLevel,
        @Setting(defaultValue = "ebgm", doc = "statistic the ebgm table is sorted by, descending")
        @Choice({"ebgm", "eb05", "eb95", "p_exceed", "rr", "n"})
        String sortBy) {

    EbgmOptions {
        if (starts.length == 0 || starts.length % 5 != 0) {
            throw new InvalidParameterException("parameter 'starts': give 5 numbers per starting point (alpha1, beta1, "
                    + "alpha2, beta2, P); got " + starts.length + " numbers");
        }
        for (int k = 4; k < starts.length; k += 5) {
            if (!(starts[k] < 1)) {
                throw new InvalidParameterException("parameter 'starts': P of starting point " + (k / 5 + 1) + " is "
                        + starts[k] + "; it must lie in (0, 1)");
            }
        }
        if (!(lowerLevel < upperLevel)) {
            throw new InvalidParameterException("parameters 'lowerLevel' = " + lowerLevel + " and 'upperLevel' = "
                    + upperLevel + ": the lower level must be below the upper");
        }
        if ("counts".equals(squash) && squashBinSizes.length != squashKeepPoints.length) {
            throw new InvalidParameterException("parameters 'squashBinSizes' and 'squashKeepPoints': give one of each "
                    + "per count squashed; got " + squashBinSizes.length + " and " + squashKeepPoints.length);
        }
    }

    double[][] startMatrix() {
        double[][] out = new double[starts.length / 5][5];
        for (int k = 0; k < starts.length; k++) {
            out[k / 5][k % 5] = starts[k];
        }
        return out;
    }

    Mgps.Squashing squashing() {
        switch (squash) {
            case "none":
                return Mgps.Squashing.NONE;
            case "counts":
                return new Mgps.Squashing(Mgps.SquashMode.COUNTS, whole("squashBinSizes", squashBinSizes),
                        whole("squashKeepPoints", squashKeepPoints));
            default:
                return Mgps.Squashing.AUTO;
        }
    }

    private static int[] whole(String parameter, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i])) {
                throw new InvalidParameterException("parameter '" + parameter + "': value " + (i + 1) + " is "
                        + values[i] + "; whole numbers expected");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /** Fits the prior (openEBGM autoHyper's rule with its default tolerances); bad data become parameter errors. */
    HyperparameterFit.Result fit(int[] n, double[] e) {
        try {
            HyperparameterFit.Result fit = Mgps.fitPrior(n, e, nStar, squashing(), startMatrix(),
                    HyperparameterFit.DEFAULT_TOL, minConverged, paramLimit);
            if (fit.prior() == null) {
                throw new InvalidParameterException("the prior fit ended outside the parameter space (shapes and rates "
                        + "in (0, paramLimit = " + paramLimit + "), P in (0, 1)) from every start; try other starts, "
                        + "another squashing, a larger paramLimit or nStar = 1");
            }
            return fit;
        } catch (IllegalArgumentException ex) {
            throw new InvalidParameterException(ex.getMessage());
        }
    }
}
