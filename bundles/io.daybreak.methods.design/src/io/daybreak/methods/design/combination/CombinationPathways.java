package io.daybreak.methods.design.combination;

import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * Dose-transition pathways of a BOIN combination trial: for every sequence of DLT counts in the first cohorts, the
 * combination the next cohort gets by {@code BOIN::next.comb}'s rules ({@link NextCombination}). Where next.comb
 * chooses at random between two equally scored neighbours (e.g. after 0/3 at the start, both neighbours untried),
 * both are listed, each marked "at random", and the pathway continues from each. A stop has no next combination
 * (null). Titration is not shown: the
 * pathways assume cohorts of the cohort size from the start.
 */
final class CombinationPathways {
    private CombinationPathways() {
    }

    private record Row(long cohort, String history, long doseA, long doseB, long dlts, Long nextA, Long nextB,
            String decision) {
    }

    static Table table(CombinationRules rules, int cohorts, BufferAllocator allocator) {
        List<Row> rows = new ArrayList<>();
        CombinationRules.Tables tables = CombinationRules.tables(rules.target(), rules.pSafe(), rules.pTox(),
                rules.cutoff(), rules.offset(), Math.max(1, cohorts * rules.cohortSize()));
        int cells = rules.rows() * rules.cols();
        walk(rules, tables, cohorts, 1, rules.startRow() * rules.cols() + rules.startCol(), new int[cells],
                new int[cells], "", rows);
        return Table.builder(allocator)
                .addInt64("cohort", rows.stream().mapToLong(Row::cohort).toArray())
                .addString("history", rows.stream().map(Row::history).toArray(String[]::new))
                .addInt64("doseA", rows.stream().mapToLong(Row::doseA).toArray())
                .addInt64("doseB", rows.stream().mapToLong(Row::doseB).toArray())
                .addInt64("dlts", rows.stream().mapToLong(Row::dlts).toArray())
                .add("nextDoseA", ColumnType.INT64, rows.stream().map(Row::nextA).toList())
                .add("nextDoseB", ColumnType.INT64, rows.stream().map(Row::nextB).toList())
                .addString("decision", rows.stream().map(Row::decision).toArray(String[]::new))
                .build();
    }

    private static void walk(CombinationRules rules, CombinationRules.Tables tables, int cohorts, int cohort, int at,
            int[] n, int[] y, String history, List<Row> rows) {
        if (cohort > cohorts) {
            return;
        }
        int cols = rules.cols();
        int size = rules.cohortSize();
        for (int dlts = 0; dlts <= size; dlts++) {
            int[] n1 = n.clone();
            int[] y1 = y.clone();
            n1[at] += size;
            y1[at] += dlts;
            List<Integer> next = NextCombination.next(rules.rows(), cols, n1, y1, at, rules.target(), rules.pSafe(),
                    rules.pTox(), rules.cutoff(), rules.extraSafe(), rules.offset(), rules.earlyStop(), tables);
            String step = name(at, cols) + ":" + dlts + "/" + size;
            String here = history.isEmpty() ? step : history + ", " + step;
            if (next.isEmpty()) {
                rows.add(new Row(cohort, history, at / cols + 1, at % cols + 1, dlts, null, null, "stop, trial ends"));
                continue;
            }
            for (int to : next) {
                String decision = decision(at, to, cols) + (next.size() > 1 ? " (at random, 1 of 2)" : "");
                rows.add(new Row(cohort, history, at / cols + 1, at % cols + 1, dlts, (long) (to / cols + 1),
                        (long) (to % cols + 1), decision));
                walk(rules, tables, cohorts, cohort + 1, to, n1, y1, here, rows);
            }
        }
    }

    static String name(int cell, int cols) {
        return "A" + (cell / cols + 1) + "B" + (cell % cols + 1);
    }

    private static String decision(int from, int to, int cols) {
        if (to == from) {
            return "stay";
        }
        int da = to / cols - from / cols;
        int db = to % cols - from % cols;
        String drug = da != 0 ? "drug A" : "drug B";
        return (da + db > 0 ? "escalate " : "de-escalate ") + drug;
    }
}
