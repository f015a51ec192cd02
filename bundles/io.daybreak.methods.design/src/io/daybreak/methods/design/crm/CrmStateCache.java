package io.daybreak.methods.design.crm;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a CRM trial decides from its counts alone, remembered per state for all trials of one simulation.
 * The posterior depends on the data only through the patients and DLTs per dose, and with cohorts of a fixed
 * size simulated trials revisit the same states very often (every trial starts alike, and most of them stay
 * near the target dose), so each state's posterior is integrated once. The cached values are a pure function
 * of the state, computed by the same code either way, so the simulation's results do not change — only fewer
 * integrals are computed. Thread-safe: the map is concurrent and the values are immutable.
 *
 * <p>A state is packed into two longs: per dose the number of cohorts (patients / cohort size) and the DLTs.
 * Designs too large for 128 bits, and states beyond {@value #MAX_STATES} distinct ones (memory stays bounded
 * in runs of millions of trials), are computed without caching.
 */
final class CrmStateCache {
    static final int MAX_STATES = 1 << 18;

    /** The decisions of one state: see {@link CrmTrial}. Fields not needed by the design are NaN or −1. */
    record Decision(int plugInDose, int posteriorMeanDose, double lowestDoseAboveTarget) {
    }

    private record Key(long high, long low) {
        @Override
        public int hashCode() {
            // The packed counts differ mostly in a few bits; spread them (Fibonacci hashing) so that the map's bins
            // do not collide as Long.hashCode's folding makes them.
            long mixed = (low * 0x9E3779B97F4A7C15L) ^ (high * 0xC2B2AE3D27D4EB4FL);
            return (int) (mixed ^ (mixed >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.high == high && key.low == low;
        }
    }

    private final ConcurrentHashMap<Key, Decision> states = new ConcurrentHashMap<>();
    private final int cohortSize;
    private final int cohortBits;
    private final int dltBits;
    private final boolean packable;

    CrmStateCache(int doses, int cohortSize, int cohorts) {
        this.cohortSize = cohortSize;
        this.cohortBits = bits(cohorts);
        this.dltBits = bits(cohortSize * cohorts);
        this.packable = (long) doses * (cohortBits + dltBits) <= 128 && cohortBits + dltBits <= 64;
    }

    private static int bits(int max) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
    }

    /** The decision for these counts, computed by {@code compute} when this state was not seen before. */
    Decision get(int[] patients, int[] dlts, Supplier<Decision> compute) {
        Key key = key(patients, dlts);
        if (key == null) {
            return compute.get();
        }
        Decision known = states.get(key);
        if (known != null) {
            return known;
        }
        Decision decision = compute.get();
        if (states.size() < MAX_STATES) {
            states.putIfAbsent(key, decision);
        }
        return decision;
    }

    private Key key(int[] patients, int[] dlts) {
        if (!packable) {
            return null;
        }
        long high = 0;
        long low = 0;
        int used = 0;
        int width = cohortBits + dltBits;
        for (int d = 0; d < patients.length; d++) {
            if (patients[d] % cohortSize != 0) {
                return null;
            }
            long code = ((long) (patients[d] / cohortSize) << dltBits) | dlts[d];
            if (used + width <= 64) {
                low |= code << used;
            } else {
                high = (high << width) | code;
            }
            used += width;
        }
        return new Key(high, low);
    }

    /** Distinct states remembered (for tests). */
    int size() {
        return states.size();
    }
}
