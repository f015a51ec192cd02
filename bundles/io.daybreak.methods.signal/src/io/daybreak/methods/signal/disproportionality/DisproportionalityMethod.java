package io.daybreak.methods.signal.disproportionality;

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
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.disproportionality.Criteria;
import io.daybreak.stats.signal.disproportionality.Disproportionality;
import io.daybreak.stats.signal.disproportionality.PairCounts;
import io.daybreak.stats.signal.disproportionality.PairStatistics;

/**
 * {@code signal.disproportionality}: PRR (Evans criteria), ROR, Yates chi-square, Fisher's exact test and the
 * information component for every drug–event pair of spontaneous reports, from report–drug–event rows (a report
 * counts once per pair, margins and total count reports, as openEBGM::processRaw) or from pre-counted pairs.
 */
@Component(service = Method.class)
public final class DisproportionalityMethod extends SettingsMethod<DisproportionalityMethod.DisproportionalitySettings> {
    static final String ID = "signal.disproportionality";
    static final TableSpec DATA = TableSpec.of("data", "report-drug-event rows, or pre-counted pairs (parameter count)");

    /** What signal.disproportionality takes: the columns, pre-counted columns, and the criteria. */
    record DisproportionalitySettings(ReportColumns columns,
            @Setting(optional = true, doc = "pre-counted input: column of the pair's report count n (then every row is "
                    + "one pair; report and strata are not used)")
            String count,
            @Setting(optional = true, doc = "pre-counted input: column of reports with the drug (else sum of n over the "
                    + "drug's pairs)")
            String drugCount,
            @Setting(optional = true, doc = "pre-counted input: column of reports with the event (else sum of n)")
            String eventCount,
            @Setting(optional = true, doc = "pre-counted input: column of all reports, the same on every row (else sum "
                    + "of n)")
            String totalCount,
            SignalCriteria criteria) {
    }

    public DisproportionalityMethod() {
        super(DisproportionalitySettings.class, MethodDescriptor.builder(ID, "Disproportionality of drug-event reports")
                .category("signal")
                .reference("Evans et al., Pharmacoepidemiol Drug Saf 10:483 (2001); van Puijenbroek et al., "
                        + "Pharmacoepidemiol Drug Saf 11:3 (2002); Noren et al., Stat Methods Med Res 22:57 (2013)")
                .description("PRR with Evans' criteria, ROR, Yates chi-square, Fisher's exact test (two-sided as R), "
                        + "stratified expected count and the shrunk information component with IC025/IC975, for every "
                        + "drug-event pair of spontaneous reports.")
                .input(DATA)
                .output(SignalsTable.spec()));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, DisproportionalitySettings settings, MethodContext context) {
        Table data = inputs.get("data");
        if (data == null) {
            throw new InvalidParameterException("input table 'data' is missing");
        }
        Criteria criteria = settings.criteria().toCriteria();
        PairCounts counts;
        long skipped;
        try {
            if (settings.count() != null) {
                if (settings.columns().report() != null || settings.columns().strata() != null) {
                    throw new InvalidParameterException("parameters 'report' and 'strata' apply to report rows; with "
                            + "'count' every row is a pre-counted pair");
                }
                counts = precounted(data, settings);
                skipped = 0;
            } else {
                long[] skippedRows = new long[1];
                counts = CodedRows.count(data, settings.columns(), skippedRows);
                skipped = skippedRows[0];
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        List<PairStatistics> rows = Disproportionality.compute(counts, criteria, settings.criteria().minCount());
        Disproportionality.sort(rows, settings.criteria().sortBy());
        return MethodResult.builder().output(SignalsTable.NAME, SignalsTable.table(rows, context.allocator()))
                .summary("pairs", (long) counts.size())
                .summary("pairsReported", (long) rows.size())
                .summary("reports", counts.total())
                .summary("strata", (long) counts.strata())
                .summary("rowsSkipped", skipped)
                .summary("signals", rows.stream().filter(PairStatistics::signal).count())
                .build();
    }

    private static PairCounts precounted(Table data, DisproportionalitySettings settings) {
        String[] drug = ReportRows.text(data, "drug", settings.columns().drug());
        String[] event = ReportRows.text(data, "event", settings.columns().event());
        long[] n = counts(data, "count", settings.count());
        long[] drugCount = settings.drugCount() == null ? null : counts(data, "drugCount", settings.drugCount());
        long[] eventCount = settings.eventCount() == null ? null : counts(data, "eventCount", settings.eventCount());
        long[] total = settings.totalCount() == null ? null : counts(data, "totalCount", settings.totalCount());
        return PairCounts.ofPairs(drug, event, n, drugCount, eventCount, total);
    }

    /** A count column: whole numbers ≥ 0, none missing. */
    private static long[] counts(Table data, String parameter, String name) {
        if (!data.hasColumn(name)) {
            throw new InvalidParameterException("parameter '" + parameter + "': column '" + name + "' is not in the data");
        }
        if (!data.columnType(name).isNumeric()) {
            throw new InvalidParameterException("parameter '" + parameter + "': column '" + name + "' is not numeric");
        }
        DoubleColumn column = data.doubles(name);
        long[] out = new long[column.size()];
        for (int i = 0; i < out.length; i++) {
            double v = column.get(i);
            if (column.isNull(i) || v < 0 || v != Math.rint(v) || v > 9.007199254740992E15) {
                throw new InvalidParameterException("parameter '" + parameter + "': column '" + name + "' row " + (i + 1)
                        + " is " + (column.isNull(i) ? "missing" : v) + "; counts must be whole numbers >= 0");
            }
            out[i] = (long) v;
        }
        return out;
    }
}
