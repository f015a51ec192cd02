package io.daybreak.stats.federated;

import io.daybreak.federation.Aggregates;
import io.daybreak.stats.models.glm.GlmSums;

/**
 * What a site releases for one IRLS step of a GLM ({@code stats.glm}'s site step, and any site step that adds a
 * propensity or outcome model's sums to its own release), and how a coordinator reads it back: one format, so the
 * site steps of several method bundles and the coordinators that sum them cannot drift apart.
 */
public final class GlmReleases {
    /** The site step whose release this is. */
    public static final String METHOD = "stats.glm";

    private GlmReleases() {
    }

    /** The release of one IRLS step's sums (other site steps add their own aggregates to it). */
    public static Aggregates.Builder release(GlmSums sums) {
        return Aggregates.builder().putMatrix("xtwx", sums.xtwx).put("xtwz", sums.xtwz)
                .put("deviance", sums.deviance).put("n", sums.n).put("sumY", sums.sumY)
                .put("saturatedLogLikelihood", sums.saturatedLogLikelihood);
    }

    /** Rebuilds the sums from a site's release (the coordinator's side). */
    public static GlmSums fromRelease(Aggregates released) {
        double[][] xtwx = released.getMatrix("xtwx");
        GlmSums sums = new GlmSums(xtwx.length);
        for (int a = 0; a < xtwx.length; a++) {
            System.arraycopy(xtwx[a], 0, sums.xtwx[a], 0, xtwx.length);
        }
        System.arraycopy(released.get("xtwz"), 0, sums.xtwz, 0, xtwx.length);
        sums.deviance = released.scalar("deviance");
        sums.n = (long) released.scalar("n");
        sums.sumY = released.scalar("sumY");
        sums.saturatedLogLikelihood = released.scalar("saturatedLogLikelihood");
        return sums;
    }
}
