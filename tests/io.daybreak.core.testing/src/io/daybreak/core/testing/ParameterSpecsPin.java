package io.daybreak.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;

/**
 * Users see no change when a method moves to a settings record: its parameter specs (id, names, order, types,
 * units, defaults, ranges, choices, documentation) must equal those a test pinned from the code before the move.
 * The pinned text is a resource next to the test class; when it is missing, the current specs are written to the
 * temporary directory and the test fails, so a pin is only ever made on purpose.
 */
public final class ParameterSpecsPin {
    private ParameterSpecsPin() {
    }

    /** One line per parameter, in descriptor order; arrays by content, so a double[] default compares by value. */
    public static String canonical(List<MethodDescriptor> descriptors) {
        StringBuilder text = new StringBuilder();
        for (MethodDescriptor descriptor : descriptors) {
            text.append("method ").append(descriptor.id()).append('\n');
            for (ParameterSpec spec : descriptor.parameters()) {
                Object value = spec.defaultValue();
                String shown = value instanceof double[] list ? Arrays.toString(list)
                        : value == null ? "-" : value.getClass().getSimpleName() + ":" + value;
                text.append("  ").append(String.join(" | ", spec.name(), spec.type().name(), spec.unit(), shown,
                        "required=" + spec.required(), "min=" + spec.min(), "minInclusive=" + spec.minInclusive(),
                        "max=" + spec.max(), "maxInclusive=" + spec.maxInclusive(), "choices=" + spec.choices(),
                        "doc=" + spec.doc())).append('\n');
            }
        }
        return text.toString();
    }

    /** Asserts the descriptors' specs equal the resource {@code pinned} next to {@code anchor}. */
    public static void assertUnchanged(Class<?> anchor, String pinned, List<MethodDescriptor> descriptors) {
        String current = canonical(descriptors);
        try (InputStream stream = anchor.getResourceAsStream(pinned)) {
            if (stream == null) {
                Path written = Path.of(System.getProperty("java.io.tmpdir"),
                        "daybreak-" + anchor.getPackageName() + "-" + pinned);
                Files.writeString(written, current, StandardCharsets.UTF_8);
                fail("no pinned specs " + pinned + "; wrote the current ones to " + written);
            }
            String expected = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(String.join("\n", expected.lines().toList()), String.join("\n", current.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
