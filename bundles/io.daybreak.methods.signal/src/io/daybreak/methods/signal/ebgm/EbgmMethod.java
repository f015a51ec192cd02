package io.daybreak.methods.signal.ebgm;

import java.util.Arrays;
import java.util.Comparator;
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
import io.daybreak.methods.signal.disproportionality.CodedRows;
import io.daybreak.methods.signal.disproportionality.ReportColumns;
import io.daybreak.methods.signal.disproportionality.ReportRows;
import io.daybreak.stats.signal.disproportionality.PairCounts;
import io.daybreak.stats.signal.ebgm.HyperparameterFit;

/**
 * {@code signal.ebgm}: DuMouchel's multi-item gamma-Poisson shrinker as openEBGM computes it. From pre-counted pairs
 * (drug, event, N, E as openEBGM::processRaw writes them) or report rows (read and counted by {@link CodedRows}, as
 * signal.disproportionality reads them), the two-gamma mixture prior is fitted by maximum likelihood (truncated at
 * N*, optionally on squashed data, from several starts with autoHyper's acceptance rule) and every pair gets EBGM,
 * the posterior 5% and 95% quantiles (EB05, EB95) and the posterior probability that its reporting ratio exceeds a
 * threshold.
 */
@Component(service = Method.class)
public final class EbgmMethod extends SettingsMethod<EbgmMethod.EbgmSettings> {
    static final String ID = "signal.ebgm";
    static final TableSpec DATA = TableSpec.of("data", "report-drug-event rows, or pre-counted pairs (parameters count "
            + "and expected)");

    /** What signal.ebgm takes: the columns, the pre-counted columns, and the fit and posterior options. */
    record EbgmSettings(
            @Setting(defaultValue = "drug", doc = "column of drug names or codes")
            String drug,
            @Setting(defaultValue = "event", doc = "column of event names or codes (e.g. MedDRA PT)")
            String event,
            @Setting(optional = true, doc = "report rows: column of report ids (a report counts once per pair, as "
                    + "openEBGM::processRaw); without it every row is its own report")
            String report,
            @Setting(optional = true, doc = "report rows: comma list of stratum columns for the expected count")
            String strata,
            @Setting(optional = true, doc = "pre-counted pairs: column of the observed count N (openEBGM's N)")
            String count,
            @Setting(optional = true, doc = "pre-counted pairs: column of the expected count E (openEBGM's E); "
                    + "without it E = n_drug n_event / n_total from sums of N")
            String expected,
            EbgmOptions options) {
    }

    public EbgmMethod() {
        super(EbgmSettings.class, MethodDescriptor.builder(ID, "Empirical Bayes geometric mean (MGPS) of drug-event pairs")
                .category("signal")
                .reference("DuMouchel, Am Stat 53:177 (1999); DuMouchel & Pregibon, KDD 2001 (squashing); Canida & "
                        + "Ihrie, R Journal 9:499 (2017) openEBGM")
                .description("Two-gamma mixture prior fitted by maximum likelihood of the negative-binomial mixture "
                        + "(truncated at N*, optionally squashed, several starts checked as openEBGM::autoHyper), then "
                        + "EBGM, EB05, EB95 and P(lambda > threshold) for every pair.")
                .input(DATA)
                .output(EbgmResult.EBGM)
                .output(EbgmResult.PRIOR)
                .output(EbgmResult.STARTS));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, EbgmSettings settings, MethodContext context) {
        Table data = inputs.get("data");
        if (data == null) {
            throw new InvalidParameterException("input table 'data' is missing");
        }
        Pairs pairs;
        try {
            pairs = settings.count() != null ? precounted(data, settings) : counted(data, settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage()); // a column the data lacks, of the wrong type
        }
        HyperparameterFit.Result fit = settings.options().fit(pairs.n(), pairs.e());
        EbgmResult result = new EbgmResult(pairs.drug(), pairs.event(), pairs.n(), pairs.e(), fit, settings.options());
        MethodResult.Builder out = MethodResult.builder()
                .output("ebgm", EbgmResult.table(EbgmResult.EBGM, result.ebgm, context.allocator()))
                .output("prior", EbgmResult.table(EbgmResult.PRIOR, result.prior, context.allocator()))
                .output("starts", EbgmResult.table(EbgmResult.STARTS, result.starts, context.allocator()));
        result.summary().forEach(out::summary);
        return out.build();
    }

