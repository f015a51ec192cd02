package io.daybreak.methods.signal.disproportionality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic reports and R's reference values written by docs/validation/r/signal/disproportionality.R into
 * resources/signal/ (plain comma-separated, no quoting needed: the script writes no commas inside values).
 */
final class ReferenceData {
    static final Path DIR = Path.of(System.getProperty("daybreak.testdata.dir", "resources"), "signal");
    static final Path REPORTS = DIR.resolve("disproportionality-reports.csv");

    private ReferenceData() {
    }

    /** Rows of a CSV file as maps from header name to text. */
    static List<Map<String, String>> read(String file) {
        try {
            List<String> lines = Files.readAllLines(DIR.resolve(file));
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference number: "Inf" and "NA"/"NaN" as R writes them. */
    static double number(Map<String, String> row, String column) {
        String text = row.get(column);
        return switch (text) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NA", "NaN", "" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** The report rows as columns: report, drug, event, stratum (sex|age_group|year). */
    static String[][] reports() {
        List<Map<String, String>> rows = read("disproportionality-reports.csv");
        String[][] out = new String[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            out[0][i] = row.get("report");
            out[1][i] = row.get("drug");
            out[2][i] = row.get("event");
            out[3][i] = row.get("sex") + "|" + row.get("age_group") + "|" + row.get("year");
        }
        return out;
    }
}
