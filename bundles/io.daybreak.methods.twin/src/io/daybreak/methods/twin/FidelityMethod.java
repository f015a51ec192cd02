package io.daybreak.methods.twin;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.KaplanMeier;
import io.daybreak.stats.models.survival.LogRank;
import io.daybreak.stats.twin.Fidelity;

/**
 * {@code twin.fidelity}: how close a generated table is to a real one ({@link Fidelity}): marginal KS and SMD per
 * variable, Kaplan–Meier overlay and log-rank test, train-on-synthetic/test-on-real AUC against train-on-real,
 * and distance to the closest real record.
 */
@Component(service = Method.class)
public final class FidelityMethod extends SettingsMethod<FidelityMethod.FidelitySettings> {
    /** What twin.fidelity takes: the compared columns, and the columns of each optional comparison. */
    record FidelitySettings(
            @Setting(doc = "comma-separated numeric columns compared by KS and SMD")
            String variables,
            @Setting(optional = true, doc = "follow-up column for the Kaplan-Meier overlay")
            String time,
            @Setting(defaultValue = "status", doc = "event status column")
            String status,
            @Setting(optional = true, doc = "the status value of an event; default as R's Surv() reads the real "
                    + "patients' column: 0/1 (1 = event), 1/2 (2 = event)")
            Double eventValue,
            @Setting(min = 0, defaultValue = "100,200,300", doc = "times at which survival is compared")
            double[] times,
            @Setting(optional = true, doc = "binary 0/1 column for TSTR/TRTR")
            String outcome,
            @Setting(optional = true, doc = "the TSTR model's covariates: comma-separated columns or an R formula's right "
                    + "side, e.g. ~ age + factor(stage)")
            String covariates,
            @Setting(optional = true, doc = "comma-separated columns for the distance to the closest record")
            String dcrVariables) {

        @Override
        public double[] times() {
            return times.clone();
        }
    }

