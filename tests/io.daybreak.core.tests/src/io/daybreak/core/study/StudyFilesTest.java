package io.daybreak.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.InvalidInputException;

/** Study files: written and read back unchanged, turned into the console command they stand for, bad ones named. */
class StudyFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLocalStudyRoundTripsAndStandsForARunCommand() throws Exception {
        Study study = new Study("design.boin", Map.of("truth", "0.05,0.12,0.25", "target", "0.3"), 2026L,
                Map.of("data", "patients.csv"), null);
        Path file = dir.resolve("boin.json");
        StudyFiles.write(study, file);
        Study read = StudyFiles.read(file);
        assertEquals(study, read);
        List<String> line = read.commandLine(dir);
        assertEquals("run", line.get(0));
        assertEquals("design.boin", line.get(1));
        assertTrue(line.containsAll(List.of("--seed", "2026", "--in", "data=" + dir.resolve("patients.csv"))), line.toString());
    }

    @Test
    void aFederatedStudyStandsForAFedCommandWithPathsBesideTheFile() throws Exception {
        Study study = new Study("stats.cox", Map.of("covariates", "age,sex"), null, Map.of(), new Study.Federation(
                Map.of("a", "localhost:4711"), "lung", "pki/alice.pem", "pki/alice.key", "pki/ca.pem", true));
        Path file = dir.resolve("cox.json");
        StudyFiles.write(study, file);
        List<String> line = StudyFiles.read(file).commandLine(dir);
        assertEquals(List.of("fed", "stats.cox", "--nodes", "a=localhost:4711", "--cert", dir.resolve("pki/alice.pem")
                .toString(), "--key", dir.resolve("pki/alice.key").toString(), "--trust", dir.resolve("pki/ca.pem")
                .toString(), "--allow-partial", "dataset=lung", "covariates=age,sex"), line);
    }

    @Test
    void aStudyPinsDatasetVersionsAndTheFedCommandCarriesThem() throws Exception {
        String digest = "0123456789abcdef".repeat(4);
        Study study = new Study("stats.glm", Map.of("response", "age"), null, Map.of(), new Study.Federation(
                Map.of("a", "localhost:4711"), "lung", "alice.pem", "alice.key", "ca.pem", false, Map.of("a", digest)));
        Path file = dir.resolve("pinned.json");
        StudyFiles.write(study, file);
        assertTrue(Files.readString(file).contains("\"datasetDigests\"") && Files.readString(file).contains(digest),
                Files.readString(file));
        Study read = StudyFiles.read(file);
        assertEquals(Map.of("a", digest), read.federation().datasetDigests());
        List<String> line = read.commandLine(dir);
        int pin = line.indexOf("--pin");
        assertTrue(pin > 0, line.toString());
        assertEquals("a=" + digest, line.get(pin + 1));
        // a study without pins is written as before
        StudyFiles.write(new Study("stats.glm", Map.of(), null, Map.of(), new Study.Federation(Map.of("a", "h:1"),
                "lung", "c", "k", "t", false)), file);
        assertTrue(!Files.readString(file).contains("datasetDigests"), Files.readString(file));
    }

    @Test
    void badStudyFilesAreNamedWithLineAndColumn() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"daybreakStudy\": 1,\n  \"method\": \"design.boin\",,\n}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StudyFiles.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ":3:"), e.getMessage());
        Path noMethod = dir.resolve("nomethod.json");
        Files.writeString(noMethod, "{\"daybreakStudy\": 1, \"parameters\": {}}");
        assertTrue(assertThrows(InvalidInputException.class, () -> StudyFiles.read(noMethod)).getMessage()
                .contains("field 'method' is required"));
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"method\": \"design.boin\"}");
        assertTrue(assertThrows(InvalidInputException.class, () -> StudyFiles.read(other)).getMessage()
                .contains("not a Daybreak study file"));
    }
}
