package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.testing.Await;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;
import io.daybreak.data.ipc.ArrowIpc;

/**
 * The daybreak commands through a real Gogo session, typed as a user types them in the shell: what they
 * print (one JSON document with --json), what they write, and how failures are classified.
 */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CommandProcessor processor;
    private ArrowMemory memory;
    private JobService jobs;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private CommandSession session;

    @BeforeEach
    void session() {
        BundleContext context = FrameworkUtil.getBundle(CommandsTest.class).getBundleContext();
        processor = Await.service(context, CommandProcessor.class);
        memory = Await.service(context, ArrowMemory.class);
        jobs = Await.service(context, JobService.class);
        MethodRegistry registry = Await.service(context, MethodRegistry.class);
        Await.until(() -> registry.find("example.beta-binomial").isPresent() && registry.find("design.compare").isPresent(),
                "the example and design methods are registered");
        Await.service(context, DaybreakCommands.class);
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true));
        session.put("SCOPE", "daybreak:*");
    }

    @AfterEach
    void close() {
        session.close();
        jobs.jobs().forEach(job -> jobs.cancel(job.id()));
        Await.until(() -> jobs.jobs().stream().allMatch(j -> j.status().isFinal()), "all jobs have ended");
        Await.until(() -> memory.allocatedBytes() == 0, "all Arrow memory is released");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs a command line and returns its single JSON document. */
    private JsonNode json(String line) throws Exception {
        session.execute(line);
        String printed = stdout().strip();
        assertEquals(1, printed.lines().count(), "exactly one JSON document: " + printed);
        return JSON.readTree(printed);
    }

    /** Runs a command line that must fail as bad input, with --json; returns the error document. */
    private JsonNode badInput(String line) {
        Exception e = assertThrows(Exception.class, () -> session.execute(line));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(e), "bad input exits 2: " + e);
        try {
            JsonNode document = JSON.readTree(stdout().strip());
            assertEquals("bad-input", document.at("/error/kind").asText());
            assertEquals(Failures.message(e), document.at("/error/message").asText());
            return document;
        } catch (Exception parse) {
            throw new AssertionError("not one JSON document: " + stdout(), parse);
        }
    }

    @Test
    void methodsListsIdVersionCategoryAndBundle() throws Exception {
        JsonNode methods = json("methods --json").get("methods");
        JsonNode example = null;
        for (JsonNode method : methods) {
            if (method.get("id").asText().equals("example.beta-binomial")) {
                example = method;
            }
        }
        assertTrue(example != null, methods.toString());
        assertEquals("example", example.get("category").asText());
        assertEquals("io.daybreak.examples.betabinomial", example.get("bundle").asText());
        assertTrue(example.get("version").asText().startsWith("0.1.0."), example.toString());
    }

    @Test
    void describeShowsParametersWithDefaultsAndRanges() throws Exception {
        JsonNode d = json("describe example.beta-binomial --json");
        JsonNode threshold = null;
        for (JsonNode p : d.get("parameters")) {
            if (p.get("name").asText().equals("threshold")) {
                threshold = p;
            }
        }
        assertEquals("real", threshold.get("type").asText());
        assertEquals(0.3, threshold.get("default").asDouble());
        assertEquals(0.0, threshold.get("min").asDouble());
        assertEquals(1.0, threshold.get("max").asDouble());
        assertEquals("outcomes", d.at("/inputs/0/name").asText());
        assertEquals("AVAL", d.at("/inputs/0/columns/0/name").asText());
        assertEquals("posterior", d.at("/outputs/0/name").asText());
    }

    @Test
    void describeFederatedShowsTheTypedParametersOfTheFederatedMethod() throws Exception {
        JsonNode d = json("describe stats.glm --federated --json");
        assertEquals("io.daybreak.methods.stats", d.get("bundle").asText());
        JsonNode family = null;
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode p : d.get("parameters")) {
            names.add(p.get("name").asText());
            if (p.get("name").asText().equals("family")) {
                family = p;
            }
        }
        // the dataset is the analysis's, and the sites hold the rows: no siteColumn, no input tables
        assertEquals(List.of("formula", "response", "covariates", "ref", "family", "combine"), names);
        assertEquals("choice", family.get("type").asText());
        assertEquals("gaussian", family.get("default").asText());
        assertEquals("[\"gaussian\",\"binomial\",\"poisson\"]", family.get("choices").toString());
        assertEquals(0, d.get("inputs").size());
    }

    @Test
    void textOutputIsReadable() throws Exception {
        session.execute("methods");
        assertTrue(stdout().startsWith("ID"), stdout());
        assertTrue(stdout().contains("example.beta-binomial-oc"), stdout());
        out.reset();
        session.execute("run example.beta-binomial events=3 patients=10");
        assertTrue(stdout().contains("SUCCEEDED") && stdout().contains("probAboveThreshold  0.569562"), stdout());
    }

    @Test
    void runReadsCsvWritesArrowAndReportsProvenance() throws Exception {
        Path in = dir.resolve("outcomes.csv");
        Files.writeString(in, "USUBJID,AVAL\nS1,1\nS2,0\nS3,NA\nS4,1\nS5,0\nS6,0\n");
        Path outFile = dir.resolve("posterior.arrow");
        JsonNode run = json("run example.beta-binomial --in " + in + " --out " + outFile + " seed=99 level=0.9 --json");
        assertEquals("SUCCEEDED", run.get("status").asText());
        assertEquals(2, run.at("/summary/events").asInt());
        assertEquals(5, run.at("/summary/patients").asInt());
        assertEquals("99", run.at("/provenance/seed").asText());
        assertEquals(0.9, run.at("/provenance/parameters/level").asDouble());
        assertEquals(64, run.at("/provenance/inputDigests/outcomes").asText().length());
        assertEquals(outFile.toString(), run.at("/outputs/0/file").asText());
        try (org.apache.arrow.memory.BufferAllocator check = memory.newChildAllocator("check");
                Table written = ArrowIpc.read(outFile, check)) {
            assertEquals(101, written.rowCount());
            assertEquals(run.at("/provenance/outputDigests/posterior").asText(), io.daybreak.data.TableDigest.sha256(written),
                    "the file holds exactly the table the provenance describes");
        }
        Path provenance = dir.resolve("posterior.arrow.provenance.json");
        assertEquals(provenance.toString(), run.get("provenanceFile").asText());
        JsonNode record = JSON.readTree(provenance.toFile());
        assertEquals(run.get("provenance"), record, "the provenance file is the record of this run");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(outFile)));
    }

    @Test
    void runReadsAndWritesParquet() throws Exception {
        Path in = dir.resolve("cohort.parquet");
        Path outFile = dir.resolve("describe.parquet");
        try (org.apache.arrow.memory.BufferAllocator make = memory.newChildAllocator("make");
                Table cohort = Table.builder(make).addInt64("AGE", 61, 47, 70, 55).addFloat64("AVAL", 1.5, 2.5, 0.5, 3.5)
                        .build()) {
            io.daybreak.data.files.TableFiles.write(cohort, in);
        }
        JsonNode run = json("run stats.describe --in data=" + in + " --out " + outFile + " columns=AGE,AVAL --json");
        assertEquals("SUCCEEDED", run.get("status").asText());
        assertEquals(outFile.toString(), run.at("/outputs/0/file").asText());
        try (org.apache.arrow.memory.BufferAllocator check = memory.newChildAllocator("check");
                Table written = io.daybreak.data.files.TableFiles.read(outFile, check);
                Table read = io.daybreak.data.files.TableFiles.read(in, check)) {
            assertEquals(2, written.rowCount());
            assertEquals(58.25, written.doubles("mean").get(0));
            assertEquals(run.at("/provenance/outputDigests/describe").asText(),
                    io.daybreak.data.TableDigest.sha256(written), "the Parquet file holds the table the provenance describes");
            assertEquals(run.at("/provenance/inputDigests/data").asText(), io.daybreak.data.TableDigest.sha256(read));
        }
        out.reset();
        byte[] bytes = Files.readAllBytes(in);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        JsonNode error = badInput("run stats.describe --in data=" + truncated + " columns=AGE --json");
        assertTrue(error.at("/error/message").asText().startsWith(truncated + ": not a readable Parquet file"),
                error.toString());
    }

    /** {@code --out name=file} writes that output (here the second declared one) with its provenance. */
    @Test
    void outWithANameWritesThatOutput() throws Exception {
        String run = "run design.blrm-combo-posterior doseAmountsA=3,4.5,6 doseAmountsB=400,600,800 "
                + "patients=3,0,0,0,0,0,0,0,0 dlts=0,0,0,0,0,0,0,0,0 priorMeanLogAlphaA=-2.9 priorMeanLogAlphaB=-2.9 "
                + "draws=2000 pathwayDraws=2000 seed=4";
        Path outFile = dir.resolve("pathways.csv");
        JsonNode doc = json(run + " --out pathways=" + outFile + " --json");
        assertEquals("SUCCEEDED", doc.get("status").asText());
        JsonNode pathways = null;
        for (JsonNode output : doc.get("outputs")) {
            if (output.get("name").asText().equals("pathways")) {
                pathways = output;
            } else {
                assertTrue(output.get("file").isNull(), output.toString());
            }
        }
        assertEquals(outFile.toString(), pathways.get("file").asText());
        List<String> lines = Files.readAllLines(outFile);
        assertTrue(lines.get(0).startsWith("cohort,history,doseA,doseB,dlts,nextDoseA,nextDoseB"), lines.get(0));
        assertEquals(pathways.get("rows").asInt() + 1, lines.size());
        assertTrue(Files.exists(dir.resolve("pathways.csv.provenance.json")));
        out.reset();
        Path never = dir.resolve("never.csv");
        JsonNode error = badInput(run + " --out pathway=" + never + " --json");
        assertTrue(error.at("/error/message").asText().contains("has no output 'pathway'; outputs: posterior, pathways"),
                error.toString());
        assertFalse(Files.exists(never));
    }

    @Test
    void badParametersAreBadInputAndWriteNothing() {
        Path outFile = dir.resolve("never.csv");
        JsonNode error = badInput("run example.beta-binomial events=3 patients=10 threshold=1.5 --out " + outFile
                + " --json");
        assertTrue(error.at("/error/message").asText().contains("'threshold' = 1.5 is out of range; allowed: real in [0, 1]"),
                error.toString());
        assertFalse(Files.exists(outFile));
        out.reset();
        badInput("run example.beta-binomial events=12 patients=10 --json");
        out.reset();
        badInput("run example.beta-binomial evnts=3 --json");
        out.reset();
        badInput("run no.such.method --json");
        out.reset();
        badInput("run example.beta-binomial events=3 patients=10 --out " + dir.resolve("x.xlsx") + " --json");
        assertFalse(Files.exists(dir.resolve("x.xlsx")));
        out.reset();
        JsonNode option = badInput("methods --verbose --json");
        assertTrue(option.at("/error/message").asText().contains("allowed: --json"), option.toString());
    }

    @Test
    void malformedInputFileIsNamedWithLineAndColumn() throws Exception {
        Path in = dir.resolve("broken.csv");
        Files.writeString(in, "USUBJID,AVAL\nS1,1\nS2,yes\n");
        Path outFile = dir.resolve("out.csv");
        JsonNode error = badInput("run example.beta-binomial --in " + in + " --out " + outFile + " --json");
        // AVAL is inferred as a string column (because of 'yes'); the method's input check names the column
        assertTrue(error.at("/error/message").asText().contains("AVAL"), error.toString());
        out.reset();
        Files.writeString(in, "USUBJID,AVAL\nS1,1\nS2,\"0\n");
        JsonNode malformed = badInput("run example.beta-binomial --in " + in + " --json");
        assertTrue(malformed.at("/error/message").asText().startsWith(in + ":"), malformed.toString());
        out.reset();
        badInput("run example.beta-binomial --in " + dir.resolve("missing.csv") + " --json");
        assertFalse(Files.exists(outFile));
    }

    @Test
    void backgroundRunsAreListedAndCancellable() throws Exception {
        JsonNode submitted = json("run example.beta-binomial-oc trueRate=0.3 patients=30 trials=1000000000 --background --json");
        long id = submitted.get("job").asLong();
        out.reset();
        JsonNode listed = json("jobs --json");
        assertEquals(id, listed.at("/jobs/0/id").asLong());
        out.reset();
        JsonNode detail = json("jobs " + id + " --json");
        assertEquals("example.beta-binomial-oc", detail.get("method").asText());
        out.reset();
        JsonNode cancel = json("cancel " + id + " --json");
        assertTrue(cancel.get("cancelRequested").asBoolean(), cancel.toString());
        Await.until(() -> jobs.job(id).orElseThrow().status().isFinal(), "the cancelled job ends");
        assertEquals("CANCELLED", jobs.job(id).orElseThrow().status().name());
        out.reset();
        JsonNode ended = json("jobs " + id + " --json");
        assertEquals("CANCELLED", ended.at("/provenance/status").asText(), "a cancelled job has provenance too");
        out.reset();
        badInput("cancel 99999 --json");
        out.reset();
        badInput("jobs x --json");
    }

    @Test
    void compareWritesTheTableAndAnHtmlReport() throws Exception {
        Path table = dir.resolve("comparison.csv");
        Path report = dir.resolve("comparison.html");
        JsonNode run = json("compare target=0.3 scenarios=0.05,0.15,0.3,0.5/0.1,0.25,0.45,0.6 designs=3plus3,boin trials=2000 "
                + "seed=3 --out " + table + " --report " + report + " --json");
        assertEquals("SUCCEEDED", run.get("status").asText());
        assertEquals(report.toString(), run.get("reportFile").asText());
        assertEquals(2 * 2 * 4 + 1, Files.readAllLines(table).size(), "header + 2 scenarios x 2 designs x 4 doses");
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg") && html.contains("boin")
                && html.contains("3plus3") && html.contains("Scenario 2"), html.substring(0, 200));
        out.reset();
        JsonNode bad = badInput("compare target=0.3 scenarios=0.1,1.2 --json");
        assertTrue(bad.at("/error/message").asText().contains("scenario 1, dose 2"), bad.toString());
        out.reset();
        badInput("compare target=0.3 scenarios=0.1,0.2 --report " + dir.resolve("r.txt") + " --json");
        out.reset();
        badInput("compare target=0.3 scenarios=0.1,0.2 designs=boin,efftox --json");
    }
}
