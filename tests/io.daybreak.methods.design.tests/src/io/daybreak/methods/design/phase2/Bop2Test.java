package io.daybreak.methods.design.phase2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

/**
 * BOP2 against an independent R 4.2.2 transcription of the calibration (same grid, same tie rule; exact OC
 * by propagating {@code dbinom} look by look): {@code bop2(p0 = 0.2, p1 = 0.4, N = 40, every = 10,
 * alpha = 0.1)} with prior Beta(0.2, 0.8) gave lambda 0.86, gamma 2.15, futility boundaries 0, 2, 5 at
 * n = 10, 20, 30, go if >= 12 of 40, type I error 0.0860805569296916, power 0.92482351173587, PET0
 * 0.462110002342421, EN0 31.8983508388741, PET1 0.0124908587375806, EN1 39.7281597117171.
 */
class Bop2Test extends MethodTestSupport {

    @Test
    void calibrationMatchesTheRTranscription() {
        Bop2.Design design = new Bop2(0.2, 40, 10, 0.2, 0.8).calibrate(0.4, 0.1);
        assertEquals(0.86, design.lambda(), 1e-12);
        assertEquals(2.15, design.gamma(), 1e-12);
        assertArrayEquals(new int[] {0, 2, 5}, design.stopIfAtMost());
        assertEquals(12, design.goIfAtLeast());
        assertEquals(0.0860805569296916, design.typeIError(), 1e-13);
        assertEquals(0.92482351173587, design.power(), 1e-13);
        assertEquals(0.462110002342421, design.pet0(), 1e-13);
        assertEquals(31.8983508388741, design.en0(), 1e-11);
        assertEquals(0.0124908587375806, design.pet1(), 1e-13);
        assertEquals(39.7281597117171, design.en1(), 1e-11);
    }

    @Test
    @SuppressWarnings("unchecked")
    void methodReportsTheDesignAndRefusesBadSettings() throws Exception {
        Map<String, Object> summary = summary(new Bop2Method(), Map.of("p0", "0.2", "p1", "0.4", "maxPatients", "40",
                "interimEvery", "10"), 1);
        assertEquals(List.of(0L, 2L, 5L), summary.get("stopIfAtMost"));
        assertEquals(12L, summary.get("goIfAtLeast"));
        assertThrows(InvalidParameterException.class, () -> summary(new Bop2Method(), Map.of("p0", "0.4", "p1", "0.2",
                "maxPatients", "40", "interimEvery", "10"), 1));
        assertThrows(InvalidParameterException.class, () -> summary(new Bop2Method(), Map.of("p0", "0.2", "p1", "0.4",
                "maxPatients", "40", "interimEvery", "40"), 1));
    }
}
