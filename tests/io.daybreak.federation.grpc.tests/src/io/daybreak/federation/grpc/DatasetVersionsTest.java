package io.daybreak.federation.grpc;

import static io.daybreak.core.testing.InstalledMethods.federated;
import static io.daybreak.core.testing.InstalledMethods.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.testing.Await;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.ContentDigest;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.data.files.TableFiles;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.site.DatasetInfo;
import io.daybreak.federation.site.DatasetVersions;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.stats.federated.GlmReleases;
import io.daybreak.stats.models.glm.GlmFamily;

/**
 * Dataset versions over real gRPC site nodes started from data directories as {@code daybreak node} starts them: each
 * served dataset has a keyed content digest that fed-datasets shows, that stays the same across restarts and file
 * formats and changes with the data; the certificate records each site's version; a study that pins versions is
 * refused before any step, naming the site whose data changed; and a site refuses a pinned analysis on its own.
 */
class DatasetVersionsTest extends MethodTestSupport {
    private static final List<String> COLUMNS = List.of("time", "status", "age", "sex", "wt.loss");

    @TempDir
    Path dir;

    private final SiteNodeRunner[] runners = new SiteNodeRunner[2];
    private final List<RemoteSites.Endpoint> endpoints = new ArrayList<>();
    private TlsFiles researcher;

    @BeforeEach
    void startNodes() throws Exception {
        StudyPki.Credential ca = StudyPki.createAuthority("lung", Duration.ofDays(1));
        ca.write(dir, "ca");
        StudyPki.issue(ca, "alice", List.of(), Duration.ofDays(1)).write(dir, "alice");
        researcher = new TlsFiles(dir.resolve("alice.pem"), dir.resolve("alice.key"), dir.resolve("ca.pem"));
        try (Table lung = CsvReader.read(Path.of(System.getProperty("daybreak.testdata.dir"), "survival_lung_sites.csv"),
                allocator)) {
            for (int s = 0; s < 2; s++) {
                StudyPki.issue(ca, "site" + s, List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, "site" + s);
                Files.createDirectories(dir.resolve("data" + s));
                // site 0 keeps CSV, site 1 Parquet: versions do not depend on the format
                try (Table rows = siteRows(lung, s, -1)) {
                    TableFiles.write(rows, dir.resolve("data" + s).resolve(s == 0 ? "lung.csv" : "lung.parquet"));
                }
            }
        }
        for (int s = 0; s < 2; s++) {
            runners[s] = start(s, 0);
            endpoints.add(new RemoteSites.Endpoint("site" + s, "127.0.0.1", runners[s].port()));
        }
    }

    @AfterEach
    void stopNodes() throws IOException {
        for (SiteNodeRunner runner : runners) {
            if (runner != null) {
                runner.close();
            }
        }
    }

    /** Site s's rows of the lung data; with {@code changed} ≥ 0, that row's age is one year more. */
    private Table siteRows(Table lung, int s, int changed) {
        DoubleColumn site = lung.doubles("site");
        var builder = Table.builder(allocator);
        for (String name : COLUMNS) {
            DoubleColumn column = lung.doubles(name);
            List<Object> values = new ArrayList<>();
            for (int row = 0; row < lung.rowCount(); row++) {
                if (site.get(row) == s) {
                    double value = column.get(row);
                    values.add(column.isNull(row) ? null : name.equals("age") && values.size() == changed ? value + 1
                            : value);
                }
            }
            builder.add(name, ColumnType.FLOAT64, values);
        }
        return builder.build();
    }

    private SiteNodeRunner start(int s, int port) throws IOException {
        SiteNodeRunner.Config config = new SiteNodeRunner.Config("site" + s, dir.resolve("data" + s), "127.0.0.1", port,
                new TlsFiles(dir.resolve("site" + s + ".pem"), dir.resolve("site" + s + ".key"), dir.resolve("ca.pem")),
                null, dir.resolve("site" + s + ".audit"), Set.of(GlmReleases.METHOD), Set.of("alice"), false);
        return SiteNodeRunner.start(config, List.of(step("stats.glm")), List.of(federated("stats.glm")), allocator);
    }

