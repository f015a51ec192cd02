package io.daybreak.methods.biomarker.roc;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
import io.daybreak.stats.biomarker.roc.TimeDependentRoc;
import io.daybreak.stats.biomarker.roc.TimeRocInference;

/**
 * {@code biomarker.time-roc}: cumulative/dynamic time-dependent ROC curves and AUC of markers for a survival time at
 * chosen times, with marginal Kaplan–Meier censoring weights, standard errors from the influence function, pointwise
 * intervals and the comparison of two markers, as R {@code timeROC(iid = TRUE)}, {@code confint} and {@code compare}.
 */
@Component(service = Method.class)
public final class TimeRocMethod extends SettingsMethod<TimeRocMethod.TimeRocSettings> {
    static final String ID = "biomarker.time-roc";
    static final String INPUT = "data";
    static final String ROC = "roc";
    static final String AUC = "auc";
    static final String COMPARISON = "comparison";

    /** What biomarker.time-roc takes. */
    record TimeRocSettings(
            @Setting(doc = "input column holding the survival or censoring time")
            String timeColumn,
            @Setting(doc = "input column holding the event indicator: 1/true event, 0/false censored")
            String eventColumn,
            @Setting(doc = "marker columns, comma-separated (high values: higher risk)")
            String markers,
            @Setting(min = 0, minInclusive = false, doc = "times t at which the ROC curve is computed, comma-separated "
                    + "(cases: event before t; controls: event-free after t)")
            double[] times,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                    doc = "coverage of the pointwise Wald interval of each AUC (timeROC's confint)")
            double level) {
    }

    public TimeRocMethod() {
        super(TimeRocSettings.class, MethodDescriptor.builder(ID, "Time-dependent ROC for survival "
                + "(cumulative/dynamic, IPCW)")
                .category("biomarker")
                .reference("Heagerty, Lumley & Pepe, Biometrics 56:337-344 (2000); Blanche, Dartigues & "
                        + "Jacqmin-Gadda, Stat Med 32:5381-5397 (2013), as R timeROC(weighting = 'marginal')")
                .description("At each time t: cases are patients with an event before t, controls those still "
                        + "event-free after t; patients censored before t enter through inverse-probability-of-"
                        + "censoring weights (Kaplan-Meier of the censoring times: 1/G(T-) for cases, 1/G(t) for "
                        + "controls). Sensitivity and 1 - specificity of 'marker > threshold' at every distinct marker "
                        + "value, and the AUC by the trapezoidal rule (timeROC's AUC, cumulative/dynamic). Its standard "
                        + "error comes from the influence function (iid representation) of the estimator, including the "
                        + "estimated weights (timeROC's iid = TRUE, inference$vect_sd_1), with the pointwise Wald interval "
                        + "AUC +/- z se (confint's CI_AUC, unrounded). With two or more markers, each pair is compared at "
                        + "each time by the z-test on the difference of their influence functions (compare(), p-values "
                        + "not adjusted for the several times). Ties between an event and a censoring time: the event "
                        + "is taken first (prodlim's reverse Kaplan-Meier, as pec::ipcw). Rows with a missing value are "
                        + "left out (the same rows for every marker).")
                .input(TableSpec.of(INPUT, "one row per patient: time, event and the marker columns"))
                .output(TableSpec.of(ROC, "the curves in long form, one row per marker, time and threshold",
                        column("marker", STRING), column("time", FLOAT64), column("threshold", FLOAT64),
                        column("sensitivity", FLOAT64), column("specificity", FLOAT64)))
                .output(TableSpec.of(AUC, "one row per marker and time", column("marker", STRING),
                        column("time", FLOAT64), column("auc", FLOAT64), column("se", FLOAT64),
                        column("auc_lower", FLOAT64), column("auc_upper", FLOAT64), column("cases", FLOAT64),
                        column("controls", FLOAT64)))
                .output(TableSpec.of(COMPARISON, "one row per pair of markers and time (empty with one marker)",
                        column("marker1", STRING), column("marker2", STRING), column("time", FLOAT64),
                        column("auc1", FLOAT64), column("auc2", FLOAT64), column("difference", FLOAT64),
                        column("se", FLOAT64), column("z", FLOAT64), column("p", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, TimeRocSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        double[] time = InputColumns.numbers(table, INPUT, s.timeColumn());
        double[] event = InputColumns.zeroOne(table, INPUT, s.eventColumn(), "the event indicator (1 event, 0 censored)");
        List<String> markers = new ArrayList<>();
        for (String m : s.markers().split(",")) {
            String name = m.trim();
            if (markers.contains(name)) {
                throw new InvalidParameterException("parameter 'markers': '" + name + "' is listed twice");
            }
            markers.add(name);
        }
        double[][] values = new double[markers.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = InputColumns.numbers(table, INPUT, markers.get(k));
        }
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < time.length; r++) {
            boolean complete = Double.isFinite(time[r]) && !Double.isNaN(event[r]);
            for (double[] v : values) {
                complete &= Double.isFinite(v[r]);
            }
            if (complete) {
                if (time[r] < 0) {
                    throw new InvalidParameterException("input '" + INPUT + "' row " + (r + 1) + ": " + s.timeColumn()
                            + " = " + time[r] + "; times must be >= 0");
                }
                rows.add(r);
            }
        }
        int n = rows.size();
        if (n < 2) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + n + " complete rows");
        }
        double[] t = new double[n];
        boolean[] d = new boolean[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[rows.get(i)];
            d[i] = event[rows.get(i)] == 1;
        }
        double[] times = s.times().clone();
        Arrays.sort(times);
        List<Object> rm = new ArrayList<>();
        List<Object> rt = new ArrayList<>();
        List<Object> rth = new ArrayList<>();
        List<Object> rse = new ArrayList<>();
        List<Object> rsp = new ArrayList<>();
        List<Object> am = new ArrayList<>();
        List<Object> at = new ArrayList<>();
        List<Object> aa = new ArrayList<>();
        List<Object> ac = new ArrayList<>();
        List<Object> ak = new ArrayList<>();
        List<Object> ase = new ArrayList<>();
        List<Object> alo = new ArrayList<>();
        List<Object> aup = new ArrayList<>();
        TimeRocInference[][] inference = new TimeRocInference[markers.size()][times.length];
        for (int k = 0; k < markers.size(); k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = values[k][rows.get(i)];
            }
            for (int q = 0; q < times.length; q++) {
                double tt = times[q];
                TimeDependentRoc roc = TimeDependentRoc.at(t, d, x, tt);
                TimeRocInference inf = TimeRocInference.at(t, d, x, tt);
                inference[k][q] = inf;
                double[] ci = inf.confidenceInterval(s.level());
                for (int j = 0; j < roc.thresholds().length; j++) {
                    rm.add(markers.get(k));
                    rt.add(tt);
                    rth.add(roc.thresholds()[j]);
                    rse.add(Double.isNaN(roc.sensitivity()[j]) ? null : roc.sensitivity()[j]);
                    rsp.add(Double.isNaN(roc.falsePositive()[j]) ? null : 1 - roc.falsePositive()[j]);
                }
                am.add(markers.get(k));
                at.add(tt);
                aa.add(Double.isNaN(roc.auc()) ? null : roc.auc());
                ase.add(orNull(inf.standardError()));
                alo.add(orNull(ci[0]));
                aup.add(orNull(ci[1]));
                ac.add((double) roc.cases());
                ak.add((double) roc.controls());
            }
        }
        Table roc = Table.builder(context.allocator()).add("marker", ColumnType.STRING, rm)
                .add("time", ColumnType.FLOAT64, rt).add("threshold", ColumnType.FLOAT64, rth)
                .add("sensitivity", ColumnType.FLOAT64, rse).add("specificity", ColumnType.FLOAT64, rsp).build();
        Table auc = Table.builder(context.allocator()).add("marker", ColumnType.STRING, am)
                .add("time", ColumnType.FLOAT64, at).add("auc", ColumnType.FLOAT64, aa)
                .add("se", ColumnType.FLOAT64, ase).add("auc_lower", ColumnType.FLOAT64, alo)
                .add("auc_upper", ColumnType.FLOAT64, aup)
                .add("cases", ColumnType.FLOAT64, ac).add("controls", ColumnType.FLOAT64, ak).build();
        List<List<Object>> cmp = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
            cmp.add(new ArrayList<>());
        }
        for (int k1 = 0; k1 < markers.size(); k1++) {
            for (int k2 = k1 + 1; k2 < markers.size(); k2++) {
                for (int q = 0; q < times.length; q++) {
                    TimeRocInference a = inference[k1][q];
                    TimeRocInference b = inference[k2][q];
                    TimeRocInference.Comparison c = a.compare(b);
                    cmp.get(0).add(markers.get(k1));
                    cmp.get(1).add(markers.get(k2));
                    cmp.get(2).add(times[q]);
                    cmp.get(3).add(orNull(a.auc()));
                    cmp.get(4).add(orNull(b.auc()));
                    cmp.get(5).add(orNull(c.difference()));
                    cmp.get(6).add(orNull(c.standardError()));
                    cmp.get(7).add(orNull(c.z()));
                    cmp.get(8).add(orNull(c.pValue()));
                }
            }
        }
        Table comparison = Table.builder(context.allocator()).add("marker1", ColumnType.STRING, cmp.get(0))
                .add("marker2", ColumnType.STRING, cmp.get(1)).add("time", ColumnType.FLOAT64, cmp.get(2))
                .add("auc1", ColumnType.FLOAT64, cmp.get(3)).add("auc2", ColumnType.FLOAT64, cmp.get(4))
                .add("difference", ColumnType.FLOAT64, cmp.get(5)).add("se", ColumnType.FLOAT64, cmp.get(6))
                .add("z", ColumnType.FLOAT64, cmp.get(7)).add("p", ColumnType.FLOAT64, cmp.get(8)).build();
        return MethodResult.builder().output(ROC, roc).output(AUC, auc).output(COMPARISON, comparison)
                .summary("level", s.level())
                .summary("rows", (long) n)
                .summary("skippedRows", (long) time.length - n)
                .build();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
