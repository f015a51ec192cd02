package io.daybreak.methods.stats.zph;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hipparchus.exception.MathIllegalArgumentException;
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
import io.daybreak.methods.stats.survival.CoxData;
import io.daybreak.methods.stats.survival.CoxModel;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.models.survival.CoxZph;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;
import io.daybreak.stats.models.survival.AdamParameter;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * {@code stats.cox-zph}: the test of proportional hazards of a Cox model as R's {@code cox.zph(fit)} (survival 3.x
 * score test, Kaplan–Meier time transform), per covariate and GLOBAL, with the scaled Schoenfeld residuals for
 * plotting against time. The model is fitted as {@code stats.cox} fits it (same covariates, ties and strata).
 */
@Component(service = Method.class)
public final class CoxZphMethod extends SettingsMethod<CoxZphMethod.ZphSettings> {
    /** What stats.cox-zph takes: the survival columns, the Cox model and its strata, as stats.cox. */
    record ZphSettings(SurvivalColumns survival, CoxModel model,
            @Setting(optional = true, doc = "column of strata (separate baseline hazards); or strata(x) in the formula")
            String strata,
            AdamParameter adam) {
    }

    static final TableSpec TESTS = TableSpec.of("tests", "one row per term (a factor's columns together), then GLOBAL "
            + "(as cox.zph's table)",
            column("term", STRING), column("chisq", FLOAT64), column("df", INT64), column("p", FLOAT64));
    static final TableSpec RESIDUALS = TableSpec.of("residuals", "scaled Schoenfeld residuals, one row per event and "
            + "covariate (long form, for plots against time)", column("event", INT64), column("stratum", STRING),
            column("time", FLOAT64), column("transformedTime", FLOAT64), column("term", STRING),
            column("residual", FLOAT64));

    public CoxZphMethod() {
        super(ZphSettings.class, MethodDescriptor.builder("stats.cox-zph",
                "Test of proportional hazards of a Cox model")
                .category("statistics")
                .reference("Grambsch & Therneau, Biometrika 81:515 (1994); Therneau & Grambsch, Modeling Survival "
                        + "Data (2000); R survival::cox.zph (3.x score test)")
                .description("Fits the Cox model as stats.cox does, then the score test of adding g(t)·x for each "
                        + "covariate and all together (GLOBAL), g(t) = 1 - S(t-) of the Kaplan-Meier estimate, as "
                        + "cox.zph(fit) with transform = \"km\"; Efron or Breslow ties; strata. Outputs the test table "
                        + "and the scaled Schoenfeld residuals (beta(t) estimates) per event.")
                .input(SurvivalInput.DATA)
                .output(RESIDUALS) // first: --out writes it; the summary holds the test table already
                .output(TESTS));
    }

    /** With the ADaM defaults of stats.cox (AVAL, CNSR with 1 = censored, one PARAMCD; SurvivalData). */
    @Override
    protected MethodResult run(Map<String, Table> inputs, ZphSettings settings, MethodContext context) {
        try (SurvivalData data = SurvivalData.of(inputs.get("data"), settings.survival(), settings.adam().param(), null,
                false, context.allocator())) {
            settings.model().checkCensoringFlag();
            return run(data, settings, context);
        }
    }