    /** Stops site s, lets {@code change} alter its data directory or key, and starts it again on the same port. */
    private void restart(int s, ThrowingAction change) throws Exception {
        runners[s].close();
        runners[s] = null;
        change.run();
        runners[s] = start(s, endpoints.get(s).port());
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }

    /** Each site's digest of dataset 'lung', as fed-datasets lists it. */
    private Map<String, String> listedDigests() throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (RemoteSites sites = new RemoteSites(endpoints, "", researcher, 10_000, allocator)) {
            sites.datasets().forEach((site, datasets) -> {
                DatasetInfo lung = datasets.stream().filter(d -> d.name().equals("lung")).findFirst().orElseThrow();
                digests.put(site, lung.digest());
            });
        }
        return digests;
    }

    private Map<String, Object> runGlm(Map<String, String> pins, boolean allowPartial) throws IOException {
        Coordinator coordinator = Await.service(FrameworkUtil.getBundle(DatasetVersionsTest.class).getBundleContext(),
                Coordinator.class);
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 30_000, allocator)) {
            return coordinator.run(federated("stats.glm"), sites, Map.of("response", "wt.loss", "covariates", "age,sex"),
                    allocator, allowPartial, pins);
        }
    }

    private List<String> auditLines(int s, String kind) throws IOException {
        return Files.readAllLines(dir.resolve("site" + s + ".audit"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"kind\":\"" + kind + "\"")).toList();
    }

    @Test
    void digestsAreListedKeyedAndFollowTheDataNotTheFileOrTheRestart() throws Exception {
        Map<String, String> first = listedDigests();
        assertEquals(List.of("site0", "site1"), List.copyOf(first.keySet()));
        first.values().forEach(digest -> assertTrue(DatasetVersions.DIGEST.matcher(digest).matches(), digest));
        assertNotEquals(first.get("site0"), first.get("site1"));
        assertTrue(Files.exists(DatasetVersions.keyFile(dir.resolve("site1.audit"))), "the key is kept beside the log");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                DatasetVersions.keyFile(dir.resolve("site1.audit")))));
        // keyed: not the digest anyone holding (or guessing) the rows could compute
        try (Table served = TableFiles.read(dir.resolve("data1/lung.parquet"), allocator)) {
            assertNotEquals(ContentDigest.sha256(served), first.get("site1"));
        }

        restart(1, () -> { });
        assertEquals(first, listedDigests(), "a restart keeps every version");

        // the same rows as CSV instead of Parquet, columns in another order: the same version
        restart(1, () -> {
            Path parquet = dir.resolve("data1/lung.parquet");
            try (Table rows = TableFiles.read(parquet, allocator);
                    Table reordered = reorder(rows)) {
                TableFiles.write(reordered, dir.resolve("data1/lung.csv"));
            }
            Files.delete(parquet);
        });
        assertEquals(first, listedDigests(), "CSV and Parquet of the same data are the same version");

        // one value changed: another version at that site only
        restart(1, () -> changeOneAge());
        Map<String, String> changed = listedDigests();
        assertEquals(first.get("site0"), changed.get("site0"));
        assertNotEquals(first.get("site1"), changed.get("site1"));

        // a new key names every version anew
        restart(0, () -> Files.delete(DatasetVersions.keyFile(dir.resolve("site0.audit"))));
        assertNotEquals(first.get("site0"), listedDigests().get("site0"));
    }

    /** The columns of {@code rows} in reverse order (a new table the caller closes). */
    private Table reorder(Table rows) {
        var builder = Table.builder(allocator);
        List<String> names = new ArrayList<>(rows.columnNames());
        java.util.Collections.reverse(names);
        for (String name : names) {
            DoubleColumn column = rows.doubles(name);
            List<Object> values = new ArrayList<>();
            for (int row = 0; row < rows.rowCount(); row++) {
                values.add(column.isNull(row) ? null : column.get(row));
            }
            builder.add(name, ColumnType.FLOAT64, values);
        }
        return builder.build();
    }

    /** Rewrites site 1's data with the age of its fourth row one year more. */
    private void changeOneAge() throws IOException {
        try (Table lung = CsvReader.read(Path.of(System.getProperty("daybreak.testdata.dir"), "survival_lung_sites.csv"),
                allocator); Table rows = siteRows(lung, 1, 3)) {
            try (var files = Files.list(dir.resolve("data1"))) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            TableFiles.write(rows, dir.resolve("data1/lung.parquet"));
        }
    }

    @Test
    void theCertificateRecordsEachSitesVersionPinnedOrNot() throws Exception {
        Map<String, String> digests = listedDigests();
        for (Map<String, String> pins : List.of(Map.<String, String>of(), digests)) {
            Map<String, Object> document = runGlm(pins, false);
            @SuppressWarnings("unchecked")
            Map<String, Object> certificate = (Map<String, Object>) document.get("certificate");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sites = (List<Map<String, Object>>) certificate.get("sites");
            assertEquals(2, sites.size());
            for (Map<String, Object> site : sites) {
                assertEquals(digests.get((String) site.get("site")), site.get("datasetDigest"), site.toString());
            }
            String versions = String.valueOf(certificate.get("datasetVersions"));
            assertTrue(pins.isEmpty() ? versions.startsWith("recorded") : versions.startsWith("pinned by the study for "
                    + "[site0, site1]"), versions);
        }
        // every release was logged with the version it was computed on
        for (int s = 0; s < 2; s++) {
            List<String> releases = auditLines(s, "release");
            assertFalse(releases.isEmpty());
            for (String release : releases) {
                assertTrue(release.contains("\"datasetDigest\":\"" + digests.get("site" + s) + "\""), release);
            }
        }
    }

    @Test
    void aStudyPinnedToAnEarlierVersionIsRefusedNamingTheSiteBeforeAnyStep() throws Exception {
        Map<String, String> pins = listedDigests();
        restart(1, this::changeOneAge);
        long requestsBefore = auditLines(0, "request").size() + auditLines(1, "request").size();
        for (boolean allowPartial : List.of(false, true)) {
            FederatedRun.DatasetChangedException e = assertThrows(FederatedRun.DatasetChangedException.class,
                    () -> runGlm(pins, allowPartial));
            assertEquals(List.of("site1"), e.sites());
            assertTrue(e.getMessage().startsWith("dataset 'lung' is not the pinned version at site 'site1': "),
                    e.getMessage());
        }
        assertEquals(requestsBefore, auditLines(0, "request").size() + auditLines(1, "request").size(),
                "no analysis was opened at any site");
        assertTrue(auditLines(0, "release").isEmpty() && auditLines(1, "release").isEmpty(), "nothing was released");
        // pinning only the unchanged site runs, and records site 1's new version
        Map<String, Object> document = runGlm(Map.of("site0", pins.get("site0")), false);
        assertTrue(String.valueOf(document.get("certificate")).contains(listedDigests().get("site1")));
        // a pin that is no digest, or names no site of the analysis, is the researcher's to fix
        assertThrows(IllegalArgumentException.class, () -> runGlm(Map.of("site0", "abc"), false));
        assertThrows(IllegalArgumentException.class, () -> runGlm(Map.of("site9", pins.get("site0")), false));
    }

    @Test
    void aSiteRefusesAnAnalysisPinnedToAnotherVersionWhateverTheCoordinatorChecked() throws Exception {
        Map<String, String> digests = listedDigests();
        Map<String, String> wrong = new LinkedHashMap<>(digests);
        wrong.put("site1", digests.get("site0"));
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 10_000, allocator)) {
            // a coordinator that skips FederatedRun's check and sends the analysis anyway
            SiteFailedException e = assertThrows(SiteFailedException.class, () -> GlmFederated.fit(sites.open(
                    AnalysisSpec.open(GlmReleases.METHOD, "lung", Map.of("response", "wt.loss", "covariates", "age"),
                            sites.names(), wrong)), "wt.loss", List.of("age"), GlmFamily.GAUSSIAN));
            assertEquals("site1", e.site());
            assertTrue(e.getMessage().contains("DATASET_CHANGED") && e.getMessage().contains("not the version the "
                    + "analysis pins"), e.getMessage());
        }
        assertTrue(auditLines(1, "release").isEmpty(), "site 1 computed nothing");
        assertTrue(auditLines(1, "refusal").stream().anyMatch(line -> line.contains("DATASET_CHANGED")));
    }
}
