package io.daybreak.methods.biomarker.selection;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.biomarker.InputColumns;
import io.daybreak.stats.biomarker.penalized.CrossValidation;
import io.daybreak.stats.biomarker.selection.Knockoffs;

/**
 * {@code biomarker.knockoff}: model-X knockoff selection of markers associated with an outcome, with the false
 * discovery rate controlled by the knockoff+ threshold.
 */
@Component(service = Method.class)
public final class KnockoffMethod extends SettingsMethod<KnockoffMethod.KnockoffSettings> {
    static final String ID = "biomarker.knockoff";
    static final String INPUT = "data";
    static final String OUTPUT = "knockoff";
    /** Folds of the cross-validated lasso (cv.glmnet's default). */
    static final int NFOLDS = 10;
    /** glmnet's default convergence threshold, as the knockoff package leaves it. */
    static final double THRESH = 1e-7;

    /** The knockoff statistic W. */
    enum Statistic {
        CORRELATION, LASSO_LAMBDASMAX, LASSO_COEFDIFF
    }

    /** What biomarker.knockoff takes. */
    record KnockoffSettings(
            @Setting(doc = "input column holding the outcome (numbers; a 0/1 response also works)")
            String outcomeColumn,
            @Setting(optional = true, doc = "marker columns, comma-separated; default: every numeric column other "
                    + "than the outcome")
            String markers,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.1",
                    doc = "target false discovery rate")
            double fdr,
            @Setting(defaultValue = "true", doc = "knockoff+ threshold (offset 1, controls the FDR); false: the "
                    + "original knockoff threshold (offset 0, controls a modified FDR, more liberal)")
            boolean plus,
            @Setting(defaultValue = "correlation", doc = "the statistic W: correlation (|cor(marker, outcome)| - "
                    + "|cor(knockoff, outcome)|); lasso-lambdasmax (knockoff's stat.lasso_lambdasmax: the lambda at "
                    + "which marker or knockoff first enters the lasso path, signed by which came first); "
                    + "lasso-coefdiff (stat.lasso_coefdiff: |coefficient| of marker minus knockoff at the "
                    + "cross-validated lambda.min, 10 seeded folds)")
            Statistic statistic) {
    }

    public KnockoffMethod() {
        super(KnockoffSettings.class, MethodDescriptor.builder(ID, "Model-X knockoffs: marker selection with FDR "
                + "control")
                .category("biomarker")
                .reference("Candes, Fan, Janson & Lv, JRSS-B 80:551-577 (2018); Barber & Candes, Ann Stat "
                        + "43:2055-2085 (2015); as R knockoff create.second_order(method = 'equi') and "
                        + "knockoff.threshold")
                .description("For each marker a Gaussian knockoff copy is drawn (second-order, equicorrelated: "
                        + "mean and covariance estimated from the markers), the statistic W is computed (default "
                        + "|cor(marker, outcome)| - |cor(knockoff, outcome)|; or a lasso on markers and knockoffs "
                        + "together, as knockoff's stat.lasso_lambdasmax or stat.lasso_coefdiff, fitted by the "
                        + "glmnet-exact elastic net), and markers with W at or above the knockoff+ threshold are "
                        + "selected; the expected proportion of false selections is at most 'fdr' when "
                        + "the markers are close to multivariate normal. Random (seeded by the run's seed): rerun "
                        + "with other seeds to see how stable the selection is. Rows with a missing value are left "
                        + "out; needs more rows than markers.")
                .input(TableSpec.of(INPUT, "one row per patient: the outcome and the marker columns"))
                .output(TableSpec.of(OUTPUT, "one row per marker, in input order; stat and stat_knockoff are what W "
                        + "compares: |cor| (correlation), the entry lambda times n (lasso-lambdasmax) or the lasso "
                        + "coefficient on the standardised column (lasso-coefdiff)", column("marker", STRING),
                        column("w", FLOAT64), column("cor", FLOAT64), column("cor_knockoff", FLOAT64),
                        column("stat", FLOAT64), column("stat_knockoff", FLOAT64), column("selected", BOOLEAN))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, KnockoffSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        double[] outcome = InputColumns.numbers(table, INPUT, s.outcomeColumn());
        List<String> markers = markers(table, s);
        double[][] columns = new double[markers.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = InputColumns.numbers(table, INPUT, markers.get(j));
        }
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < outcome.length; r++) {
            boolean complete = !Double.isNaN(outcome[r]);
            for (double[] c : columns) {
                complete &= !Double.isNaN(c[r]);
            }
            if (complete) {
                rows.add(r);
            }
        }
        int n = rows.size();
        int p = markers.size();
        if (n <= p + 1) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + n + " complete rows for " + p
                    + " markers; knockoffs need more rows than markers + 1");
        }
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = outcome[rows.get(i)];
            for (int j = 0; j < p; j++) {
                x[i][j] = columns[j][rows.get(i)];
            }
        }
        Knockoffs.Sample sample;
        try {
            sample = Knockoffs.secondOrderEqui(x, context.random(0));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("input '" + INPUT + "', parameter 'markers': " + e.getMessage());
        }
        double[] w;
        double[] z;
        double lambdaMin = Double.NaN;
        if (s.statistic() == Statistic.CORRELATION) {
            w = Knockoffs.correlationDifference(x, sample.knockoffs(), y);
            z = new double[2 * p];
            for (int j = 0; j < p; j++) {
                z[j] = Math.abs(Knockoffs.correlation(x, j, y));
                z[p + j] = Math.abs(Knockoffs.correlation(sample.knockoffs(), j, y));
            }
        } else {
            // as the knockoff package: each marker trades places with its knockoff at random before the fit
            UniformRandomProvider rng = context.random(1);
            boolean[] swap = new boolean[p];
            for (int j = 0; j < p; j++) {
                swap[j] = rng.nextBoolean();
            }
            try {
                if (s.statistic() == Statistic.LASSO_LAMBDASMAX) {
                    z = Knockoffs.lassoEntryLambdas(x, sample.knockoffs(), y, swap, THRESH);
                    w = new double[p];
                    for (int j = 0; j < p; j++) {
                        w[j] = Math.max(z[j], z[p + j]) * Math.signum(z[j] - z[p + j]);
                    }
                } else {
                    if (n < 3 * NFOLDS) {
                        throw new InvalidParameterException("input '" + INPUT + "' has " + n + " complete rows; the "
                                + "lasso-coefdiff statistic's " + NFOLDS + "-fold cross-validation needs at least "
                                + 3 * NFOLDS + " (use statistic = lasso-lambdasmax)");
                    }
                    int[] foldid = CrossValidation.folds(n, NFOLDS, context.random(2).nextLong());
                    Knockoffs.LassoCoefficients c = Knockoffs.lassoCoefficientDifference(x, sample.knockoffs(), y,
                            swap, foldid, THRESH);
                    w = c.w();
                    z = c.coefficients();
                    lambdaMin = c.lambdaMin();
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("input '" + INPUT + "', parameter 'statistic': " + e.getMessage());
            }
        }
        double t = Knockoffs.threshold(w, s.fdr(), s.plus() ? 1 : 0);
        List<Double> wl = new ArrayList<>();
        List<Double> cor = new ArrayList<>();
        List<Double> corK = new ArrayList<>();
        List<Double> stat = new ArrayList<>();
        List<Double> statK = new ArrayList<>();
        List<Boolean> selected = new ArrayList<>();
        long count = 0;
        for (int j = 0; j < p; j++) {
            wl.add(w[j]);
            cor.add(Knockoffs.correlation(x, j, y));
            corK.add(Knockoffs.correlation(sample.knockoffs(), j, y));
            stat.add(z[j]);
            statK.add(z[p + j]);
            selected.add(w[j] >= t);
            count += w[j] >= t ? 1 : 0;
        }
        Table out = Table.builder(context.allocator()).add("marker", ColumnType.STRING, markers)
                .add("w", ColumnType.FLOAT64, wl).add("cor", ColumnType.FLOAT64, cor)
                .add("cor_knockoff", ColumnType.FLOAT64, corK).add("stat", ColumnType.FLOAT64, stat)
                .add("stat_knockoff", ColumnType.FLOAT64, statK).add("selected", ColumnType.BOOLEAN, selected).build();
        MethodResult.Builder result = MethodResult.builder();
        if (!Double.isNaN(lambdaMin)) {
            result.summary("lambdaMin", lambdaMin);
        }
        return result.output(OUTPUT, out)
                .summary("threshold", t)
                .summary("selected", count)
                .summary("markers", (long) p)
                .summary("rows", (long) n)
                .summary("skippedRows", (long) outcome.length - n)
                .summary("fdr", s.fdr())
                .build();
    }

    private static List<String> markers(Table table, KnockoffSettings s) {
        List<String> out = new ArrayList<>();
        if (s.markers() == null) {
            for (String name : table.columnNames()) {
                ColumnType type = table.columnType(name);
                if (!name.equals(s.outcomeColumn()) && type != null && type.isNumeric()) {
                    out.add(name);
                }
            }
        } else {
            for (String m : s.markers().split(",")) {
                String name = m.trim();
                if (name.equals(s.outcomeColumn())) {
                    throw new InvalidParameterException("parameter 'markers': '" + name + "' is the outcome column");
                }
                InputColumns.type(table, INPUT, name);
                if (out.contains(name)) {
                    throw new InvalidParameterException("parameter 'markers': '" + name + "' is listed twice");
                }
                out.add(name);
            }
        }
        if (out.size() < 2) {
            throw new InvalidParameterException("parameter 'markers': knockoffs need at least 2 marker columns; got "
                    + out.size());
        }
        return out;
    }
}
