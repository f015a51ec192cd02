package io.daybreak.console.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Human-readable renderings of the {@link Documents}. */
final class TextViews {
    private TextViews() {
    }

    @SuppressWarnings("unchecked")
    static void methods(PrintStream out, Map<String, Object> document) {
        List<List<String>> rows = new ArrayList<>();
        for (Object item : (List<Object>) document.get("methods")) {
            Map<String, Object> m = (Map<String, Object>) item;
            rows.add(List.of(str(m.get("id")), str(m.get("version")), str(m.get("category")), str(m.get("bundle"))));
        }
        if (rows.isEmpty()) {
            out.println("no methods installed");
            return;
        }
        Output.table(out, List.of("ID", "VERSION", "CATEGORY", "BUNDLE"), rows);
    }

    @SuppressWarnings("unchecked")
    static void describe(PrintStream out, Map<String, Object> d) {
        out.println(d.get("id") + " " + d.get("version") + " — " + d.get("title"));
        out.println("  category:  " + d.get("category"));
        out.println("  bundle:    " + d.get("bundle"));
        out.println("  reference: " + d.get("reference"));
        out.println();
        out.println("  " + d.get("description"));
        out.println();
        out.println("Parameters (name=value):");
        List<List<String>> rows = new ArrayList<>();
        for (Object item : (List<Object>) d.get("parameters")) {
            Map<String, Object> p = (Map<String, Object>) item;
            String dflt = Boolean.TRUE.equals(p.get("required")) ? "required"
                    : p.get("default") == null ? "optional" : "default " + Output.format(p.get("default"));
            rows.add(List.of("  " + p.get("name"), str(p.get("allowed")), dflt, str(p.get("unit")), str(p.get("doc"))));
        }
        Output.table(out, List.of("  NAME", "ALLOWED", "DEFAULT", "UNIT", "DESCRIPTION"), rows);
        tables(out, "Inputs (--in [name=]file)", (List<Object>) d.get("inputs"));
        tables(out, "Outputs (--out file writes the first, --out name=file the one named)", (List<Object>) d.get("outputs"));
    }

    @SuppressWarnings("unchecked")
    private static void tables(PrintStream out, String title, List<Object> specs) {
        if (specs.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (Object item : specs) {
            Map<String, Object> t = (Map<String, Object>) item;
            List<String> columns = new ArrayList<>();
            for (Object c : (List<Object>) t.get("columns")) {
                Map<String, Object> column = (Map<String, Object>) c;
                columns.add(column.get("name") + " " + column.get("type"));
            }
            out.println("  " + t.get("name") + (Boolean.TRUE.equals(t.get("required")) ? "" : " (optional)") + ": "
                    + String.join(", ", columns) + " — " + t.get("doc"));
        }
    }

    @SuppressWarnings("unchecked")
    static void run(PrintStream out, Map<String, Object> d) {
        out.println(d.get("method") + " " + d.get("version") + ": job " + d.get("job") + " " + d.get("status"));
        Map<String, Object> summary = (Map<String, Object>) d.get("summary");
        Map<String, Object> p = (Map<String, Object>) d.get("provenance");
        summary(out, summary, p, "  ");
        List<Object> outputs = (List<Object>) d.get("outputs");
        if (Output.hasLongList(summary)) {
            out.println("  (" + Output.LONG_LIST_NOTE + (outputs.isEmpty() ? "" : "; --out file saves the method's first "
                    + "output table") + ")");
        }
        for (Object item : outputs) {
            Map<String, Object> o = (Map<String, Object>) item;
            out.println("  output " + o.get("name") + ": " + o.get("rows") + " rows"
                    + (o.get("file") == null ? "" : " -> " + o.get("file")));
        }
        if (d.get("provenanceFile") != null) {
            out.println("  provenance -> " + d.get("provenanceFile"));
        }
        out.println("  seed " + p.get("seed") + ", " + p.get("durationMillis") + " ms, bundle sha256 "
                + str(p.get("bundleSha256")).substring(0, Math.min(12, str(p.get("bundleSha256")).length())));
    }

    /** A method's summary: a design result or a comparison in its own layout, anything else as key/value lines. */
    private static void summary(PrintStream out, Map<String, Object> summary, Map<String, Object> provenance,
            String indent) {
        if (DesignResultView.applies(summary)) {
            DesignResultView.print(out, summary, indent);
        } else if (ComparisonView.applies(summary)) {
            Object parameters = provenance == null ? null : provenance.get("parameters");
            ComparisonView.print(out, summary, parameters instanceof Map<?, ?> m ? m.get("trials") : null, indent);
        } else {
            Output.keyValues(out, summary, indent);
        }
    }

    @SuppressWarnings("unchecked")
    static void jobs(PrintStream out, Map<String, Object> document) {
        List<List<String>> rows = new ArrayList<>();
        for (Object item : (List<Object>) document.get("jobs")) {
            Map<String, Object> j = (Map<String, Object>) item;
            rows.add(List.of(str(j.get("id")), str(j.get("status")),
                    String.format("%3.0f%%", 100 * ((Number) j.get("progress")).doubleValue()), str(j.get("method")),
                    str(j.get("version")), str(j.get("message"))));
        }
        if (rows.isEmpty()) {
            out.println("no jobs");
            return;
        }
        Output.table(out, List.of("ID", "STATUS", "DONE", "METHOD", "VERSION", "MESSAGE"), rows);
    }

    @SuppressWarnings("unchecked")
    static void job(PrintStream out, Map<String, Object> d) {
        out.println("job " + d.get("id") + ": " + d.get("method") + " " + d.get("version") + " " + d.get("status")
                + String.format(" (%.0f%%)", 100 * ((Number) d.get("progress")).doubleValue())
                + (str(d.get("message")).isEmpty() ? "" : " — " + d.get("message")));
        out.println("  submitted " + d.get("submitted"));
        Map<String, Object> summary = (Map<String, Object>) d.get("summary");
        if (!summary.isEmpty()) {
            out.println("  summary:");
            summary(out, summary, (Map<String, Object>) d.get("provenance"), "    ");
            if (Output.hasLongList(summary)) {
                out.println("    (" + Output.LONG_LIST_NOTE + ")");
            }
        }
        for (Object line : (List<Object>) d.get("log")) {
            out.println("  log: " + line);
        }
        Map<String, Object> p = (Map<String, Object>) d.get("provenance");
        if (p != null) {
            out.println("  provenance:");
            Output.keyValues(out, p, "    ");
        }
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
