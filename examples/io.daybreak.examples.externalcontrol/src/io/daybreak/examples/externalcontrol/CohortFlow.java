package io.daybreak.examples.externalcontrol;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * From the raw table to the analysis cohort: each source's patients through the eligibility criteria and the
 * time-zero alignment, counted step by step, and the aligned follow-up of those kept. Time zero is enrolment in
 * the trial and the start of the qualifying line of therapy for a historical control; a control who died or was
 * lost before that day was never at risk in the comparison and is left out (counting their earlier follow-up
 * would create immortal time). Follow-up is measured from time zero and cut at the trial's planned follow-up.
 */
final class CohortFlow {
    static final List<String> COLUMNS = List.of("trial", "age", "ecog", "priorLines", "biomarker", "indexDay",
            "eventDay", "status", "response");

    /** One step: what it checks and the patients of each source left after it. */
    record Step(String criterion, int trial, int historical) {
    }

    final List<Step> steps = new ArrayList<>();
    /** The kept patients' columns: trial, age, ecog, priorLines, biomarker, time, status, response. */
    final double[][] kept;

    private CohortFlow(double[][] kept) {
        this.kept = kept;
    }

    static CohortFlow of(Table data, Eligibility criteria) {
        for (String column : COLUMNS) {
            if (!data.columnNames().contains(column)) {
                throw new InvalidInputException("the data has no column '" + column + "'; an external-control analysis "
                        + "needs " + String.join(", ", COLUMNS));
            }
        }
        int n = data.rowCount();
        double[][] raw = new double[COLUMNS.size()][n];
        for (int c = 0; c < COLUMNS.size(); c++) {
            for (int i = 0; i < n; i++) {
                if (data.doubles(COLUMNS.get(c)).isNull(i)) {
                    throw new InvalidInputException("row " + (i + 1) + ", column '" + COLUMNS.get(c) + "': missing "
                            + "value; the example expects complete records");
                }
                raw[c][i] = data.doubles(COLUMNS.get(c)).get(i);
            }
        }
        boolean[] in = new boolean[n];
        java.util.Arrays.fill(in, true);
        CohortFlow flow = new CohortFlow(null);
        flow.count("all patients", raw[0], in);
        flow.keep("age " + (int) criteria.minAge() + " to " + (int) criteria.maxAge(), raw[0], in,
                i -> raw[1][i] >= criteria.minAge() && raw[1][i] <= criteria.maxAge());
        flow.keep("ECOG " + (int) criteria.maxEcog() + " or better", raw[0], in, i -> raw[2][i] <= criteria.maxEcog());
        flow.keep("at most " + (int) criteria.maxPriorLines() + " prior lines", raw[0], in,
                i -> raw[3][i] <= criteria.maxPriorLines());
        flow.keep("followed beyond time zero", raw[0], in, i -> raw[6][i] > raw[5][i]);
        int m = 0;
        for (boolean k : in) {
            m += k ? 1 : 0;
        }
        double[][] kept = new double[8][m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                double time = raw[6][i] - raw[5][i];
                boolean cut = time > criteria.followUpDays();
                double[] row = {raw[0][i], raw[1][i], raw[2][i], raw[3][i], raw[4][i],
                    cut ? criteria.followUpDays() : time, cut ? 0 : raw[7][i], raw[8][i]};
                for (int c = 0; c < row.length; c++) {
                    kept[c][j] = row[c];
                }
                j++;
            }
        }
        CohortFlow result = new CohortFlow(kept);
        result.steps.addAll(flow.steps);
        return result;
    }

    private void keep(String criterion, double[] trial, boolean[] in, java.util.function.IntPredicate passes) {
        for (int i = 0; i < in.length; i++) {
            in[i] &= passes.test(i);
        }
        count(criterion, trial, in);
    }

    private void count(String criterion, double[] trial, boolean[] in) {
        int t = 0;
        int h = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                if (trial[i] == 1) {
                    t++;
                } else {
                    h++;
                }
            }
        }
        steps.add(new Step(criterion, t, h));
    }
}
