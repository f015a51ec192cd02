package io.daybreak.methods.biomarker.predictive;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.biomarker.InputColumns;
import io.daybreak.stats.biomarker.predictive.Stepp;

/**
 * {@code biomarker.stepp}: the subpopulation treatment effect pattern plot (Bonetti &amp; Gelber 2004) with stepp's
 * sliding windows and supremum permutation test.
 */
@Component(service = Method.class)
public final class SteppMethod extends SettingsMethod<SteppMethod.SteppSettings> {
    static final String ID = "biomarker.stepp";
    static final String INPUT = "data";
    static final String OUTPUT = "stepp";

    /** The outcome and so the effect scale. */
    enum Outcome {
        BINARY, CONTINUOUS, SURVIVAL
    }

    /** What biomarker.stepp takes. */
    record SteppSettings(
            @Setting(doc = "binary (effect: difference in response rates), continuous (difference in means) or "
                    + "survival (difference in Kaplan-Meier survival at timePoint)")
            Outcome outcome,
            @Setting(optional = true, doc = "input column holding the outcome (binary: 0/1 or true/false)")
            String outcomeColumn,
            @Setting(optional = true, doc = "input column holding the survival time (survival)")
            String timeColumn,
            @Setting(optional = true, doc = "input column holding the event indicator (survival): 1/true event")
            String eventColumn,
            @Setting(optional = true, min = 0, minInclusive = false, doc = "survival: the time at which Kaplan-Meier "
                    + "survival is compared")
            Double timePoint,
            @Setting(doc = "input column holding the treatment arm: exactly two values")
            String treatmentColumn,
            @Setting(optional = true, doc = "the value of treatmentColumn meaning the experimental arm (default: the "
                    + "second of its two values in R's level order)")
            String treatedLevel,
            @Setting(doc = "input column holding the (continuous) marker")
            String markerColumn,
            @Setting(min = 0, doc = "r1: largest number of patients two consecutive windows share (stepp's "
                    + "minpatspop)")
            int r1,
            @Setting(min = 2, doc = "r2: number of patients in a window (stepp's patspop); larger than r1, smaller "
                    + "than the number of patients")
            int r2,
            @Setting(min = 0, max = 100000, defaultValue = "2500", doc = "permutations for the p-value of the "
                    + "supremum of the standardised deviations (0: no test)")
            int permutations,
            @Setting(min = 0, max = 1, minInclusive = false, maxInclusive = false, defaultValue = "0.95",
                    doc = "confidence level of the windows' intervals")
            double level) {

        SteppSettings {
            boolean survival = outcome == Outcome.SURVIVAL;
            if (survival && (timeColumn == null || eventColumn == null || timePoint == null || outcomeColumn != null)) {
                throw new InvalidParameterException("outcome 'survival' takes 'timeColumn', 'eventColumn' and "
                        + "'timePoint' (and no 'outcomeColumn')");
            }
            if (!survival && (outcomeColumn == null || timeColumn != null || eventColumn != null || timePoint != null)) {
                throw new InvalidParameterException("outcome '" + outcome.name().toLowerCase(Locale.ROOT) + "' takes "
                        + "'outcomeColumn' (and no 'timeColumn', 'eventColumn' or 'timePoint')");
            }
            if (r2 <= r1) {
                throw new InvalidParameterException("parameter 'r2' = " + r2 + " must be larger than 'r1' = " + r1);
            }
        }
    }

