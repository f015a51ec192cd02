package io.daybreak.methods.twin.settings;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.methods.twin.ProcovaMethod;
import io.daybreak.methods.twin.TgiSimulateMethod;

/**
 * The twin methods' checks across parameters live in their settings records: binding the parameters refuses a bad
 * combination before any input is read or any patient simulated.
 */
class CombinationsRefusedBeforeRunTest {
    @Test
    void planningIsForAContinuousOutcome() {
        String message = refused(new ProcovaMethod().descriptor(), Map.of("delta", "2", "outcomeType", "binary"));
        assertTrue(message.contains("'delta'") && message.contains("binary"), message);
    }

    @Test
    void followUpReachesTheFirstAssessment() {
        MethodDescriptor simulate = new TgiSimulateMethod().descriptor();
        String message = refused(simulate, Map.of("followUp", "30", "interval", "42"));
        assertTrue(message.contains("followUp") && message.contains("interval"), message);
        // without scheduled assessments there is nothing to reach
        Parameters.bind(simulate, Map.of("followUp", "30", "interval", "42", "visits", "0"));
    }

    private static String refused(MethodDescriptor descriptor, Map<String, String> raw) {
        return assertThrows(InvalidParameterException.class, () -> Parameters.bind(descriptor, raw)).getMessage();
    }
}
