package io.daybreak.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;

class SettingsMethodTest {
    record Rate(@Setting(min = 0) long events, @Setting(min = 1) long patients,
            @Setting(defaultValue = "0.95") double level) {
        Rate {
            if (events > patients) {
                throw new InvalidParameterException("parameter 'events' exceeds 'patients'");
            }
        }
    }

    /** Remembers what run got (a real method keeps no state; this one serves one test). */
    static final class RateMethod extends SettingsMethod<Rate> {
        Rate seen;
        Map<String, Table> seenInputs;

        RateMethod() {
            super(Rate.class, MethodDescriptor.builder("test.rate", "rate").category("example"));
        }

        @Override
        protected MethodResult run(Map<String, Table> inputs, Rate settings, MethodContext context) {
            seen = settings;
            seenInputs = inputs;
            return MethodResult.builder().summary("events", settings.events()).build();
        }
    }

    @Test
    void theDescriptorIsTheGivenOneWithTheRecordsParameters() {
        MethodDescriptor descriptor = new RateMethod().descriptor();
        assertEquals("test.rate", descriptor.id());
        assertEquals("example", descriptor.category());
        assertEquals(List.of("events", "patients", "level"), descriptor.parameterNames());
        assertEquals(Settings.specs(Rate.class), descriptor.parameters());
        assertSame(Rate.class, descriptor.settings());
    }

    @Test
    void runGetsTheRecordThePlatformBoundAndTheInputs() {
        RateMethod method = new RateMethod();
        Parameters parameters = Parameters.bind(method.descriptor(), Map.of("events", "3", "patients", "10"));
        Map<String, Table> inputs = Map.of();
        MethodResult result = method.apply(inputs, parameters, null);
        assertEquals(new Rate(3, 10, 0.95), method.seen);
        assertSame(parameters.settings(Rate.class), method.seen);
        assertSame(inputs, method.seenInputs);
        assertEquals(3L, result.summary().get("events"));
    }

    @Test
    void aCombinationTheRecordRefusesFailsWhenParametersBindBeforeRun() {
        RateMethod method = new RateMethod();
        assertThrows(InvalidParameterException.class,
                () -> Parameters.bind(method.descriptor(), Map.of("events", "11", "patients", "10")));
        assertNull(method.seen);
    }
}
