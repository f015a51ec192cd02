package io.daybreak.stats.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * A family of independent random streams derived from one seed. Stream {@code i} depends only on the seed
 * and {@code i}, never on which thread draws from it or in which order streams are created, so a
 * simulation that gives replicate {@code i} stream {@code i} produces identical results on 1 or 64
 * threads.
 *
 * <p>Each stream is a xoroshiro128++ generator (Commons RNG) whose 128-bit state is derived from
 * {@code (seed, i)} by the SplitMix64 finaliser, the seeding procedure its authors recommend. The stream
 * objects are not thread-safe; this factory is.
 */
public final class RandomStreams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream with the given index (a replicate, site or task number). */
    public UniformRandomProvider stream(long index) {
        long base = mix64(seed + GOLDEN_GAMMA * (index + 1));
        long s0 = mix64(base ^ 0x5DEECE66DL);
        long s1 = mix64(base + GOLDEN_GAMMA);
        if (s0 == 0 && s1 == 0) {
            s1 = GOLDEN_GAMMA; // xoroshiro must not start in the all-zero state
        }
        // Constructed directly: RandomSource.create goes through reflection, which dominated the cost of
        // short simulated trials and serialised parallel ones.
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /** SplitMix64's output function (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