    /** Pairs with their counts. */
    record Pairs(String[] drug, String[] event, int[] n, double[] e) {
    }

    /**
     * The counted pairs in a canonical order (drug, then event), so that the fit does not depend on the order in
     * which rows or sites came: the federated analysis then reproduces the pooled one exactly.
     */
    static Pairs fromCounts(PairCounts counts) {
        int m = counts.size();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> counts.drug(i)).thenComparing(i -> counts.event(i)));
        String[] d = new String[m];
        String[] ev = new String[m];
        int[] n = new int[m];
        double[] e = new double[m];
        for (int k = 0; k < m; k++) {
            int i = order[k];
            d[k] = counts.drug(i);
            ev[k] = counts.event(i);
            n[k] = Math.toIntExact(counts.n(i));
            e[k] = counts.expected(i);
        }
        return new Pairs(d, ev, n, e);
    }

    private static Pairs counted(Table data, EbgmSettings s) {
        if (s.expected() != null) {
            throw new InvalidParameterException("parameter 'expected' applies to pre-counted pairs; give 'count' too");
        }
        // the same reading of report rows as signal.disproportionality (rows with a missing value are skipped)
        return fromCounts(CodedRows.count(data, new ReportColumns(s.drug(), s.event(), s.report(), s.strata()),
                new long[1]));
    }

    private static Pairs precounted(Table data, EbgmSettings s) {
        if (s.report() != null || s.strata() != null) {
            throw new InvalidParameterException("parameters 'report' and 'strata' apply to report rows; with 'count' "
                    + "every row is a pre-counted pair");
        }
        String[] drug = ReportRows.text(data, "drug", s.drug());
        String[] event = ReportRows.text(data, "event", s.event());
        double[] nn = numbers(data, "count", s.count());
        int m = nn.length;
        int[] n = new int[m];
        for (int i = 0; i < m; i++) {
            if (Double.isNaN(nn[i]) || nn[i] < 0 || nn[i] != Math.rint(nn[i]) || nn[i] > Integer.MAX_VALUE) {
                throw new InvalidParameterException("parameter 'count': column '" + s.count() + "' row " + (i + 1)
                        + " is " + (Double.isNaN(nn[i]) ? "missing" : nn[i]) + "; counts must be whole numbers >= 0");
            }
            n[i] = (int) nn[i];
            if (drug[i] == null || event[i] == null) {
                throw new InvalidParameterException("row " + (i + 1) + " has no " + (drug[i] == null ? "drug" : "event")
                        + "; every pre-counted pair needs both");
            }
        }
        double[] e;
        if (s.expected() != null) {
            e = numbers(data, "expected", s.expected());
            for (int i = 0; i < m; i++) {
                if (!(e[i] > 0) || !Double.isFinite(e[i])) {
                    throw new InvalidParameterException("parameter 'expected': column '" + s.expected() + "' row "
                            + (i + 1) + " is " + (Double.isNaN(e[i]) ? "missing" : e[i]) + "; expected counts must "
                            + "be finite and > 0");
                }
            }
        } else {
            long[] counts = new long[m];
            for (int i = 0; i < m; i++) {
                counts[i] = n[i];
            }
            try {
                PairCounts pc = PairCounts.ofPairs(drug, event, counts, null, null, null);
                return fromCounts(pc);
            } catch (IllegalArgumentException ex) {
                throw new InvalidParameterException(ex.getMessage());
            }
        }
        return new Pairs(drug, event, n, e);
    }

    private static double[] numbers(Table data, String parameter, String name) {
        if (!data.hasColumn(name)) {
            throw new InvalidParameterException("parameter '" + parameter + "': column '" + name + "' is not in the data");
        }
        if (!data.columnType(name).isNumeric()) {
            throw new InvalidParameterException("parameter '" + parameter + "': column '" + name + "' is not numeric");
        }
        DoubleColumn column = data.doubles(name);
        double[] out = new double[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.isNull(i) ? Double.NaN : column.get(i);
        }
        return out;
    }
}
