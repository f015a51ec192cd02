package io.daybreak.methods.stats.descriptive;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * {@code stats.describe}: N, missing, mean, SD, minimum and maximum of numeric columns; with
 * {@code siteColumn}, from per-site (n, missing, mean, M2, min, max) merged exactly ({@link Moments}).
 */
@Component(service = Method.class)
public final class DescribeMethod extends SettingsMethod<DescribeMethod.DescribeSettings> {
    /** What stats.describe takes: the columns, and a site split whose released moments are merged. */
    record DescribeSettings(DescribedColumns columns,
            @Adjust(name = "siteColumn", doc = "compute per site and merge the released moments")
            SiteSplit split) {
    }

    public DescribeMethod() {
        super(DescribeSettings.class, MethodDescriptor.builder("stats.describe",
                "Descriptive statistics of numeric columns")
                .category("statistics")
                .reference("Chan, Golub & LeVeque, Am Stat 37:242 (1983) for merging moments")
                .description("Per column: N, missing, mean, standard deviation, minimum, maximum.")
                .input(SurvivalInput.DATA)
                .output(TableSpec.of("describe", "one row per column", column("column", STRING), column("n", INT64),
                        column("missing", INT64), column("mean", FLOAT64), column("sd", FLOAT64), column("min", FLOAT64),
                        column("max", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, DescribeSettings settings, MethodContext context) {
        Table data = SurvivalInput.data(inputs.get("data"));
        List<String> names = settings.columns().names();
        String siteColumn = settings.split().siteColumn();
        double[] site = siteColumn != null ? values(data, "siteColumn", siteColumn) : null;
        List<Object> n = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        List<Object> mean = new ArrayList<>();
        List<Object> sd = new ArrayList<>();
        List<Object> min = new ArrayList<>();
        List<Object> max = new ArrayList<>();
        for (String name : names) {
            double[] values = values(data, "columns", name);
            Moments pooled = site == null ? Moments.of(values) : bySite(values, site);
            n.add(pooled.n());
            missing.add(pooled.missing());
            mean.add(pooled.mean());
            sd.add(Math.sqrt(pooled.variance()));
            min.add(pooled.n() == 0 ? Double.NaN : pooled.min());
            max.add(pooled.n() == 0 ? Double.NaN : pooled.max());
        }
        Table table = Table.builder(context.allocator()).add("column", ColumnType.STRING, new ArrayList<Object>(names))
                .add("n", ColumnType.INT64, n).add("missing", ColumnType.INT64, missing)
                .add("mean", ColumnType.FLOAT64, mean).add("sd", ColumnType.FLOAT64, sd)
                .add("min", ColumnType.FLOAT64, min).add("max", ColumnType.FLOAT64, max).build();
        return MethodResult.builder().output("describe", table).summary("columns", new ArrayList<Object>(names))
                .summary("n", n).summary("missing", missing).summary("mean", mean).summary("sd", sd).build();
    }

    private static Moments bySite(double[] values, double[] site) {
        double[] sites = java.util.Arrays.stream(site).filter(s -> !Double.isNaN(s)).distinct().sorted().toArray();
        Moments pooled = Moments.of(new double[0]);
        for (double s : sites) {
            pooled.merge(Moments.of(java.util.stream.IntStream.range(0, values.length).filter(i -> site[i] == s)
                    .mapToDouble(i -> values[i]).toArray()));
        }
        return pooled;
    }

    /** A numeric column with nulls as NaN. */
    private static double[] values(Table data, String parameter, String name) {
        try {
            return DescribeSiteStep.values(data, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("parameter '" + parameter + "': " + e.getMessage());
        }
    }
}
