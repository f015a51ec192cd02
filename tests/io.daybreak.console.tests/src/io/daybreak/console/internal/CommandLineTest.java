package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.daybreak.data.InvalidInputException;

class CommandLineTest {
    @Test
    void separatesPositionalFlagsOptionsAndParameters() {
        CommandLine line = CommandLine.parse("run", new String[] {"design.x", "--json", "n=3", "--in", "a.csv",
                "label=a=b", "--in", "other=b.csv"}, Set.of("--json"), Set.of("--in", "--out"));
        assertEquals(List.of("design.x"), line.positional());
        assertTrue(line.flag("--json"));
        assertEquals(Map.of("n", "3", "label", "a=b"), line.keyValues());
        assertEquals(List.of("a.csv", "other=b.csv"), line.options("--in"));
        assertEquals(null, line.option("run", "--out"));
    }

    @Test
    void mistakesAreBadInputNamingWhatIsAllowed() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> CommandLine.parse("run", new String[] {"--jsn"}, Set.of("--json"), Set.of("--out")));
        assertTrue(unknown.getMessage().contains("unknown option --jsn; allowed: --json, --out"), unknown.getMessage());
        assertThrows(InvalidInputException.class,
                () -> CommandLine.parse("run", new String[] {"--out"}, Set.of(), Set.of("--out")));
        assertThrows(InvalidInputException.class,
                () -> CommandLine.parse("run", new String[] {"n=1", "n=2"}, Set.of(), Set.of()));
        CommandLine twice = CommandLine.parse("run", new String[] {"--out", "a", "--out", "b"}, Set.of(), Set.of("--out"));
        assertThrows(InvalidInputException.class, () -> twice.option("run", "--out"));
        CommandLine two = CommandLine.parse("describe", new String[] {"a", "b"}, Set.of(), Set.of());
        assertThrows(InvalidInputException.class, () -> two.onlyPositional("describe", "method id"));
    }

    @Test
    void numbersPrintCompactly() {
        assertEquals("0.3", Output.format(0.3));
        assertEquals("0.569562", Output.format(0.56956233880000029));
        assertEquals("1.5e-05", Output.format(1.5e-5));
        assertEquals("101", Output.format(101.0));
        assertEquals("1.37733e-10", Output.format(1.377330e-10)); // zeros of the exponent stay
        assertEquals("2e+20", Output.format(2e20));
        assertEquals("1200", Output.format(1200.0));
        assertEquals("-3.5", Output.format(-3.5));
        assertEquals("[1, 0.25]", Output.format(java.util.List.of(1.0, 0.25)));
    }

    @Test
    void progressBarRendersTheFraction() {
        assertEquals("[###############               ]  50% half", ProgressBar.render(0.5, "half"));
        assertEquals("[                              ]   0% ", ProgressBar.render(0, null));
    }
}
