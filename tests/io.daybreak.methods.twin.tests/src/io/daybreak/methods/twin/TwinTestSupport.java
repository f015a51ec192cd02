package io.daybreak.methods.twin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.daybreak.core.method.Method;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * Runs the twin methods on the CSV files twin.R wrote (tests/io.daybreak.methods.twin.tests/resources) and reads
 * the reference values R printed ({@code docs/validation/r/twin/twin.out}, produced by
 * {@code cd docs/validation/r/twin && Rscript twin.R > twin.out}; R 4.2.2, survival 3.5.3, glmnet 4.1-6).
 */
abstract class TwinTestSupport extends MethodTestSupport {
    static Path resources() {
        return Path.of(System.getProperty("daybreak.testdata.dir", "resources"));
    }

    Table csv(String name) throws IOException {
        return CsvReader.read(resources().resolve(name), allocator);
    }

    /**
     * twin.out's labelled lines: label → the text after ": ". Values are read by {@link #value} and
     * {@link #values}; every value used by a test is also named in the test, so a changed file fails it.
     */
    static Map<String, String> rOutput() throws IOException {
        return rOutput("twin.out");
    }

    /** The labelled lines of another output file in docs/validation/r/twin. */
    static Map<String, String> rOutput(String name) throws IOException {
        Path file = resources().resolve("../../../docs/validation/r/twin").resolve(name).normalize();
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                lines.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        return lines;
    }

    /** The numbers of a twin.out line, names dropped ("d=0.1 g=0" → {0.1, 0}). */
    static double[] values(Map<String, String> r, String label) {
        String text = r.get(label);
        if (text == null) {
            throw new AssertionError("twin.out has no line " + label);
        }
        String[] parts = text.split(" ");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            values[i] = Double.parseDouble(part.substring(part.indexOf('=') + 1));
        }
        return values;
    }

    static double value(Map<String, String> r, String label) {
        return values(r, label)[0];
    }

    /** Runs a method; the outputs are given to {@code outputs} before they are closed; returns the summary. */
    Map<String, Object> run(Method method, Map<String, Table> inputs, Map<String, ?> raw,
            Consumer<Map<String, Table>> outputs) throws Exception {
        return run(method, inputs, raw, 1, outputs);
    }

    /** Relative tolerance, or an absolute one for a reference of exactly 0 (a parameter on its bound). */
    static void assertClose(double expected, double actual, double relative, double absolute, String what) {
        if (expected == 0) {
            if (!(Math.abs(actual) <= absolute)) {
                throw new AssertionError(what + ": expected 0 but was " + actual);
            }
        } else {
            assertRelative(expected, actual, relative, what);
        }
    }
}
