package io.daybreak.stats.models.formula;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A formula evaluated on a table's complete cases: the design matrix with R's column names, the response (or the
 * survival times and events), offsets and strata, and the rows used. Arrays are owned by this record; callers do
 * not change them.
 *
 * @param formula        the formula
 * @param columnNames    R's names of the design's columns ({@code (Intercept)}, {@code age}, {@code sexFemale},
 *                       {@code factor(ph.ecog)2}, {@code sexFemale:age})
 * @param x              the design, one row per observation
 * @param y              the response (null for a survival outcome or a one-sided formula); a two-level factor
 *                       response is 0 at its first level and 1 at the second, as R's binomial family reads it
 * @param responseLevels the levels of a factor response, else empty
 * @param time           the follow-up times of a survival outcome, else null
 * @param event          whether each row is an event, for a survival outcome, else null
 * @param eventValue     the status value read as an event (its label), for a survival outcome, else null
 * @param offset         the summed offsets, or null
 * @param strata         each row's stratum (index into strataLabels), or null without strata()
 * @param strataLabels   the strata as R labels them ({@code sex=1}, or {@code sex=1, ph.ecog=0})
 * @param levels         each factor variable's levels (its label → levels, the reference first)
 * @param tableRows      for each row used, its index in the table
 * @param dropped        rows left out for a missing value in one of the formula's columns
 */
public record ModelMatrix(Formula formula, List<String> columnNames, double[][] x, double[] y,
        List<String> responseLevels, double[] time, boolean[] event, String eventValue, double[] offset, int[] strata,
        List<String> strataLabels, Map<String, List<String>> levels, int[] tableRows, int dropped) {

    public int rows() {
        return x.length;
    }

    /** The number of design columns (the intercept included). */
    public int columns() {
        return columnNames.size();
    }

    /** Whether the design's first column is the intercept. */
    public boolean hasIntercept() {
        return !columnNames.isEmpty() && columnNames.get(0).equals(ModelFrame.INTERCEPT);
    }

    /** The same rows without the intercept column (Cox models have none; their coding is as with one). */
    public ModelMatrix withoutIntercept() {
        if (!hasIntercept()) {
            return this;
        }
        double[][] rest = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rest[i] = java.util.Arrays.copyOfRange(x[i], 1, x[i].length);
        }
        return new ModelMatrix(formula, columnNames.subList(1, columnNames.size()), rest, y, responseLevels, time, event,
                eventValue, offset, strata, strataLabels, levels, tableRows, dropped);
    }

    /** A copy of design column {@code j}. */
    public double[] column(int j) {
        double[] column = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            column[i] = x[i][j];
        }
        return column;
    }

    /** The indices (in the table read) of the rows used. */
    public BitSet rowSet() {
        BitSet set = new BitSet();
        for (int row : tableRows) {
            set.set(row);
        }
        return set;
    }

    /** The events counted over the rows. */
    public long events() {
        long count = 0;
        for (boolean e : event) {
            count += e ? 1 : 0;
        }
        return count;
    }

    /** The rows of one stratum, as a model matrix of their own (without strata). */
    public ModelMatrix stratum(int index) {
        return subset(java.util.stream.IntStream.range(0, x.length).filter(i -> strata[i] == index).toArray(), false);
    }

    /** The rows grouped by a key per row (a site column), in ascending order of the keys. */
    public List<ModelMatrix> split(double[] keys) {
        double[] distinct = java.util.Arrays.stream(keys).distinct().sorted().toArray();
        List<ModelMatrix> parts = new java.util.ArrayList<>();
        for (double key : distinct) {
            parts.add(subset(java.util.stream.IntStream.range(0, keys.length).filter(i -> keys[i] == key).toArray(),
                    true));
        }
        return parts;
    }

    private ModelMatrix subset(int[] indices, boolean keepStrata) {
        int count = indices.length;
        double[][] subX = new double[count][];
        double[] subTime = time == null ? null : new double[count];
        boolean[] subEvent = event == null ? null : new boolean[count];
        double[] subY = y == null ? null : new double[count];
        double[] subOffset = offset == null ? null : new double[count];
        int[] subStrata = keepStrata && strata != null ? new int[count] : null;
        int[] subRows = new int[count];
        for (int out = 0; out < count; out++) {
            int i = indices[out];
            subX[out] = x[i];
            if (subTime != null) {
                subTime[out] = time[i];
                subEvent[out] = event[i];
            }
            if (subY != null) {
                subY[out] = y[i];
            }
            if (subOffset != null) {
                subOffset[out] = offset[i];
            }
            if (subStrata != null) {
                subStrata[out] = strata[i];
            }
            subRows[out] = tableRows[i];
        }
        return new ModelMatrix(formula, columnNames, subX, subY, responseLevels, subTime, subEvent, eventValue,
                subOffset, subStrata, subStrata == null ? List.of() : strataLabels, levels, subRows, 0);
    }
}
