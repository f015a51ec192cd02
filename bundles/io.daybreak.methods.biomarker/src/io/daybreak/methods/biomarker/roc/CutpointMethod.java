package io.daybreak.methods.biomarker.roc;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import io.daybreak.stats.biomarker.roc.MaxStat;

/**
 * {@code biomarker.cutpoint}: the cut-point of a continuous marker that best separates outcomes, by maximally
 * selected rank statistics with a p-value corrected for the search, as R {@code maxstat::maxstat.test}.
 */
@Component(service = Method.class)
public final class CutpointMethod extends SettingsMethod<CutpointMethod.CutpointSettings> {
    static final String ID = "biomarker.cutpoint";
    static final String INPUT = "data";
    static final String OUTPUT = "cutpoints";

    /** The p-value correction, as maxstat's pmethod. */
    enum PMethod {
        LAU92, LAU94, HL
    }

    /** What biomarker.cutpoint takes. */
    record CutpointSettings(
            @Setting(doc = "input column holding the marker to cut")
            String markerColumn,
            @Setting(optional = true, doc = "input column holding a continuous outcome (Wilcoxon scores); give this "
                    + "or timeColumn and eventColumn")
            String outcomeColumn,
            @Setting(optional = true, doc = "input column holding the survival time (log-rank scores)")
            String timeColumn,
            @Setting(optional = true, doc = "input column holding the event indicator: 1/true event, 0/false censored")
            String eventColumn,
            @Setting(defaultValue = "lau94", doc = "p-value correction for the search over cut-points: lau92 "
                    + "(Lausen & Schumacher 1992), lau94 (improved Bonferroni, Lausen et al. 1994), hl (Hothorn & "
                    + "Lausen 2003, exact conditional distribution; up to a few hundred patients)")
            PMethod pMethod,
            @Setting(min = 0, max = 0.5, minInclusive = false, maxInclusive = false, defaultValue = "0.1",
                    doc = "smallest share of patients at or below a candidate cut-point")
            double minprop,
            @Setting(min = 0.5, max = 1, minInclusive = false, maxInclusive = false, defaultValue = "0.9",
                    doc = "largest share of patients at or below a candidate cut-point")
            double maxprop) {

        CutpointSettings {
            boolean survival = timeColumn != null || eventColumn != null;
            if (survival && (timeColumn == null || eventColumn == null)) {
                throw new InvalidParameterException("give both 'timeColumn' and 'eventColumn' for a survival outcome");
            }
            if (survival == (outcomeColumn != null)) {
                throw new InvalidParameterException("give either 'outcomeColumn' (continuous outcome) or 'timeColumn' "
                        + "and 'eventColumn' (survival), not both and not neither");
            }
        }
    }

    public CutpointMethod() {
        super(CutpointSettings.class, MethodDescriptor.builder(ID, "Optimal cut-point of a marker: maximally "
                + "selected rank statistics")
                .category("biomarker")
                .reference("Lausen & Schumacher, Biometrics 48:73-85 (1992); Lausen, Sauerbrei & Schumacher, "
                        + "Computational Statistics 483-496 (1994); Hothorn & Lausen, CSDA 43:121-137 (2003); as R "
                        + "maxstat::maxstat.test")
                .description("For each candidate cut-point c of the marker (distinct values leaving between minprop "
                        + "and maxprop of the patients at or below c), the standardised two-sample rank statistic "
                        + "comparing marker <= c with marker > c: Wilcoxon for a continuous outcome, log-rank for a "
                        + "survival time. The cut-point is where the absolute statistic is largest (M); its p-value "
                        + "is corrected for having searched (lau92, lau94 or hl, as maxstat's pmethod). With hl the "
                        + "scores are made integer as maxstat does (mid-ranks doubled, log-rank scores rescaled to "
                        + "0..N and rounded), so M can differ slightly from lau92/lau94. Rows with a missing value "
                        + "are left out.")
                .input(TableSpec.of(INPUT, "one row per patient: the marker and the outcome (or time and event)"))
                .output(TableSpec.of(OUTPUT, "one row per candidate cut-point (plot statistic against cut)",
                        column("cut", FLOAT64), column("statistic", FLOAT64), column("below", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, CutpointSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        double[] marker = InputColumns.numbers(table, INPUT, s.markerColumn());
        boolean survival = s.outcomeColumn() == null;
        double[] outcome = InputColumns.numbers(table, INPUT, survival ? s.timeColumn() : s.outcomeColumn());
        double[] event = survival
                ? InputColumns.zeroOne(table, INPUT, s.eventColumn(), "the event indicator (1 event, 0 censored)") : null;
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < marker.length; r++) {
            if (Double.isFinite(marker[r]) && Double.isFinite(outcome[r]) && (event == null || !Double.isNaN(event[r]))) {
                if (survival && outcome[r] < 0) {
                    throw new InvalidParameterException("input '" + INPUT + "' row " + (r + 1) + ": " + s.timeColumn()
                            + " = " + outcome[r] + "; survival times must be >= 0");
                }
                rows.add(r);
            }
        }
        int n = rows.size();
        if (n < 4) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + n + " complete rows; a cut-point needs "
                    + "at least 4");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] d = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = marker[rows.get(i)];
            y[i] = outcome[rows.get(i)];
            d[i] = event != null && event[rows.get(i)] == 1;
        }
        double[] scores = survival ? MaxStat.logRankScores(y, d) : MaxStat.wilcoxonScores(y);
        MaxStat.PMethod method = MaxStat.PMethod.valueOf(s.pMethod().name());
        if (method == MaxStat.PMethod.HL) {
            scores = MaxStat.integerScores(scores);
        }
        MaxStat result;
        try {
            result = MaxStat.test(scores, x, method, s.minprop(), s.maxprop());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("parameters 'minprop'/'maxprop'/'pMethod', column '" + s.markerColumn()
                    + "': " + e.getMessage());
        }
        List<Double> below = new ArrayList<>();
        for (double c : result.cuts()) {
            below.add((double) Arrays.stream(x).filter(v -> v <= c).count());
        }
        Table out = Table.builder(context.allocator()).addFloat64("cut", result.cuts())
                .addFloat64("statistic", result.statistics()).add("below", ColumnType.FLOAT64, below).build();
        return MethodResult.builder().output(OUTPUT, out)
                .summary("cutpoint", result.estimate())
                .summary("statistic", result.statistic())
                .summary("pValue", result.pValue())
                .summary("pMethod", s.pMethod().name().toLowerCase(Locale.ROOT))
                .summary("scores", survival ? "log-rank" : "wilcoxon")
                .summary("rows", (long) n)
                .summary("skippedRows", (long) marker.length - n)
                .build();
    }
}
