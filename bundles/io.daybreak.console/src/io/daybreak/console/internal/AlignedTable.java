package io.daybreak.console.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * A text table of numbers: the first column and the given text columns left-aligned, the other columns right-aligned,
 * as R prints a data frame. A null header prints no header line.
 */
final class AlignedTable {
    private AlignedTable() {
    }

    static void print(PrintStream out, String indent, List<String> header, List<List<String>> rows) {
        print(out, indent, header, rows, Set.of());
    }

    static void print(PrintStream out, String indent, List<String> header, List<List<String>> rows,
            Set<Integer> textColumns) {
        int columns = rows.isEmpty() ? header.size() : rows.get(0).size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = header == null ? 0 : header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        if (header != null) {
            line(out, indent, header, widths, textColumns);
        }
        for (List<String> row : rows) {
            line(out, indent, row, widths, textColumns);
        }
    }

    private static void line(PrintStream out, String indent, List<String> cells, int[] widths, Set<Integer> textColumns) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(Math.max(0, widths[c] - cell.length()));
            line.append(c == 0 ? "" : "  ").append(c == 0 || textColumns.contains(c) ? cell + padding : padding + cell);
        }
        out.println(line.toString().stripTrailing());
    }
}
