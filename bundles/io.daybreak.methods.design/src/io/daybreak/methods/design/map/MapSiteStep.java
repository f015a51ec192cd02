package io.daybreak.methods.design.map;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;

/**
 * The site step of {@code design.map-prior} across sites: step "counts" releases, for each historical study in the
 * site's patient-level dataset (one row per patient: a study label and a 0/1 response), the study's patients n and
 * responses r, and nothing row-level.
 *
 * <p>Rows used: those with a study label and a response; they, and the rows of each released study, pass the guard's
 * subset and differencing rules (with the node's ledger, so partitions by another column cannot be differenced). A study
 * with fewer than {@code minCellCount} patients is withheld (neither its label nor its counts leave; only the number of
 * such studies, {@code withheldStudies}). A study's responses are released only when r = 0 or r ≥ minCellCount, and
 * n − r = 0 or n − r ≥ minCellCount; otherwise {@code suppressed} is 1 and r is released as 0: the value never
 * leaves. Release: {@code studies} (labels, sorted), {@code patients}, {@code responses}, {@code suppressed}, and
 * {@code withheldStudies}.
 *
 * <p>Arguments: {@code studyColumn} (a text column) and {@code responseColumn} (numeric, 0 or 1). Nothing the
 * requester sends is a point the step evaluates at. Error messages name columns, never values.
 */
@Component(service = SiteStep.class)
public final class MapSiteStep implements SiteStep {
    public static final String METHOD = MapPriorMethod.ID;
    static final String STEP = "counts";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        if (!STEP.equals(step)) {
            throw new IllegalArgumentException(METHOD + " has no step '" + step + "'; its step is '" + STEP + "'");
        }
        String studyColumn = text(arguments, "studyColumn");
        String responseColumn = text(arguments, "responseColumn");
        if (!data.hasColumn(studyColumn) || data.columnType(studyColumn) != ColumnType.STRING) {
            throw new IllegalArgumentException("the site's dataset has no text column '" + studyColumn + "'");
        }
        if (!data.hasColumn(responseColumn) || data.columnType(responseColumn) == ColumnType.STRING
                || data.columnType(responseColumn) == ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("the site's dataset has no numeric column '" + responseColumn + "'");
        }
        StringColumn study = data.strings(studyColumn);
        DoubleColumn response = data.doubles(responseColumn);
        BitSet used = new BitSet();
        for (int i = 0; i < data.rowCount(); i++) {
            if (!study.isNull(i) && !study.get(i).isBlank() && !response.isNull(i)) {
                used.set(i);
            }
        }
        guard.rows("the patients' rows with a study and a response", used);
        TreeMap<String, long[]> counts = new TreeMap<>();
        Map<String, BitSet> members = new HashMap<>();
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            double y = response.get(i);
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("column '" + responseColumn + "' must be 0 or 1 in every row with a "
                        + "study");
            }
            String label = study.get(i).trim();
            long[] c = counts.computeIfAbsent(label, k -> new long[2]);
            c[0]++;
            c[1] += (long) y;
            members.computeIfAbsent(label, k -> new BitSet()).set(i);
        }
        long min = guard.policy().minCellCount();
        List<String> labels = new ArrayList<>();
        List<long[]> kept = new ArrayList<>();
        long withheld = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (e.getValue()[0] < min) {
                withheld++;
            } else {
                labels.add(e.getKey());
                kept.add(e.getValue());
            }
        }
        // each released study's n is a sum over its rows: subset, complement and differencing rules per study, so
        // that studies named by another column cannot be differenced against these
        for (String label : labels) {
            guard.rows("the patients of a study", members.get(label));
        }
        int k = kept.size();
        double[] n = new double[k];
        double[] r = new double[k];
        double[] hidden = new double[k];
        long[] patients = new long[k];
        List<Long> releasedCells = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            long nh = kept.get(h)[0];
            long rh = kept.get(h)[1];
            boolean ok = (rh == 0 || rh >= min) && (nh - rh == 0 || nh - rh >= min);
            patients[h] = nh;
            n[h] = nh;
            r[h] = ok ? rh : 0;
            hidden[h] = ok ? 0 : 1;
            if (ok) {
                releasedCells.add(rh);
                releasedCells.add(nh - rh);
            }
        }
        guard.counts("the patients per study", patients);
        guard.counts("the responders and non-responders per study",
                releasedCells.stream().mapToLong(Long::longValue).toArray());
        guard.labels("the study labels", labels);
        return Aggregates.builder().putLabels("studies", labels).put("patients", n).put("responses", r)
                .put("suppressed", hidden).put("withheldStudies", withheld).build();
    }

    private static String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("argument '" + name + "' must be a column name");
        }
        return s;
    }
}
