package io.daybreak.examples.betabinomial;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.statistics.distribution.BetaDistribution;

import io.daybreak.data.Table;
import io.daybreak.stats.beta.BetaPosterior;

/** The posterior density and CDF on an equally spaced grid over [0, 1], as a table. */
final class PosteriorGrid {
    private PosteriorGrid() {
    }

    static Table build(BetaPosterior posterior, int points, BufferAllocator allocator) {
        BetaDistribution distribution = BetaDistribution.of(posterior.alpha(), posterior.beta());
        double[] rate = new double[points];
        double[] density = new double[points];
        double[] cdf = new double[points];
        for (int i = 0; i < points; i++) {
            rate[i] = (double) i / (points - 1);
            density[i] = distribution.density(rate[i]);
            cdf[i] = distribution.cumulativeProbability(rate[i]);
        }
        return Table.builder(allocator)
                .addFloat64("rate", rate)
                .addFloat64("density", density)
                .addFloat64("cdf", cdf)
                .build();
    }
}