    static final TableSpec VARIABLES = TableSpec.of("variables", "one row per compared variable",
            column("variable", STRING), column("ksStatistic", FLOAT64), column("ksPValue", FLOAT64),
            column("smd", FLOAT64));
    static final TableSpec SURVIVAL = TableSpec.optional("survival", "Kaplan-Meier survival of each table at 'times'",
            column("time", FLOAT64), column("synthetic", FLOAT64), column("real", FLOAT64));
    public FidelityMethod() {
        super(FidelitySettings.class, MethodDescriptor.builder("twin.fidelity",
                "Fidelity of generated patients: KS, SMD, KM overlay, TSTR AUC, distance to closest record")
                .category("twin")
                .reference("validated against docs/validation/r/twin/twin.R section E (ks.test, survfit, survdiff, glm)")
                .description("Per variable: two-sample KS statistic with R's asymptotic p-value and SMD = (mean_syn - "
                        + "mean_real)/sqrt((var_syn + var_real)/2). With 'time': Kaplan-Meier survival of both tables at "
                        + "'times' and the log-rank chi-square. With 'outcome' and 'covariates': logistic regression fitted "
                        + "on the synthetic rows and scored on the real ones (TSTR AUC) against the same model fitted and "
                        + "scored on the real rows (TRTR AUC); AUC by Mann-Whitney, ties 1/2. With 'dcrVariables': the "
                        + "distance of each synthetic row to its closest real row, columns standardised by the real rows' "
                        + "mean and SD (n - 1): min, median, mean, 5th percentile (type 7); small values flag copying.")
                .input(TableSpec.of("synthetic", "the generated rows"))
                .input(TableSpec.of("real", "the real rows"))
                .output(VARIABLES)
                .output(SURVIVAL));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, FidelitySettings settings, MethodContext context) {
        Table synthetic = TwinTables.input(inputs, "synthetic");
        Table real = TwinTables.input(inputs, "real");
        MethodResult.Builder result = MethodResult.builder();
        TwinTables.Rows variables = new TwinTables.Rows().column("variable", STRING).column("ksStatistic", FLOAT64)
                .column("ksPValue", FLOAT64).column("smd", FLOAT64);
        for (String v : NumericColumns.names("variables", settings.variables())) {
            double[] a = NumericColumns.completeCases(synthetic, "variables", List.of(v)).column(v);
            double[] b = NumericColumns.completeCases(real, "variables", List.of(v)).column(v);
            double d = Fidelity.ksStatistic(a, b);
            variables.add(v, d, Fidelity.ksPValue(d, a.length, b.length), Fidelity.smd(a, b));
        }
        result.output("variables", variables.build(context.allocator()));
        result.summary("syntheticRows", (long) synthetic.rowCount()).summary("realRows", (long) real.rowCount());
        if (settings.time() != null) {
            survival(synthetic, real, settings, result, context);
        }
        if (settings.outcome() != null && settings.covariates() != null) {
            String outcome = settings.outcome();
            PrognosticInput.Trained onSynthetic = PrognosticInput.train(synthetic, "binomial", outcome,
                    settings.covariates(), Map.of(), null, null, true, 0);
            PrognosticInput.Trained onReal = PrognosticInput.train(real, "binomial", outcome, settings.covariates(),
                    Map.of(), null, null, true, 0);
            double[] tstr = PrognosticInput.apply(onSynthetic, real, "real");
            double[] trtr = PrognosticInput.apply(onReal, real, "real");
            io.daybreak.data.DoubleColumn y = TwinTables.numeric(real, "outcome", outcome);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < tstr.length; i++) {
                if (!Double.isNaN(tstr[i]) && !y.isNull(i)) {
                    rows.add(new double[] {tstr[i], trtr[i], y.get(i)});
                }
            }
            double[] outcomes = rows.stream().mapToDouble(r -> r[2]).toArray();
            result.summary("tstrAuc", Fidelity.auc(rows.stream().mapToDouble(r -> r[0]).toArray(), outcomes))
                    .summary("trtrAuc", Fidelity.auc(rows.stream().mapToDouble(r -> r[1]).toArray(), outcomes));
        }
        if (settings.dcrVariables() != null) {
            List<String> names = NumericColumns.names("dcrVariables", settings.dcrVariables());
            double[] dcr = Fidelity.distanceToClosestRecord(matrix(synthetic, names), matrix(real, names));
            double min = Double.POSITIVE_INFINITY;
            for (double v : dcr) {
                min = Math.min(min, v);
            }
            result.summary("dcrMin", min).summary("dcrMedian", Fidelity.quantile(dcr, 0.5))
                    .summary("dcrMean", Fidelity.mean(dcr)).summary("dcrQ05", Fidelity.quantile(dcr, 0.05));
        }
        return result.build();
    }

    private static double[][] matrix(Table table, List<String> names) {
        NumericColumns rows = NumericColumns.completeCases(table, "dcrVariables", names);
        double[][] x = new double[rows.rows()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            double[] column = rows.column(names.get(c));
            for (int i = 0; i < x.length; i++) {
                x[i][c] = column[i];
            }
        }
        return x;
    }

    private static void survival(Table synthetic, Table real, FidelitySettings settings, MethodResult.Builder result,
            MethodContext context) {
        String time = settings.time();
        String status = settings.status();
        double eventValue = settings.eventValue() != null ? settings.eventValue()
                : io.daybreak.stats.models.formula.StatusCoding.eventValue(real, time, status);
        EventCounts both = new EventCounts(2);
        KaplanMeier[] curves = new KaplanMeier[2];
        Table[] tables = {synthetic, real};
        for (int g = 0; g < 2; g++) {
            NumericColumns rows = NumericColumns.completeCases(tables[g], "time/status", List.of(time, status));
            double[] t = rows.column(time);
            double[] s = rows.column(status);
            boolean[] event = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                event[i] = s[i] == eventValue;
            }
            curves[g] = KaplanMeier.estimate(EventCounts.of(t, event, null, 1), 0, 0.95);
            int[] group = new int[t.length];
            java.util.Arrays.fill(group, g);
            both.merge(EventCounts.of(t, event, group, 2));
        }
        TwinTables.Rows rows = new TwinTables.Rows().column("time", FLOAT64).column("synthetic", FLOAT64)
                .column("real", FLOAT64);
        for (double t : settings.times()) {
            rows.add(t, curves[0].at(t)[0], curves[1].at(t)[0]);
        }
        LogRank test = LogRank.test(List.of(both));
        result.output("survival", rows.build(context.allocator())).summary("logRankChiSquare", test.chiSquare())
                .summary("logRankPValue", test.pValue());
    }
}
