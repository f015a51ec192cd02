package io.daybreak.methods.stats.descriptive;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * The site step of {@code stats.describe}: step "moments" releases, per column, the number of values, the
 * number missing, the mean and the sum of squared deviations (M2), which merge exactly ({@link Moments}).
 * Minimum and maximum are individual values and never leave the site. The values described must pass the
 * row-set rules (subset, complement — the missing ones — and differencing against earlier answers and the other
 * columns of the request), and a column of two values needs each at least {@code minCellCount} times (its mean
 * and n give the counts).
 *
 * <p>Arguments: {@code columns} (list of numeric columns).
 */
@Component(service = SiteStep.class)
public final class DescribeSiteStep implements SiteStep {
    public static final String METHOD = "stats.describe";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "moments");
        List<String> columns = Arguments.strings(arguments, "columns");
        int k = columns.size();
        double[] n = new double[k];
        double[] missing = new double[k];
        double[] mean = new double[k];
        double[] m2 = new double[k];
        for (int c = 0; c < k; c++) {
            double[] values = values(data, columns.get(c));
            BitSet present = new BitSet();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    present.set(i);
                }
            }
            guard.rows("the values of column '" + columns.get(c) + "'", present);
            guard.binary("column '" + columns.get(c) + "'", present.stream().mapToDouble(i -> values[i]).toArray());
            Moments moments = Moments.of(values);
            n[c] = moments.n();
            missing[c] = moments.missing();
            mean[c] = moments.mean();
            m2[c] = moments.m2();
        }
        return Aggregates.builder().put("n", n).put("missing", missing).put("mean", mean).put("m2", m2).build();
    }

    /** The site's moments from its release (the coordinator's side); min and max are not released. */
    static Moments fromRelease(Aggregates release, int column) {
        return Moments.of((long) release.get("n")[column], (long) release.get("missing")[column],
                release.get("mean")[column], release.get("m2")[column], Double.NaN, Double.NaN);
    }

    /** A numeric column with nulls as NaN; an absent or non-numeric column is a bad argument. */
    static double[] values(Table data, String name) {
        if (!data.hasColumn(name)) {
            throw new IllegalArgumentException("argument 'columns': " + NumericColumns.noColumn(name));
        }
        ColumnType type = data.columnType(name);
        if (type == null || !type.isNumeric()) {
            throw new IllegalArgumentException("argument 'columns': column '" + name + "' is not numeric");
        }
        DoubleColumn column = data.doubles(name);
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.isNull(i) ? Double.NaN : column.get(i);
        }
        return values;
    }
}
