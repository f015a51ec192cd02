package io.daybreak.federation.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.SiteFailedException;

/**
 * Reads a site's released bytes strictly, for a coordinator and for the sites that replay an analysis: the bytes
 * must be the release format (an Arrow IPC stream of name, index, value), every value finite, and every matrix's
 * shape two whole non-negative numbers whose product is its length. Anything else fails closed naming the site
 * that released it, never the values.
 */
public final class ReleaseDecoder {
    /** Largest number of released values accepted from one site in one round. */
    static final long MAX_VALUES = 4_000_000;

    private ReleaseDecoder() {
    }

    public static Aggregates decode(String site, byte[] bytes, BufferAllocator allocator) {
        Aggregates aggregates;
        try {
            aggregates = Aggregates.fromBytes(bytes, allocator);
        } catch (RuntimeException e) {
            throw new SiteFailedException(site, "released bytes that are not the release format");
        }
        long values = 0;
        for (String name : aggregates.names()) {
            if (aggregates.isLabels(name)) {
                values += aggregates.labels(name).size();
                continue;
            }
            double[] array = aggregates.get(name);
            values += array.length;
            for (double value : array) {
                if (!Double.isFinite(value)) {
                    throw new SiteFailedException(site, "released a value that is not finite in '" + name + "'");
                }
            }
            if (name.endsWith(".shape")) {
                String matrix = name.substring(0, name.length() - ".shape".length());
                if (array.length != 2 || array[0] < 0 || array[1] < 0 || array[0] != Math.rint(array[0])
                        || array[1] != Math.rint(array[1]) || !aggregates.names().contains(matrix)
                        || aggregates.get(matrix).length != array[0] * array[1]) {
                    throw new SiteFailedException(site, "released a matrix '" + matrix + "' whose shape does not "
                            + "match its values");
                }
            }
        }
        if (values > MAX_VALUES) {
            throw new SiteFailedException(site, "released more than " + MAX_VALUES + " values in one round");
        }
        return aggregates.from(site);
    }

    /**
     * Sites of one round release matrices of one shape (X'WX, information): a site whose shape differs from the
     * first site's is named.
     */
    static void requireSameShapes(Map<String, Aggregates> replies) {
        Map<String, double[]> shapes = new LinkedHashMap<>();
        replies.forEach((site, aggregates) -> {
            for (String name : aggregates.names()) {
                if (name.endsWith(".shape") && !aggregates.isLabels(name)) {
                    double[] shape = aggregates.get(name);
                    double[] first = shapes.putIfAbsent(name, shape);
                    if (first != null && !java.util.Arrays.equals(first, shape)) {
                        throw new SiteFailedException(site, "released a matrix '" + name.replace(".shape", "")
                                + "' of another shape than the other sites");
                    }
                }
            }
        });
    }
}
