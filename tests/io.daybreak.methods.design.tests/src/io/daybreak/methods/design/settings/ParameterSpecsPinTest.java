package io.daybreak.methods.design.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.blrm.BlrmPosteriorMethod;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.compare.CompareMethod;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.crm.CrmSkeletonMethod;
import io.daybreak.methods.design.crm.TiteCrmMethod;
import io.daybreak.methods.design.interval.BoinBoundariesMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.interval.KeyboardMethod;
import io.daybreak.methods.design.interval.TiteBoinMethod;
import io.daybreak.methods.design.pathways.PathwaysMethod;
import io.daybreak.methods.design.phase2.Bop2Method;
import io.daybreak.methods.design.phase2.PpMonitorMethod;
import io.daybreak.methods.design.phase2.ToxMonitorMethod;
import io.daybreak.methods.design.simon.SimonMethod;
import io.daybreak.methods.design.threeplusthree.ThreePlusThreeMethod;

/**
 * Users see no change when a method moves to a settings record: every design method's parameter specs (id, names,
 * order, types, units, defaults, ranges, choices, documentation) equal those pinned in
 * {@code previous-parameter-specs.txt}, which this test wrote from the code before typed settings (issue 14).
 */
class ParameterSpecsPinTest {
    private static final String PINNED = "previous-parameter-specs.txt";

    static List<Method> methods() {
        return List.of(new BoinMethod(), new TiteBoinMethod(), new KeyboardMethod(), new BoinBoundariesMethod(),
                new CrmMethod(), new TiteCrmMethod(), new CrmSkeletonMethod(), new Boin12Method(),
                new ThreePlusThreeMethod(), new BlrmMethod(), new BlrmPosteriorMethod(), new CompareMethod(),
                new PathwaysMethod(), new Bop2Method(), new SimonMethod(), new PpMonitorMethod(),
                new ToxMonitorMethod());
    }

    /** One line per parameter, in descriptor order; arrays by content, so a double[] default compares by value. */
    static String canonical(List<Method> methods) {
        StringBuilder text = new StringBuilder();
        for (Method method : methods) {
            text.append("method ").append(method.descriptor().id()).append('\n');
            for (ParameterSpec spec : method.descriptor().parameters()) {
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

    @Test
    void everyDesignMethodDeclaresTheParametersItDeclaredBeforeTypedSettings() throws IOException {
        String current = canonical(methods());
        try (InputStream pinned = ParameterSpecsPinTest.class.getResourceAsStream(PINNED)) {
            if (pinned == null) {
                Path written = Path.of(System.getProperty("java.io.tmpdir"), "daybreak-" + PINNED);
                Files.writeString(written, current, StandardCharsets.UTF_8);
                fail("no pinned specs; wrote the current ones to " + written);
            }
            List<String> expected = new String(pinned.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> actual = new ArrayList<>(current.lines().toList());
            assertEquals(String.join("\n", expected), String.join("\n", actual));
        }
    }
}
