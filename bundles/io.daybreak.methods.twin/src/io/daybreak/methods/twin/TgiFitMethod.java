package io.daybreak.methods.twin;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.twin.TgiFit;
import io.daybreak.stats.twin.TgiModel;
import io.daybreak.stats.twin.TgiPatient;

/**
 * {@code twin.tgi-fit}: per-patient Stein/Wilkerson tumour growth fits (dx, gx, gd, gdphi) with tumgr's selection
 * rule ({@link TgiPatient}). Bad rows are refused, not dropped: a missing or non-positive size, a missing or
 * negative time, or a time repeated within a patient is bad input naming the column, the data row (1-based) and
 * the value, because silently dropping a baseline would change every ratio of that patient.
 */
@Component(service = Method.class)
public final class TgiFitMethod extends SettingsMethod<TgiFitMethod.TgiFitSettings> {
    /** What twin.tgi-fit takes: the columns of the longitudinal data and tumgr's p-value threshold. */
    record TgiFitSettings(
            @Setting(defaultValue = "id", doc = "column of the patient id (text or number)")
            String id,
            @Setting(defaultValue = "time", doc = "column of assessment times in days (>= 0, distinct within a patient)")
            String time,
            @Setting(defaultValue = "size", doc = "column of tumour sizes (> 0), e.g. the RECIST sum of diameters in mm")
            String size,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.05",
                    doc = "every parameter of an eligible model has a p-value below alpha (tumgr's pval)")
            double alpha,
            @Setting(defaultValue = "tumgr", doc = "tumgr: t = days since the first assessment + 1, as tumgr's gdrate "
                    + "(the first point is a residual; 2 measurements 20% apart are fitted); zero: t = days since the "
                    + "first assessment (the first point is fitted exactly)")
            @Choice({"tumgr", "zero"})
            String timeOrigin) {

        TgiPatient.TimeOrigin origin() {
            return timeOrigin.equals("tumgr") ? TgiPatient.TimeOrigin.TUMGR : TgiPatient.TimeOrigin.ZERO;
        }
    }

    static final TableSpec DATA = TableSpec.of("data", "longitudinal tumour sizes: one row per patient and "
            + "assessment; columns named by the parameters id, time, size");
    static final TableSpec PATIENTS = TableSpec.of("patients", "one row per patient: the selected model and its "
            + "estimates (empty when not fitted)", column("id", STRING), column("measurements", INT64),
            column("model", STRING), column("g", FLOAT64), column("d", FLOAT64), column("phi", FLOAT64),
            column("seG", FLOAT64), column("seD", FLOAT64), column("sePhi", FLOAT64), column("aic", FLOAT64),
            column("rss", FLOAT64), column("bestChange", FLOAT64));
    static final TableSpec RESPONSE = TableSpec.of("response", "one row per patient and assessment: days since the "
            + "patient's first assessment and the change of size from that baseline in percent (for spider and "
            + "waterfall plots)", column("id", STRING), column("day", FLOAT64), column("size", FLOAT64),
            column("change", FLOAT64));
    static final TableSpec FITS = TableSpec.of("fits", "one row per patient and model attempted",
            column("id", STRING), column("model", STRING), column("status", STRING), column("eligible", BOOLEAN),
            column("g", FLOAT64), column("d", FLOAT64), column("phi", FLOAT64), column("seG", FLOAT64),
            column("seD", FLOAT64), column("sePhi", FLOAT64), column("pG", FLOAT64), column("pD", FLOAT64),
            column("pPhi", FLOAT64), column("rss", FLOAT64), column("aic", FLOAT64));
    public TgiFitMethod() {
        super(TgiFitSettings.class, MethodDescriptor.builder("twin.tgi-fit",
                "Tumour growth rates per patient: Stein/Wilkerson models with tumgr's selection rule")
                .category("twin")
                .reference("Stein et al., Clin Cancer Res 2008 and Oncologist 2011; Wilkerson et al., R package tumgr "
                        + "(gdrate); validated against docs/validation/r/twin/twin.R section A")
                .description("For each patient: f = size / first size against t = days since the first measurement "
                        + "plus 1 (timeOrigin=tumgr, as tumgr's gdrate, the default because tumgr is the reference) or "
                        + "plus 0 (timeOrigin=zero); "
                        + "models dx f = exp(-d t), gx f = exp(g t), gd f = exp(-d t) + exp(g t) - 1 and gdphi f = phi "
                        + "exp(g t) + (1 - phi) exp(-d t) fitted by bounded nonlinear least squares on f (d, g >= 0, "
                        + "0 <= phi <= 1) from a grid of starts. A model is attempted only when the informative points "
                        + "exceed p (n with tumgr's time; n - 1 from time 0, where f(0) = 1 exactly). Eligible: "
                        + "converged, not degenerate, every p-value < alpha, d > 0, g > 0, 0 < phi < 1 (with "
                        + "timeOrigin=tumgr gdphi is tested as tumgr tests its regressing fraction, 1 - phi); the "
                        + "eligible model with the lowest AIC(nls) is selected. Patients with fewer than 3 "
                        + "measurements are reported as not fitted (with tumgr's time, 2 measurements are fitted when "
                        + "they differ by 20% or more, as gdrate).")
                .input(DATA)
                .output(PATIENTS)
                .output(FITS)
                .output(RESPONSE));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, TgiFitSettings settings, MethodContext context) {
        Table data = TwinTables.input(inputs, "data");
        Map<String, List<double[]>> byPatient = read(data, settings.id(), settings.time(), settings.size());
        double alpha = settings.alpha();
        List<TgiPatient> patients = new ArrayList<>();
        Map<String, Double> bestChange = new LinkedHashMap<>();
        TwinTables.Rows response = new TwinTables.Rows().column("id", STRING).column("day", FLOAT64)
                .column("size", FLOAT64).column("change", FLOAT64);
        int done = 0;
        for (Map.Entry<String, List<double[]>> entry : byPatient.entrySet()) {
            context.checkCancelled();
            List<double[]> rows = entry.getValue();
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] time = rows.stream().mapToDouble(r -> r[0]).toArray();
            double[] size = rows.stream().mapToDouble(r -> r[1]).toArray();
            patients.add(TgiPatient.analyse(entry.getKey(), time, size, alpha, settings.origin()));
            double best = Double.NaN;
            for (int i = 0; i < time.length; i++) {
                double change = 100 * (size[i] / size[0] - 1);
                response.add(entry.getKey(), time[i] - time[0], size[i], change);
                best = i > 0 && !(best <= change) ? change : best;
            }
            bestChange.put(entry.getKey(), best);
            context.progress(++done / (double) byPatient.size(), "patient " + entry.getKey());
        }
        TwinTables.Rows perPatient = new TwinTables.Rows().column("id", STRING).column("measurements", INT64)
                .column("model", STRING).column("g", FLOAT64).column("d", FLOAT64).column("phi", FLOAT64)
                .column("seG", FLOAT64).column("seD", FLOAT64).column("sePhi", FLOAT64).column("aic", FLOAT64)
                .column("rss", FLOAT64).column("bestChange", FLOAT64);
        TwinTables.Rows perModel = new TwinTables.Rows().column("id", STRING).column("model", STRING)
                .column("status", STRING).column("eligible", BOOLEAN).column("g", FLOAT64).column("d", FLOAT64)
                .column("phi", FLOAT64).column("seG", FLOAT64).column("seD", FLOAT64).column("sePhi", FLOAT64)
                .column("pG", FLOAT64).column("pD", FLOAT64).column("pPhi", FLOAT64).column("rss", FLOAT64)
                .column("aic", FLOAT64);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TgiModel model : TgiModel.values()) {
            counts.put(model.label(), 0L);
        }
        long notFitted = 0;
        long tooFew = 0;
        for (TgiPatient patient : patients) {
            TgiFit s = patient.selected();
            if (s == null) {
                perPatient.add(patient.id(), (long) patient.measurements(), patient.outcome(), null, null, null, null,
                        null, null, null, null, bestChange.get(patient.id()));
                if (patient.fits().isEmpty()) {
                    tooFew++;
                } else {
                    notFitted++;
                }
            } else {
                counts.merge(s.model().label(), 1L, Long::sum);
                perPatient.add(patient.id(), (long) patient.measurements(), patient.outcome(), s.estimate("g"),
                        s.estimate("d"), s.estimate("phi"), s.se("g"), s.se("d"), s.se("phi"), s.aic(), s.rss(),
                        bestChange.get(patient.id()));
            }
            for (TgiFit fit : patient.fits()) {
                perModel.add(patient.id(), fit.model().label(), fit.status().text(), fit.eligible(), fit.estimate("g"),
                        fit.estimate("d"), fit.estimate("phi"), fit.se("g"), fit.se("d"), fit.se("phi"),
                        fit.pValue("g"), fit.pValue("d"), fit.pValue("phi"), fit.rss(), fit.aic());
            }
        }
        MethodResult.Builder result = MethodResult.builder()
                .output("patients", perPatient.build(context.allocator()))
                .output("fits", perModel.build(context.allocator()))
                .output("response", response.build(context.allocator()))
                .summary("patients", (long) patients.size());
        counts.forEach((model, count) -> result.summary("selected_" + model, count));
        return result.summary("notFitted", notFitted).summary("fewerThan3Measurements", tooFew).build();
    }

    /** Rows {time, size} by patient id, in order of first appearance; bad rows are named. */
    static Map<String, List<double[]>> read(Table data, String id, String time, String size) {
        if (!data.hasColumn(id)) {
            throw new InvalidParameterException("parameter 'id': the data have no column '" + id + "'; columns: "
                    + String.join(", ", data.columnNames()));
        }
        DoubleColumn times = TwinTables.numeric(data, "time", time);
        DoubleColumn sizes = TwinTables.numeric(data, "size", size);
        Map<String, List<double[]>> byPatient = new LinkedHashMap<>();
        Map<String, Map<Double, Integer>> seen = new LinkedHashMap<>();
        for (int row = 0; row < data.rowCount(); row++) {
            String patient = TwinTables.text(data, id, row);
            String where = " in data row " + (row + 1) + (patient == null ? "" : " (patient " + patient + ")");
            if (patient == null) {
                throw new InvalidParameterException("column '" + id + "' is missing" + where);
            }
            if (times.isNull(row) || !Double.isFinite(times.get(row)) || times.get(row) < 0) {
                throw new InvalidParameterException("column '" + time + "' has " + (times.isNull(row) ? "a missing value"
                        : "the value " + times.get(row)) + where + "; allowed: times >= 0 (days)");
            }
            if (sizes.isNull(row) || !Double.isFinite(sizes.get(row)) || sizes.get(row) <= 0) {
                throw new InvalidParameterException("column '" + size + "' has " + (sizes.isNull(row) ? "a missing value"
                        : "the value " + sizes.get(row)) + where + "; allowed: sizes > 0 (a size of 0 has no ratio "
                        + "model)");
            }
            Integer earlier = seen.computeIfAbsent(patient, p -> new LinkedHashMap<>()).putIfAbsent(times.get(row),
                    row + 1);
            if (earlier != null) {
                throw new InvalidParameterException("column '" + time + "' has the value " + times.get(row) + where
                        + " twice (also in data row " + earlier + "); allowed: one assessment per patient and time");
            }
            byPatient.computeIfAbsent(patient, p -> new ArrayList<>()).add(new double[] {times.get(row), sizes.get(row)});
        }
        if (byPatient.isEmpty()) {
            throw new InvalidParameterException("input table 'data' has no rows");
        }
        return byPatient;
    }
}