    private MethodResult run(SurvivalData data, ZphSettings settings, MethodContext context) {
        ModelMatrix rows = CoxData.read(data.table(), data.survival(), settings.model(), settings.strata(),
                new SiteSplit(null));
        List<String> covariates = rows.columnNames();
        double[] time = rows.time();
        boolean[] event = rows.event();
        double[][] x = rows.x();
        List<String> levels = rows.strata() == null ? java.util.Collections.singletonList(null) : rows.strataLabels();
        int[] codes = rows.strata() == null ? new int[time.length] : rows.strata();
        long events = 0;
        for (boolean e : event) {
            events += e ? 1 : 0;
        }
        if (events == 0) {
            throw new InvalidParameterException("no events in the data (status = " + rows.eventValue()
                    + " in column '" + rows.formula().response().status() + "'): parameter 'eventValue' must be a value "
                    + "that occurs; a proportional-hazards test needs events");
        }
        boolean efron = settings.model().efron();
        CoxFit fit = fit(time, event, codes, levels.size(), x, efron, context);
        context.checkCancelled();
        // as cox.zph(fit, terms = TRUE): a term's design columns (a factor's dummies) are tested together
        List<List<String>> byTerm = ModelFrame.columnsByTerm(rows.formula(), rows.levels());
        int[][] groups = new int[byTerm.size()][];
        int next = 0;
        for (int t = 0; t < groups.length; t++) {
            groups[t] = java.util.stream.IntStream.range(next, next + byTerm.get(t).size()).toArray();
            next += groups[t].length;
        }
        CoxZph zph = CoxZph.test(time, event, codes, x, fit.coefficients(), efron, groups);
        List<String> terms = new ArrayList<>(rows.formula().termLabels());
        terms.add("GLOBAL");
        double[] chiSquare = zph.chiSquare();
        int[] df = zph.df();
        double[] p = zph.pValue();
        List<Object> dfs = new ArrayList<>();
        Arrays.stream(df).forEach(d -> dfs.add((long) d));
        Table tests = Table.builder(context.allocator()).add("term", ColumnType.STRING, new ArrayList<Object>(terms))
                .add("chisq", ColumnType.FLOAT64, boxed(chiSquare)).add("df", ColumnType.INT64, dfs)
                .add("p", ColumnType.FLOAT64, boxed(p)).build();
        Table residuals;
        try {
            residuals = residuals(zph, covariates, levels, context);
        } catch (RuntimeException e) {
            tests.close();
            throw e;
        }
        return data.describe(MethodResult.builder())
                .output("residuals", residuals)
                .output("tests", tests)
                .summary("terms", new ArrayList<Object>(terms))
                .summary("chisq", chiSquare)
                .summary("df", dfs)
                .summary("p", p)
                .summary("coefficients", fit.coefficients())
                .summary("transform", "km")
                .summary("ties", settings.model().ties())
                .summary("n", (long) rows.rows())
                .summary("events", events)
                .summary("droppedRows", (long) rows.dropped())
                .build();
    }

    /** The Cox model with a separate baseline hazard per stratum, as stats.cox fits it without sites. */
    private static CoxFit fit(double[] time, boolean[] event, int[] codes, int strata, double[][] x, boolean efron,
            MethodContext context) {
        List<double[]> times = new ArrayList<>();
        List<boolean[]> events = new ArrayList<>();
        List<double[][]> xs = new ArrayList<>();
        List<double[]> grids = new ArrayList<>();
        for (int s = 0; s < strata; s++) {
            int stratum = s;
            int[] rows = java.util.stream.IntStream.range(0, time.length).filter(i -> codes[i] == stratum).toArray();
            double[] t = Arrays.stream(rows).mapToDouble(i -> time[i]).toArray();
            boolean[] e = new boolean[rows.length];
            double[][] xx = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                e[r] = event[rows[r]];
                xx[r] = x[rows[r]];
            }
            times.add(t);
            events.add(e);
            xs.add(xx);
            grids.add(CoxSums.eventTimes(t, e));
        }
        try {
            return CoxFit.fit(beta -> {
                context.checkCancelled();
                CoxFit.Evaluation total = null;
                for (int s = 0; s < strata; s++) {
                    CoxFit.Evaluation evaluation = CoxSums.of(times.get(s), events.get(s), xs.get(s), beta, grids.get(s))
                            .evaluate(beta, efron);
                    total = total == null ? evaluation : total.plus(evaluation);
                }
                return total;
            }, x[0].length);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the Cox model cannot be fitted: the information matrix is singular "
                    + "(collinear covariates or no events?): " + e.getMessage());
        }
    }

    private static Table residuals(CoxZph zph, List<String> covariates, List<String> levels, MethodContext context) {
        double[][] scaled = zph.scaledResiduals();
        double[] time = zph.eventTimes();
        double[] transformed = zph.transformedTimes();
        int[] strata = zph.eventStrata();
        List<Object> event = new ArrayList<>();
        List<Object> stratum = new ArrayList<>();
        List<Object> t = new ArrayList<>();
        List<Object> g = new ArrayList<>();
        List<Object> term = new ArrayList<>();
        List<Object> residual = new ArrayList<>();
        for (int r = 0; r < scaled.length; r++) {
            for (int j = 0; j < covariates.size(); j++) {
                event.add((long) r + 1);
                stratum.add(levels.get(strata[r]));
                t.add(time[r]);
                g.add(transformed[r]);
                term.add(covariates.get(j));
                residual.add(Double.isNaN(scaled[r][j]) ? null : scaled[r][j]);
            }
        }
        return Table.builder(context.allocator()).add("event", ColumnType.INT64, event)
                .add("stratum", ColumnType.STRING, stratum).add("time", ColumnType.FLOAT64, t)
                .add("transformedTime", ColumnType.FLOAT64, g).add("term", ColumnType.STRING, term)
                .add("residual", ColumnType.FLOAT64, residual).build();
    }

    private static List<Object> boxed(double[] values) {
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
