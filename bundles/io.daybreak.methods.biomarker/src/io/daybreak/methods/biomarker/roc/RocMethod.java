package io.daybreak.methods.biomarker.roc;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
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
import io.daybreak.stats.biomarker.roc.EmpiricalRoc;

/**
 * {@code biomarker.roc}: empirical ROC curves of one or more markers for a binary status, AUC with DeLong interval,
 * Youden-optimal threshold and DeLong's test comparing correlated AUCs, as R {@code pROC}.
 */
@Component(service = Method.class)
public final class RocMethod extends SettingsMethod<RocMethod.RocSettings> {
    static final String ID = "biomarker.roc";
    static final String INPUT = "data";
    static final String ROC = "roc";
    static final String AUC = "auc";
    static final String COMPARISON = "comparison";

    /** Which way a marker points. */
    enum Direction {
        AUTO, HIGHER, LOWER
    }

    /** What biomarker.roc takes. */
    record RocSettings(
            @Setting(defaultValue = "status", doc = "input column holding the status: 1/true for a case (e.g. "
                    + "responder), 0/false for a control")
            String statusColumn,
            @Setting(doc = "marker columns, comma-separated; with two or more, every pair is compared by DeLong's "
                    + "test")
            String markers,
            @Setting(defaultValue = "auto", doc = "auto: per marker, high values indicate a case when the median of "
                    + "the controls is at most that of the cases (as pROC); higher: high values indicate a case; "
                    + "lower: low values do")
            Direction direction,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                    doc = "coverage of the DeLong interval of the AUC")
            double level) {
    }

    public RocMethod() {
        super(RocSettings.class, MethodDescriptor.builder(ID, "ROC curves, AUC with DeLong interval, optimal "
                + "threshold, AUC comparison")
                .category("biomarker")
                .reference("DeLong, DeLong & Clarke-Pearson, Biometrics 44:837-845 (1988); Youden, Cancer 3:32-35 "
                        + "(1950); Robin et al., BMC Bioinformatics 12:77 (2011), R package pROC")
                .description("For each marker: the empirical ROC curve (thresholds at midpoints between distinct "
                        + "values, as pROC::roc), the AUC with its DeLong confidence interval (ci.auc(method = "
                        + "'delong')), and the Youden-optimal threshold (coords(roc, 'best')). With two or more "
                        + "markers, each pair of AUCs is compared by DeLong's test for correlated ROC curves "
                        + "(roc.test(method = 'delong', paired = TRUE)). Rows with a missing status or marker value are "
                        + "left out (the same rows for every marker, so the comparisons are paired).")
                .input(TableSpec.of(INPUT, "one row per patient: the status and the marker columns"))
                .output(TableSpec.of(ROC, "the curves in long form, one row per marker and threshold (plot "
                        + "1 - specificity against sensitivity)", column("marker", STRING), column("threshold", FLOAT64),
                        column("sensitivity", FLOAT64), column("specificity", FLOAT64)))
                .output(TableSpec.of(AUC, "one row per marker", column("marker", STRING), column("direction", STRING),
                        column("cases", FLOAT64), column("controls", FLOAT64), column("auc", FLOAT64),
                        column("auc_lower", FLOAT64), column("auc_upper", FLOAT64), column("best_threshold", FLOAT64),
                        column("best_sensitivity", FLOAT64), column("best_specificity", FLOAT64),
                        column("best_ties", FLOAT64)))
                .output(TableSpec.of(COMPARISON, "one row per pair of markers (empty with one marker)",
                        column("marker1", STRING), column("marker2", STRING), column("auc1", FLOAT64),
                        column("auc2", FLOAT64), column("difference", FLOAT64), column("se", FLOAT64),
                        column("z", FLOAT64), column("p", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, RocSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        double[] status = InputColumns.zeroOne(table, INPUT, s.statusColumn(), "the status (1 case, 0 control)");
        List<String> markers = new ArrayList<>();
        for (String m : s.markers().split(",")) {
            String name = m.trim();
            if (name.equals(s.statusColumn()) || markers.contains(name)) {
                throw new InvalidParameterException("parameter 'markers': '" + name + "' is "
                        + (markers.contains(name) ? "listed twice" : "the status column"));
            }
            markers.add(name);
        }
        double[][] values = new double[markers.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = InputColumns.numbers(table, INPUT, markers.get(k));
        }
        List<Integer> cases = new ArrayList<>();
        List<Integer> controls = new ArrayList<>();
        for (int r = 0; r < status.length; r++) {
            boolean complete = !Double.isNaN(status[r]);
            for (double[] v : values) {
                complete &= Double.isFinite(v[r]);
            }
            if (complete) {
                (status[r] == 1 ? cases : controls).add(r);
            }
        }
        if (cases.isEmpty() || controls.isEmpty()) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + cases.size() + " cases and "
                    + controls.size() + " controls with complete values; an ROC curve needs both");
        }
        EmpiricalRoc.Direction direction = switch (s.direction()) {
            case AUTO -> EmpiricalRoc.Direction.AUTO;
            case HIGHER -> EmpiricalRoc.Direction.CONTROLS_LOWER;
            case LOWER -> EmpiricalRoc.Direction.CONTROLS_HIGHER;
        };
        List<EmpiricalRoc> rocs = new ArrayList<>();
        List<Object> rocMarker = new ArrayList<>();
        List<Object> rocT = new ArrayList<>();
        List<Object> rocSe = new ArrayList<>();
        List<Object> rocSp = new ArrayList<>();
        List<List<Object>> auc = new ArrayList<>();
        for (int c = 0; c < 11; c++) {
            auc.add(new ArrayList<>());
        }
        for (int k = 0; k < markers.size(); k++) {
            double[] x = pick(values[k], cases);
            double[] y = pick(values[k], controls);
            EmpiricalRoc roc = EmpiricalRoc.of(x, y, direction);
            rocs.add(roc);
            for (int i = 0; i < roc.thresholds().length; i++) {
                rocMarker.add(markers.get(k));
                rocT.add(roc.thresholds()[i]);
                rocSe.add(roc.sensitivity()[i]);
                rocSp.add(roc.specificity()[i]);
            }
            double[] ci = roc.delongInterval(s.level());
            int[] best = roc.youdenBest();
            Object[] row = {markers.get(k), roc.higherIsCase() ? "<" : ">", (double) x.length, (double) y.length,
                roc.auc(), Double.isNaN(ci[0]) ? null : ci[0], Double.isNaN(ci[1]) ? null : ci[1],
                roc.thresholds()[best[0]], roc.sensitivity()[best[0]], roc.specificity()[best[0]],
                (double) best.length};
            for (int c = 0; c < row.length; c++) {
                auc.get(c).add(row[c]);
            }
        }
        List<List<Object>> cmp = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            cmp.add(new ArrayList<>());
        }
        for (int a = 0; a < rocs.size(); a++) {
            for (int b = a + 1; b < rocs.size(); b++) {
                double[] t = EmpiricalRoc.delongPairedTest(rocs.get(a), rocs.get(b));
                Object[] row = {markers.get(a), markers.get(b), rocs.get(a).auc(), rocs.get(b).auc(), t[2], t[3], t[0],
                    t[1]};
                for (int c = 0; c < row.length; c++) {
                    cmp.get(c).add(row[c]);
                }
            }
        }
        Table roc = Table.builder(context.allocator()).add("marker", ColumnType.STRING, rocMarker)
                .add("threshold", ColumnType.FLOAT64, rocT).add("sensitivity", ColumnType.FLOAT64, rocSe)
                .add("specificity", ColumnType.FLOAT64, rocSp).build();
        String[] aucNames = {"marker", "direction", "cases", "controls", "auc", "auc_lower", "auc_upper",
            "best_threshold", "best_sensitivity", "best_specificity", "best_ties"};
        String[] cmpNames = {"marker1", "marker2", "auc1", "auc2", "difference", "se", "z", "p"};
        MethodResult.Builder result = MethodResult.builder().output(ROC, roc)
                .output(AUC, build(context, aucNames, auc, 2))
                .output(COMPARISON, build(context, cmpNames, cmp, 2))
                .summary("cases", (long) cases.size())
                .summary("controls", (long) controls.size())
                .summary("skippedRows", (long) status.length - cases.size() - controls.size())
                .summary("level", s.level());
        return result.build();
    }

    private static Table build(MethodContext context, String[] names, List<List<Object>> columns, int strings) {
        var builder = Table.builder(context.allocator());
        for (int c = 0; c < names.length; c++) {
            builder.add(names[c], c < strings ? ColumnType.STRING : ColumnType.FLOAT64, columns.get(c));
        }
        return builder.build();
    }

    private static double[] pick(double[] values, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[rows.get(i)];
        }
        return out;
    }
}
