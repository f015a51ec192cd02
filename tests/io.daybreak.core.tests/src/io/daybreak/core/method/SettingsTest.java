package io.daybreak.core.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {
    /** A shared group: its parameters join the method's under their own names. */
    record Core(
            @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "true DLT probability per dose")
            double[] truth,
            @Setting(doc = "target DLT rate", min = 0, max = 1, minInclusive = false, maxInclusive = false,
                    defaultValue = "0.3")
            double target,
            @Setting(unit = "patients", min = 1, max = 100, defaultValue = "3")
            int cohortSize) {
    }

    enum Estimate {
        PLUGIN, POSTERIOR_MEAN
    }

    record Example(Core core,
            @Setting(defaultValue = "posterior-mean", doc = "final MTD") Estimate estimate,
            @Setting(defaultValue = "poisson") @Choice({"poisson", "fixed"}) String accrual,
            @Setting(defaultValue = "false") boolean extraSafe,
            @Setting(min = 1, optional = true, doc = "off if absent") Long earlyStop,
            @Setting(optional = true) String label,
            @Setting(min = 1, max = 1_000_000_000, defaultValue = "10000") long trials) {
    }

    record Adjusted(@Adjust(name = "cohortSize", defaultValue = "1") @Adjust(name = "target", doc = "the MTD's rate")
            Core core) {
    }

    record Checked(@Setting(min = 0) double low, @Setting(min = 0) double high) {
        Checked {
            if (high < low) {
                throw new InvalidParameterException("parameter 'high' = " + high + " must be at least 'low' = " + low);
            }
        }
    }

    /** A group that nests the core group, and a method that adjusts a parameter two levels down. */
    record Design(Core core, @Setting(defaultValue = "0.95") double cutoff) {
    }

    record DeepAdjusted(@Adjust(name = "cohortSize", defaultValue = "1") @Adjust(name = "cutoff", doc = "tighter")
            Design design) {
    }

    record Misnamed(@Adjust(name = "cohortsize", defaultValue = "1") Core core) {
    }

    record PrimitiveOptional(@Setting(optional = true) double x) {
    }

    record Unannotated(double x) {
    }

    record EmptyTextDefault(@Setting(defaultValue = "", doc = "times, none by default") String times,
            @Setting(optional = true) String label) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("test.settings", "settings")
            .settings(Example.class).build();

    @Test
    void generatesSpecsLikeTheBuildersInComponentOrderWithGroupsFlattened() {
        assertEquals(List.of("truth", "target", "cohortSize", "estimate", "accrual", "extraSafe", "earlyStop", "label",
                "trials"), DESCRIPTOR.parameterNames());
        assertEquals(ParameterSpec.real("target").greaterThan(0).lessThan(1).defaultValue(0.3).doc("target DLT rate")
                .build(), DESCRIPTOR.parameter("target"));
        assertEquals(ParameterSpec.integer("cohortSize").min(1).max(100).defaultValue(3L).unit("patients").build(),
                DESCRIPTOR.parameter("cohortSize"));
        assertEquals(ParameterSpec.integer("earlyStop").min(1).optional().doc("off if absent").build(),
                DESCRIPTOR.parameter("earlyStop"));
        assertEquals(ParameterSpec.string("label").optional().build(), DESCRIPTOR.parameter("label"));
        assertEquals(ParameterSpec.bool("extraSafe").defaultValue(false).build(), DESCRIPTOR.parameter("extraSafe"));
        ParameterSpec truth = DESCRIPTOR.parameter("truth");
        assertEquals(ParameterType.REAL_LIST, truth.type());
        assertTrue(truth.required());
        assertEquals("comma-separated reals, each in (0, 1)", truth.allowed());
    }

    @Test
    void enumsAndChoicesBecomeChoiceParameters() {
        assertEquals(ParameterSpec.choice("estimate", "plugin", "posterior-mean").defaultValue("posterior-mean")
                .doc("final MTD").build(), DESCRIPTOR.parameter("estimate"));
        assertEquals(ParameterSpec.choice("accrual", "poisson", "fixed").defaultValue("poisson").build(),
                DESCRIPTOR.parameter("accrual"));
    }

    @Test
    void bindsValuesAndDefaultsIntoTheRecord() {
        Parameters parameters = Parameters.bind(DESCRIPTOR, Map.of("truth", "0.1,0.2", "estimate", "plugin",
                "cohortSize", "6"));
        Example example = Settings.bind(Example.class, parameters);
        assertArrayEquals(new double[] {0.1, 0.2}, example.core().truth());
        assertEquals(0.3, example.core().target());
        assertEquals(6, example.core().cohortSize());
        assertEquals(Estimate.PLUGIN, example.estimate());
        assertEquals("poisson", example.accrual());
        assertEquals(10_000L, example.trials());
        assertNull(example.earlyStop());
        assertNull(example.label());
    }

    @Test
    void bindingErrorsNameTheParameterAndWhatIsAllowed() {
        Map<String, Object> values = Map.of("truth", "0.1", "target", 1.0);
        Parameters unchecked = Parameters.bind(MethodDescriptor.builder("test.loose", "loose")
                .parameter(ParameterSpec.reals("truth")).parameter(ParameterSpec.real("target")).build(), values);
        InvalidParameterException range = assertThrows(InvalidParameterException.class,
                () -> Settings.bind(Core.class, unchecked));
        assertEquals("parameter 'target' = 1.0 is out of range; allowed: real in (0, 1)", range.getMessage());
        InvalidParameterException missing = assertThrows(InvalidParameterException.class,
                () -> Settings.bind(Core.class, Parameters.bind(MethodDescriptor.builder("test.none", "none").build(),
                        Map.of())));
        assertEquals("missing required parameter 'truth' (comma-separated reals, each in (0, 1))", missing.getMessage());
        assertThrows(InvalidParameterException.class,
                () -> Parameters.bind(DESCRIPTOR, Map.of("truth", "0.1", "estimate", "mean")));
    }

    @Test
    void aConstructorCheckOfACombinationReachesTheCaller() {
        MethodDescriptor descriptor = MethodDescriptor.builder("test.checked", "checked").settings(Checked.class).build();
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Settings.bind(Checked.class, Parameters.bind(descriptor, Map.of("low", 2, "high", 1))));
        assertEquals("parameter 'high' = 1.0 must be at least 'low' = 2.0", e.getMessage());
    }

    @Test
    void thePlatformBindsTheSettingsRecordWithTheParametersBeforeAnyRun() {
        MethodDescriptor descriptor = MethodDescriptor.builder("test.checked", "checked").settings(Checked.class).build();
        assertEquals(Checked.class, descriptor.settings());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.bind(descriptor, Map.of("low", 2, "high", 1)));
        assertTrue(e.getMessage().contains("'high'"), e.getMessage());
        Parameters parameters = Parameters.bind(descriptor, Map.of("low", 1, "high", 2));
        assertSame(Settings.bind(Checked.class, parameters), Settings.bind(Checked.class, parameters));
        assertEquals(new Checked(1, 2), Settings.bind(Checked.class, parameters));
    }

    @Test
    void anEmptyTextIsADefaultWhileNoDefaultIsNone() {
        assertEquals("", Settings.spec(EmptyTextDefault.class, "times").defaultValue());
        assertNull(Settings.spec(EmptyTextDefault.class, "label").defaultValue());
        MethodDescriptor descriptor = MethodDescriptor.builder("test.empty", "empty").settings(EmptyTextDefault.class)
                .build();
        assertEquals(new EmptyTextDefault("", null), Settings.bind(EmptyTextDefault.class,
                Parameters.bind(descriptor, Map.of())));
    }

    @Test
    void aMethodHasOneSettingsRecord() {
        MethodDescriptor.Builder builder = MethodDescriptor.builder("test.twice", "twice").settings(Checked.class);
        assertThrows(IllegalStateException.class, () -> builder.settings(Example.class));
        assertNull(MethodDescriptor.builder("test.none", "none").build().settings());
    }

    @Test
    void adjustChangesAGroupParameterForOneMethod() {
        assertEquals(1L, Settings.spec(Adjusted.class, "cohortSize").defaultValue());
        assertEquals("the MTD's rate", Settings.spec(Adjusted.class, "target").doc());
        assertEquals(3L, Settings.spec(Core.class, "cohortSize").defaultValue());
    }

    @Test
    void adjustReachesAParameterOfANestedGroup() {
        assertEquals(1L, Settings.spec(DeepAdjusted.class, "cohortSize").defaultValue());
        assertEquals("tighter", Settings.spec(DeepAdjusted.class, "cutoff").doc());
        assertEquals(3L, Settings.spec(Design.class, "cohortSize").defaultValue());
    }

    @Test
    void mistakesInASettingsRecordFailWhenTheDescriptorIsGenerated() {
        assertThrows(IllegalArgumentException.class, () -> Settings.specs(Misnamed.class));
        assertThrows(IllegalArgumentException.class, () -> Settings.specs(PrimitiveOptional.class));
        assertThrows(IllegalArgumentException.class, () -> Settings.specs(Unannotated.class));
        assertThrows(IllegalArgumentException.class, () -> Settings.spec(Core.class, "cohorts"));
    }
}
