package io.daybreak.methods.signal.ae;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.signal.ae.AeCounts;

/**
 * The site step of {@code signal.ae-compare}: step "counts" releases what the adverse-event comparison needs from the
 * site's patients, and nothing row-level. The site's dataset is ADSL joined to ADAE (see {@link AeTables}; the
 * subject column is read to count a patient once per term, never released).
 *
 * <p>Release: {@code arms} (labels), {@code atRisk} and {@code exposureDays} per arm (each arm must have at least
 * {@code minCellCount} patients, else the site refuses), {@code bodySystems} and {@code terms} (labels of the events
 * released), {@code counts}, the patients with each event in each arm (events × arms, row by row), and
 * {@code suppressed}, 1 for a cell whose count is withheld (released as 0) and 0 otherwise. A cell n of an arm with N
 * patients is released only when n = 0 or n ≥ minCellCount, and N − n = 0 or N − n ≥ minCellCount (so a count next
 * to the arm's total does not give away the few patients without the event); otherwise it is suppressed: the value
 * never leaves. An event none of whose non-zero cells can be released is left out with its labels, and
 * only their number is released ({@code withheldEvents}).
 *
 * <p>Arguments: the column names of {@link AeColumns} and optionally {@code minGrade}.
 */
@Component(service = SiteStep.class)
public final class AeSiteStep implements SiteStep {
    public static final String METHOD = AeCompareMethod.ID;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "counts");
        Long minGrade = null;
        if (arguments.containsKey("minGrade")) {
            double g = Arguments.number(arguments, "minGrade");
            if (!(g >= 0 && g <= 10) || g != Math.rint(g)) {
                throw new IllegalArgumentException("argument 'minGrade' must be a whole number in [0, 10]");
            }
            minGrade = (long) g;
        }
        AeColumns columns = new AeColumns(Arguments.string(arguments, "subjectColumn"),
                Arguments.string(arguments, "bodySystemColumn"), Arguments.string(arguments, "termColumn"),
                Arguments.string(arguments, "gradeColumn"), Arguments.string(arguments, "armColumn"),
                Arguments.string(arguments, "durationColumn"), minGrade);
        for (String column : List.of(columns.subjectColumn(), columns.bodySystemColumn(), columns.termColumn(),
                columns.armColumn(), columns.durationColumn())) {
            if (!data.hasColumn(column)) {
                throw new IllegalArgumentException("the site's dataset has no column '" + column + "'");
            }
        }
        BitSet all = new BitSet();
        all.set(0, data.rowCount());
        guard.rows("the patients' rows", all);
        AeCounts counts;
        try {
            counts = AeTables.count(data, null, columns);
        } catch (InvalidParameterException | IllegalArgumentException e) {
            // the local message names rows, patients and values: none of that may leave the site
            throw new IllegalArgumentException("the site's dataset is not ADSL joined to ADAE as signal.ae-compare "
                    + "reads it (one row per record; per-patient arm and duration equal on a patient's rows; "
                    + "durations >= 0; body system given for every term)");
        }
        if (minGrade != null) {
            // the counts come from the records of grade >= minGrade: that row set goes through the subset and
            // differencing rules too, so two requests whose minGrade values select nearly the same records are refused
            guard.rows("the adverse-event records of grade >= minGrade", qualifying(data, columns));
        }
        long min = guard.policy().minCellCount();
        guard.counts("the patients at risk per arm", counts.atRisk());
        for (long n : counts.atRisk()) {
            if (n < min) {
                throw new IllegalArgumentException("an arm has fewer patients than the site's minCellCount");
            }
        }
        guard.labels("the arms", counts.arms());
        int arms = counts.arms().size();
        List<String> bodies = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<boolean[]> hidden = new ArrayList<>();
        List<Long> released = new ArrayList<>();
        long withheld = 0;
        for (int e = 0; e < counts.events().size(); e++) {
            double[] row = new double[arms];
            boolean[] hide = new boolean[arms];
            boolean any = false;
            for (int a = 0; a < arms; a++) {
                long n = counts.counts()[e][a];
                long rest = counts.atRisk()[a] - n;
                boolean ok = (n == 0 || n >= min) && (rest == 0 || rest >= min);
                row[a] = ok ? n : 0;
                hide[a] = !ok;
                if (ok && n > 0) {
                    any = true;
                }
            }
            if (!any) {
                withheld++;
                continue;
            }
            for (int a = 0; a < arms; a++) {
                if (!hide[a]) {
                    released.add((long) row[a]);
                }
            }
            hidden.add(hide);
            bodies.add(counts.events().get(e).bodySystem());
            terms.add(counts.events().get(e).term());
            rows.add(row);
        }
        guard.counts("the patients with each event", released.stream().mapToLong(Long::longValue).toArray());
        Set<String> labels = new LinkedHashSet<>(bodies);
        guard.labels("the body systems", new ArrayList<>(labels));
        guard.labels("the terms", terms);
        double[] atRisk = new double[arms];
        for (int a = 0; a < arms; a++) {
            atRisk[a] = counts.atRisk()[a];
        }
        Aggregates.Builder release = Aggregates.builder().putLabels("arms", counts.arms()).put("atRisk", atRisk)
                .put("exposureDays", counts.exposureDays()).put("withheldEvents", withheld);
        if (!rows.isEmpty()) {
            double[] flat = new double[rows.size() * arms];
            double[] flags = new double[rows.size() * arms];
            for (int e = 0; e < rows.size(); e++) {
                for (int a = 0; a < arms; a++) {
                    flat[e * arms + a] = rows.get(e)[a];
                    flags[e * arms + a] = hidden.get(e)[a] ? 1 : 0;
                }
            }
            release.putLabels("bodySystems", bodies).putLabels("terms", terms).put("counts", flat)
                    .put("suppressed", flags);
        }
        return release.build();
    }

    /** Rows with a term and a grade of at least minGrade (the grade column is numeric: AeTables checked it). */
    private static BitSet qualifying(Table data, AeColumns columns) {
        BitSet rows = new BitSet();
        DoubleColumn grade = data.doubles(columns.gradeColumn());
        for (int i = 0; i < data.rowCount(); i++) {
            String term = AeTables.text(data, columns.termColumn(), i);
            if (term != null && !term.isBlank() && !grade.isNull(i) && grade.get(i) >= columns.minGrade()) {
                rows.set(i);
            }
        }
        return rows;
    }
}