    public SteppMethod() {
        super(SteppSettings.class, MethodDescriptor.builder(ID, "STEPP: treatment effect across overlapping marker "
                + "subpopulations")
                .category("biomarker")
                .reference("Bonetti & Gelber, Biostatistics 5:465-481 (2004); Yip et al., J Stat Softw 2016 "
                        + "(R stepp); windows as stepp.win(type = \"sliding\", r1, r2)")
                .description("Orders patients by the marker and forms overlapping windows as R stepp's sliding "
                        + "windows: each holds about r2 patients and shares at most r1 with the previous one (ties "
                        + "kept together; the last window ends at the largest value and may be smaller). In each "
                        + "window the treatment effect is the difference treated - control in response rates "
                        + "(binary), means (continuous) or Kaplan-Meier survival at timePoint (survival, Greenwood "
                        + "variance), with a normal interval. The p-value (steppP) is stepp's supremum test: marker "
                        + "values are permuted within each arm (seeded), each window's deviation from the overall "
                        + "difference is standardised by its permutation standard deviation, and p is the share of "
                        + "permutations whose largest absolute standardised deviation exceeds the observed. Rows with "
                        + "a missing value are left out.")
                .input(TableSpec.of(INPUT, "one row per patient: outcome (or time and event), treatment, marker"))
                .output(TableSpec.of(OUTPUT, "one row per window (plot difference with its interval against "
                        + "marker_median)", column("window", FLOAT64), column("marker_lower", FLOAT64),
                        column("marker_upper", FLOAT64), column("marker_median", FLOAT64), column("n", FLOAT64),
                        column("effect_treatment", FLOAT64), column("effect_control", FLOAT64),
                        column("difference", FLOAT64), column("difference_lower", FLOAT64),
                        column("difference_upper", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, SteppSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        boolean survival = s.outcome() == Outcome.SURVIVAL;
        String[] arm = InputColumns.labels(table, INPUT, s.treatmentColumn());
        double[] marker = InputColumns.numbers(table, INPUT, s.markerColumn());
        double[] y = survival ? InputColumns.numbers(table, INPUT, s.timeColumn())
                : s.outcome() == Outcome.BINARY ? InputColumns.zeroOne(table, INPUT, s.outcomeColumn(), "a binary outcome")
                : InputColumns.numbers(table, INPUT, s.outcomeColumn());
        double[] event = survival ? InputColumns.zeroOne(table, INPUT, s.eventColumn(), "the event indicator") : null;
        List<Integer> rows = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (int r = 0; r < marker.length; r++) {
            if (arm[r] != null && Double.isFinite(marker[r]) && Double.isFinite(y[r])
                    && (event == null || !Double.isNaN(event[r]))) {
                if (survival && y[r] < 0) {
                    throw new InvalidParameterException("input '" + INPUT + "' row " + (r + 1) + ": "
                            + s.timeColumn() + " = " + y[r] + "; survival times must be >= 0");
                }
                rows.add(r);
                present.add(arm[r]);
            }
        }
        int n = rows.size();
        String[] arms = InputColumns.arms(present, InputColumns.type(table, INPUT, s.treatmentColumn()).isNumeric(),
                s.treatedLevel(), INPUT, s.treatmentColumn());
        double[] x = new double[n];
        double[] outcome = new double[n];
        boolean[] treated = new boolean[n];
        boolean[] events = new boolean[n];
        for (int i = 0; i < n; i++) {
            int r = rows.get(i);
            x[i] = marker[r];
            outcome[i] = y[r];
            treated[i] = arm[r].equals(arms[0]);
            events[i] = event != null && event[r] == 1;
        }
        List<Stepp.Window> windows;
        try {
            windows = Stepp.slidingWindows(x, s.r1(), s.r2());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("parameters 'r1'/'r2': " + e.getMessage());
        }
        Stepp.Estimator estimator = survival ? Stepp.kaplanMeier(outcome, events, s.timePoint())
                : Stepp.mean(outcome, s.outcome() == Outcome.BINARY);
        Stepp.Result result;
        try {
            result = Stepp.analyse(x, treated, estimator, windows, s.permutations(), context.random(0));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("parameters 'r1'/'r2', column '" + s.treatmentColumn() + "': "
                    + e.getMessage() + "; use larger windows");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + s.level() / 2);
        int w = windows.size();
        double[] index = new double[w];
        double[] lower = new double[w];
        double[] upper = new double[w];
        double[] median = result.median();
        double[] count = new double[w];
        double[] lo = new double[w];
        double[] hi = new double[w];
        for (int k = 0; k < w; k++) {
            index[k] = k + 1;
            lower[k] = windows.get(k).lower();
            upper[k] = windows.get(k).upper();
            count[k] = windows.get(k).n();
            lo[k] = result.difference()[k] - z * result.standardError()[k];
            hi[k] = result.difference()[k] + z * result.standardError()[k];
        }
        String scale = switch (s.outcome()) {
            case BINARY -> "difference in response rates";
            case CONTINUOUS -> "difference in means";
            case SURVIVAL -> "difference in Kaplan-Meier survival at " + s.timePoint();
        };
        Table out = Table.builder(context.allocator()).addFloat64("window", index).addFloat64("marker_lower", lower)
                .addFloat64("marker_upper", upper).addFloat64("marker_median", median).addFloat64("n", count)
                .addFloat64("effect_treatment", result.treated()).addFloat64("effect_control", result.control())
                .addFloat64("difference", result.difference()).addFloat64("difference_lower", lo)
                .addFloat64("difference_upper", hi).build();
        MethodResult.Builder builder = MethodResult.builder().output(OUTPUT, out)
                .summary("effectScale", scale)
                .summary("difference", result.overallDifference())
                .summary("differenceLower", result.overallDifference() - z * result.overallStandardError())
                .summary("differenceUpper", result.overallDifference() + z * result.overallStandardError())
                .summary("effectTreatment", result.overallTreated())
                .summary("effectControl", result.overallControl())
                .summary("windows", (long) w)
                .summary("permutations", (long) s.permutations())
                .summary("treatedLevel", arms[0])
                .summary("controlLevel", arms[1])
                .summary("rows", (long) n)
                .summary("skippedRows", (long) table.rowCount() - n);
        if (s.permutations() > 0) {
            builder.summary("steppP", result.pValue()).summary("supremum", result.supremum());
        }
        return builder.build();
    }
}
