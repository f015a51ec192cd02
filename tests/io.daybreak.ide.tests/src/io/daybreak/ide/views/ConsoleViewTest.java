package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;

/** The Console view runs Gogo command lines of this runtime: the Daybreak commands and Gogo's own. */
class ConsoleViewTest extends UiTestSupport {

    @Test
    void runsDaybreakAndGogoCommandsAndNamesAFailure() throws Exception {
        ConsoleView console = new ConsoleView(shell, service(CommandProcessor.class));
        show();
        console.submit("methods");
        assertTrue(spin(Duration.ofSeconds(20), () -> !console.busy() && console.transcriptText().contains("design.boin")),
                console.transcriptText());
        assertTrue(console.transcriptText().contains("example.beta-binomial"), console.transcriptText());

        // a real run through the console's run command, with its seed
        console.submit("run example.beta-binomial events=3 patients=10 --seed 7");
        assertTrue(spin(Duration.ofSeconds(30), () -> !console.busy()), "the run did not finish");
        String afterRun = console.transcriptText();
        assertTrue(afterRun.contains("daybreak> run example.beta-binomial"), afterRun);
        // Beta(1 + 3, 1 + 7): posterior mean 4/12
        assertTrue(afterRun.contains("0.333333"), afterRun);
        assertTrue(afterRun.contains("seed 7"), afterRun);

        // Gogo's own commands work too (lb lists bundles)
        console.submit("lb");
        assertTrue(spin(Duration.ofSeconds(20), () -> !console.busy()
                && console.transcriptText().contains("io.daybreak.ide")), console.transcriptText());

        // bad input is named, and the console goes on
        console.submit("run design.boin truth=0.1,0.2,0.3 target=2");
        assertTrue(spin(Duration.ofSeconds(20), () -> !console.busy()), "the failing run did not end");
        String transcript = console.transcriptText();
        String failure = transcript.substring(transcript.lastIndexOf("daybreak> run design.boin"));
        assertTrue(failure.contains("daybreak: parameter 'target' = 2 is out of range"), failure);
        console.submit("exit");
        assertTrue(console.transcriptText().contains("File > Quit"), "exit must not end the IDE: " + console.transcriptText());
        screenshot("console");

        console.submit("clear");
        assertFalse(console.transcriptText().contains("design.boin"), console.transcriptText());
    }
}
