package io.daybreak.methods.signal.ae;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.NumberText;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.ae.AeCounts;

/**
 * Counting ADaM tables into {@link AeCounts}: the patients at risk and their summed exposure per arm, and per
 * (body system, term, arm) the patients with at least one qualifying record (a patient counts once per term).
 *
 * <p>Two layouts are read. With an ADSL table, ADSL gives the patients, their arm and duration (one row per
 * patient) and ADAE the events; an ADAE patient missing from ADSL, or in another arm there, is an error. Without
 * ADSL, the one table is ADSL joined to ADAE (one row per adverse-event record, and one row with an empty term for a
 * patient without events), which is also the form a site node holds: the per-patient columns (arm, duration) must
 * then be the same on all of a patient's rows.
 */
public final class AeTables {
    private AeTables() {
    }

    /** The counts; {@code adsl} may be null (joined layout). Errors name the parameter, column, row and value. */
    public static AeCounts count(Table adae, Table adsl, AeColumns c) {
        Map<String, Patient> patients = new LinkedHashMap<>();
        if (adsl != null) {
            readPatients(adsl, "adsl", c, patients, false);
        } else {
            readPatients(adae, "adae", c, patients, true);
        }
        TreeMap<String, Integer> armIndex = new TreeMap<>();
        for (Patient p : patients.values()) {
            armIndex.putIfAbsent(p.arm, 0);
        }
        List<String> arms = new ArrayList<>(armIndex.keySet());
        for (int a = 0; a < arms.size(); a++) {
            armIndex.put(arms.get(a), a);
        }
        long[] atRisk = new long[arms.size()];
        double[] exposure = new double[arms.size()];
        for (Patient p : patients.values()) {
            atRisk[armIndex.get(p.arm)]++;
            exposure[armIndex.get(p.arm)] += p.duration;
        }
        Map<AeCounts.Event, Set<String>[]> withEvent = new TreeMap<>(
                (x, y) -> x.bodySystem().equals(y.bodySystem()) ? x.term().compareTo(y.term())
                        : x.bodySystem().compareTo(y.bodySystem()));
        String subjectCol = c.subjectColumn();
        require(adae, "adae", "subjectColumn", subjectCol);
        require(adae, "adae", "bodySystemColumn", c.bodySystemColumn());
        require(adae, "adae", "termColumn", c.termColumn());
        DoubleColumn grade = null;
        if (c.minGrade() != null) {
            require(adae, "adae", "gradeColumn", c.gradeColumn());
            if (!adae.columnType(c.gradeColumn()).isNumeric()) {
                throw new InvalidParameterException("parameter 'gradeColumn': column '" + c.gradeColumn()
                        + "' of input 'adae' must be numeric (toxicity grades 1-5)");
            }
            grade = adae.doubles(c.gradeColumn());
        }
        boolean checkArm = adsl != null && adae.hasColumn(c.armColumn());
        for (int i = 0; i < adae.rowCount(); i++) {
            String subject = text(adae, subjectCol, i);
            String term = text(adae, c.termColumn(), i);
            if (term == null || term.isBlank()) {
                if (adsl != null) {
                    throw new InvalidParameterException("input 'adae' row " + (i + 1) + ": column '" + c.termColumn()
                            + "' is empty; with an 'adsl' input every ADAE row must be an adverse event");
                }
                continue;
            }
            String body = text(adae, c.bodySystemColumn(), i);
            if (body == null || body.isBlank()) {
                throw new InvalidParameterException("input 'adae' row " + (i + 1) + ": column '"
                        + c.bodySystemColumn() + "' is empty for term '" + term + "'");
            }
            if (subject == null) {
                throw new InvalidParameterException("input 'adae' row " + (i + 1) + ": column '" + subjectCol
                        + "' is empty");
            }
            Patient p = patients.get(subject);
            if (p == null) {
                throw new InvalidParameterException("input 'adae' row " + (i + 1) + ": patient '" + subject
                        + "' is not in input 'adsl'");
            }
            if (checkArm) {
                String arm = text(adae, c.armColumn(), i);
                if (arm != null && !arm.equals(p.arm)) {
                    throw new InvalidParameterException("input 'adae' row " + (i + 1) + ": patient '" + subject
                            + "' has arm '" + arm + "' but '" + p.arm + "' in input 'adsl' (column '"
                            + c.armColumn() + "')");
                }
            }
            if (grade != null && (grade.isNull(i) || grade.get(i) < c.minGrade())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Set<String>[] sets = withEvent.computeIfAbsent(new AeCounts.Event(body, term), k -> {
                Set<String>[] s = new Set[arms.size()];
                for (int a = 0; a < s.length; a++) {
                    s[a] = new HashSet<>();
                }
                return s;
            });
            sets[armIndex.get(p.arm)].add(subject);
        }
        List<AeCounts.Event> events = new ArrayList<>(withEvent.keySet());
        long[][] counts = new long[events.size()][arms.size()];
        for (int e = 0; e < events.size(); e++) {
            Set<String>[] sets = withEvent.get(events.get(e));
            for (int a = 0; a < arms.size(); a++) {
                counts[e][a] = sets[a].size();
            }
        }
        return new AeCounts(arms, atRisk, exposure, events, counts);
    }

    private static final class Patient {
        final String arm;
        final double duration;

        Patient(String arm, double duration) {
            this.arm = arm;
            this.duration = duration;
        }
    }

    private static void readPatients(Table t, String input, AeColumns c, Map<String, Patient> patients,
            boolean joined) {
        require(t, input, "subjectColumn", c.subjectColumn());
        require(t, input, "armColumn", c.armColumn());
        require(t, input, "durationColumn", c.durationColumn());
        if (!t.columnType(c.durationColumn()).isNumeric()) {
            throw new InvalidParameterException("parameter 'durationColumn': column '" + c.durationColumn()
                    + "' of input '" + input + "' must be numeric (days)");
        }
        DoubleColumn duration = t.doubles(c.durationColumn());
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String subject = text(t, c.subjectColumn(), i);
            if (subject == null || subject.isBlank()) {
                throw new InvalidParameterException("input '" + input + "' row " + (i + 1) + ": column '"
                        + c.subjectColumn() + "' is empty");
            }
            String arm = text(t, c.armColumn(), i);
            if (arm == null || arm.isBlank()) {
                throw new InvalidParameterException("input '" + input + "' row " + (i + 1) + ": column '"
                        + c.armColumn() + "' is empty for patient '" + subject + "'");
            }
            if (duration.isNull(i) || !(duration.get(i) >= 0) || Double.isInfinite(duration.get(i))) {
                throw new InvalidParameterException("input '" + input + "' row " + (i + 1) + ": column '"
                        + c.durationColumn() + "' = " + (duration.isNull(i) ? "(empty)" : duration.get(i))
                        + " for patient '" + subject + "'; allowed: a duration in days >= 0");
            }
            Patient seen = patients.get(subject);
            if (seen == null) {
                patients.put(subject, new Patient(arm, duration.get(i)));
                firstRow.put(subject, i);
            } else if (!joined) {
                throw new InvalidParameterException("input '" + input + "' row " + (i + 1) + ": patient '" + subject
                        + "' appears again (first at row " + (firstRow.get(subject) + 1) + "); ADSL has one row per "
                        + "patient");
            } else if (!seen.arm.equals(arm) || seen.duration != duration.get(i)) {
                throw new InvalidParameterException("input '" + input + "' row " + (i + 1) + ": patient '" + subject
                        + "' has arm '" + arm + "' and duration " + duration.get(i) + " but arm '" + seen.arm
                        + "' and duration " + seen.duration + " at row " + (firstRow.get(subject) + 1)
                        + "; per-patient columns must agree on all of a patient's rows");
            }
        }
        if (patients.isEmpty()) {
            throw new InvalidParameterException("input '" + input + "' has no patients");
        }
    }

    private static void require(Table t, String input, String parameter, String column) {
        if (!t.hasColumn(column)) {
            throw new InvalidParameterException("parameter '" + parameter + "': input '" + input + "' has no column '"
                    + column + "'; columns: " + String.join(", ", t.columnNames()));
        }
    }

    /** A cell as text (numbers as R prints them), or null when missing. */
    static String text(Table t, String column, int row) {
        ColumnType type = t.columnType(column);
        if (type == ColumnType.STRING) {
            return t.strings(column).isNull(row) ? null : t.strings(column).get(row);
        }
        if (type != null && type.isNumeric()) {
            DoubleColumn v = t.doubles(column);
            return v.isNull(row) ? null : NumberText.text(v.get(row));
        }
        throw new InvalidParameterException("column '" + column + "' must be text or numeric");
    }
}
