package io.daybreak.methods.design.decisiontable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.daybreak.core.method.InvalidParameterException;

/**
 * A dose-finding decision table as a protocol shows it: for n patients treated at the current dose (rows) and y DLTs
 * among them (columns, 0 ≤ y ≤ n), escalate (E), stay (S), de-escalate (D) or de-escalate and eliminate the dose
 * (DU). Rows are kept for n = 1 … maxN; a row may be absent (null) when the design never reaches that n, but every
 * multiple of the cohort size up to maxN must be present (the trial reaches all of them).
 *
 * @param design     where the table comes from: a method id such as {@code design.boin}, or a user's name
 * @param parameters the settings that produced it (for the record; not used to decide)
 * @param target     the target DLT rate (NaN when the table names none)
 * @param cohortSize patients per cohort
 * @param maxN       the largest n the table covers
 * @param cells      cells[n][y] for n = 0 … maxN (cells[0] and absent rows are null)
 */
public record DecisionTable(String design, Map<String, Object> parameters, double target, int cohortSize, int maxN,
        Decision[][] cells) {

    public DecisionTable {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (cohortSize < 1) {
            throw new InvalidParameterException("decision table: cohortSize = " + cohortSize + "; allowed: 1 or more");
        }
        if (maxN < cohortSize) {
            throw new InvalidParameterException("decision table: maxN = " + maxN + " is below the cohort size "
                    + cohortSize);
        }
        if (cells.length != maxN + 1) {
            throw new IllegalArgumentException("need rows 0 … maxN");
        }
        for (int n = cohortSize; n <= maxN; n += cohortSize) {
            if (cells[n] == null) {
                throw new InvalidParameterException("decision table: no row for n = " + n + "; every multiple of the "
                        + "cohort size " + cohortSize + " up to maxN = " + maxN + " must have a row");
            }
        }
        for (int n = 1; n <= maxN; n++) {
            if (cells[n] != null) {
                if (cells[n].length != n + 1) {
                    throw new IllegalArgumentException("row n = " + n + " needs n + 1 cells");
                }
                for (int y = 0; y <= n; y++) {
                    if (cells[n][y] == null) {
                        throw new InvalidParameterException("decision table: row n = " + n + ", column y = " + y
                                + " is empty; allowed: E, S, D, DU for every y from 0 to n");
                    }
                }
            }
        }
    }

    /** The decision after y DLTs in n patients (n must have a row, 0 ≤ y ≤ n). */
    public Decision at(int n, int y) {
        return cells[n][y];
    }

    /** Whether the table has a row for n. */
    public boolean hasRow(int n) {
        return n >= 1 && n <= maxN && cells[n] != null;
    }
}
