package io.daybreak.federation.grpc.omop;

import static io.daybreak.core.testing.InstalledMethods.federated;
import static io.daybreak.core.testing.InstalledMethods.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.testing.InstalledMethods;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.grpc.RemoteSites;
import io.daybreak.federation.grpc.SiteNodeRunner;
import io.daybreak.federation.grpc.StudyPki;
import io.daybreak.federation.grpc.TlsFiles;
import io.daybreak.federation.sources.DatasetSourceException;
import io.daybreak.federation.sources.NodeDatasets;
import io.daybreak.stats.federated.CoxReleases;

/**
 * Site nodes whose datasets live in databases (issue 20, item 4): a real PostgreSQL server (Debian's package, started
 * and stopped here) holds one site's synthetic OMOP CDM subset, an embedded DuckDB database over Parquet files
 * another's, and a CSV file the third's analysis table. The same OMOP cohort definition materialises each database
 * site's analysis table at the node — equal, row for row, to the rows worked out while generating the data — and the
 * federated Cox model across the three nodes over gRPC with mutual TLS equals the pooled fit of the three tables.
 * A database that is down, a view that fails and a wrong password stop the node, naming the connection and the SQL
 * state and never the password, with nothing left loaded.
 */
class DatabaseNodesTest extends MethodTestSupport {
    private static final String READER = "site_reader";
    private static final String READER_PASSWORD = "reader-Pw-93kQ";
    private static final String SCHEMA = "cdm_b";
    /**
     * R 4 / survival 3.5-3 on the union of the three sites' rows (482 persons, 247 deaths), written out once as CSV
     * from {@link SyntheticOmop#expected()}: {@code coxph(Surv(time, status) ~ age + sex + ldh, ties = "efron",
     * control = coxph.control(eps = 1e-14, iter.max = 50))}.
     */
    private static final double[] R_COXPH = {0.029658861411852679, -0.16819610008071756, 0.0048588677932801094};
    private static PostgresServer postgres;
    private static SyntheticOmop siteB;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
        siteB = SyntheticOmop.generate(22, 300, 20_000);
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            siteB.load(admin, SCHEMA);
            statement.execute("CREATE VIEW " + SCHEMA + ".failing_v AS SELECT person_id / (year_of_birth - year_of_birth) "
                    + "AS x FROM " + SCHEMA + ".person");
            statement.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
            statement.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + READER);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + READER);
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A site directory with the cohort definition, the reader's password file and a datasets file. */
    private Path site(String name, String datasets) throws IOException {
        Path site = Files.createDirectories(dir.resolve(name));
        Files.writeString(site.resolve("nsclc.cohort.json"), SyntheticOmop.COHORT);
        Files.writeString(site.resolve("reader.password"), READER_PASSWORD + "\n");
        Files.writeString(site.resolve("datasets.json"), datasets);
        return site.resolve("datasets.json");
    }

    private static String postgresDatasets(String url, String password, String datasets) {
        return "{\"connections\": {\"cdm\": {\"url\": \"" + url + "\", \"user\": \"" + READER + "\", \"password\": "
                + password + "}},\n \"datasets\": {" + datasets + "}}";
    }

    /** Site C's OMOP tables as Parquet files, written by DuckDB. */
    private Path parquetSite(SyntheticOmop omop) throws Exception {
        return parquetSite(omop, "c", SyntheticOmop.COHORT);
    }

    /** A site whose OMOP tables are Parquet files written by DuckDB, with this cohort definition. */
    private Path parquetSite(SyntheticOmop omop, String name, String cohort) throws Exception {
        Path files = Files.createDirectories(dir.resolve(name + "/omop"));
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = duckdb.createStatement()) {
            omop.load(duckdb, null);
            for (String table : SyntheticOmop.TABLES.keySet()) {
                statement.execute("COPY " + table + " TO '" + files.resolve(table + ".parquet") + "' (FORMAT PARQUET)");
            }
        }
        StringBuilder views = new StringBuilder();
        for (String table : SyntheticOmop.TABLES.keySet()) {
            views.append(views.length() == 0 ? "" : ", ").append('"').append(table).append("\": \"omop/").append(table)
                    .append(".parquet\"");
        }
        Path datasets = site(name, "{\"connections\": {\"omop\": {\"files\": {" + views + "}}},\n \"datasets\": {"
                + "\"nsclc\": {\"connection\": \"omop\", \"cohort\": \"nsclc.cohort.json\"},"
                + "\"persons\": {\"connection\": \"omop\", "
                + "\"query\": \"SELECT gender_concept_id, year_of_birth FROM person\"}}}");
        Files.writeString(dir.resolve(name + "/nsclc.cohort.json"), cohort);
        return datasets;
    }

    /** Every criterion, outcome and covariate kind the compiler has, on one site's data. */
    private static final String EVERY_KIND = """
            {"conceptSets": {"nsclc": [4115276, 439392], "ldh": [3016436], "htn": [320128], "cisplatin": [1397599],
                             "diagnosis": [4115276]},
             "index": {"domain": "condition", "conceptSet": "nsclc", "occurrence": "first"},
             "observation": {"priorDays": 30, "postDays": 10},
             "inclusion": [{"domain": "measurement", "conceptSet": "ldh", "window": [-30, 0], "valueMin": 160,
                            "valueMax": 280},
                           {"domain": "drug", "conceptSet": "cisplatin", "window": [-30, 90], "require": "absent"}],
             "outcome": {"death": true, "domain": "condition", "conceptSet": "diagnosis", "maxDays": 1000},
             "covariates": [{"name": "age", "type": "ageAtIndex"}, {"name": "sex", "type": "sex"},
                            {"name": "hypertension", "type": "condition", "conceptSet": "htn", "window": [-3650, 0]},
                            {"name": "cisplatin_later", "type": "drug", "conceptSet": "cisplatin", "window": [91, 400]},
                            {"name": "ldh_after", "type": "measurement", "conceptSet": "ldh", "window": [0, 10]}]}
            """;

    @Test
    void everyKindOfCriterionGivesTheSameTableOnPostgresqlAndDuckDb() throws Exception {
        Path postgresSite = site("pg", postgresDatasets(postgres.url("postgres"), "{\"file\": \"reader.password\"}",
                "\"nsclc\": {\"connection\": \"cdm\", \"schema\": \"" + SCHEMA + "\", \"cohort\": \"nsclc.cohort.json\"}"));
        Files.writeString(dir.resolve("pg/nsclc.cohort.json"), EVERY_KIND);
        Path duckdbSite = parquetSite(siteB, "duck", EVERY_KIND);
        Map<String, Table> fromPostgres = NodeDatasets.read(postgresSite).load(allocator, List.of());
        Map<String, Table> fromDuckDb = NodeDatasets.read(duckdbSite).load(allocator, List.of());
        try {
            Table p = fromPostgres.get("nsclc");
            Table d = fromDuckDb.get("nsclc");
            assertEquals(List.of("time", "status", "age", "sex", "hypertension", "cisplatin_later", "ldh_after"),
                    p.columnNames());
            assertEquals(p.columnNames(), d.columnNames());
            assertTrue(p.rowCount() > 20, "a cohort of " + p.rowCount());
            assertEquals(p.rowCount(), d.rowCount());
            for (String column : p.columnNames()) {
                for (int i = 0; i < p.rowCount(); i++) {
                    assertEquals(p.doubles(column).isNull(i), d.doubles(column).isNull(i), column + " row " + i);
                    if (!p.doubles(column).isNull(i)) {
                        assertEquals(p.doubles(column).get(i), d.doubles(column).get(i), 0, column + " row " + i);
                    }
                }
            }
            long events = 0;
            for (int i = 0; i < p.rowCount(); i++) {
                events += (long) p.doubles("status").get(i);
                assertTrue(p.doubles("time").get(i) <= 1000, "censored at maxDays");
                assertFalse(p.doubles("ldh_after").isNull(i), "every patient has an LDH value within [0, 10] days");
            }
            assertTrue(events > 0 && events < p.rowCount(), events + " events");
        } finally {
            fromPostgres.values().forEach(Table::close);
            fromDuckDb.values().forEach(Table::close);
        }
    }

    @Test
    void federatedCoxAcrossAFileNodeAndTwoDatabaseNodesEqualsThePooledFit() throws Exception {
        SyntheticOmop siteA = SyntheticOmop.generate(11, 300, 10_000);
        SyntheticOmop siteC = SyntheticOmop.generate(33, 300, 30_000);
        Path a = site("a", "{\"datasets\": {\"nsclc\": {\"file\": \"nsclc.csv\"}}}");
        Files.writeString(dir.resolve("a/nsclc.csv"), siteA.expectedCsv());
        Path b = site("b", postgresDatasets(postgres.url("postgres"), "{\"file\": \"reader.password\"}",
                "\"nsclc\": {\"connection\": \"cdm\", \"schema\": \"" + SCHEMA + "\", \"cohort\": \"nsclc.cohort.json\"}"));
        Path c = parquetSite(siteC);
        // the cohort, as each database materialises it, is the rows worked out while generating
        for (var site : List.of(Map.entry(b, siteB), Map.entry(c, siteC))) {
            Map<String, Table> tables = NodeDatasets.read(site.getKey()).load(allocator, List.of());
            try {
                assertRows(site.getValue().expected(), tables.get("nsclc"), site.getKey().toString());
                if (tables.containsKey("persons")) {
                    assertEquals(300, tables.get("persons").rowCount(), "a query over a Parquet view");
                }
            } finally {
                tables.values().forEach(Table::close);
            }
        }
        assertEquals(482, siteA.expected().size() + siteB.expected().size() + siteC.expected().size(), "the data R saw");

        StudyPki.Credential ca = StudyPki.createAuthority("omop", Duration.ofDays(1));
        ca.write(dir, "ca");
        StudyPki.issue(ca, "alice", List.of(), Duration.ofDays(1)).write(dir, "alice");
        // exact Cox with a common baseline: the sites opt into event times and risk sets in days (ADR 0006)
        Path policy = Files.writeString(dir.resolve("policy.json"),
                "{\"releaseEventTimes\": true, \"minCellCount\": 1, \"minRiskSetSize\": 1, \"minRiskSetChange\": 1}");
        List<SiteNodeRunner> runners = new ArrayList<>();
        List<RemoteSites.Endpoint> endpoints = new ArrayList<>();
        FederatedRun.Result federated;
        try {
            String[] names = {"site-a", "site-b", "site-c"};
            Path[] datasets = {a, b, c};
            for (int s = 0; s < 3; s++) {
                StudyPki.issue(ca, names[s], List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, names[s]);
                SiteNodeRunner runner = SiteNodeRunner.start(new SiteNodeRunner.Config(names[s], null, "127.0.0.1", 0,
                        tls(names[s]), policy, dir.resolve(names[s] + ".audit"), Set.of(CoxReleases.METHOD), Set.of("alice"),
                        false, datasets[s]), List.of(step("stats.cox")), List.of(federated("stats.cox")), allocator);
                runners.add(runner);
                endpoints.add(new RemoteSites.Endpoint(names[s], "localhost", runner.port()));
            }
            try (RemoteSites sites = new RemoteSites(endpoints, "nsclc", tls("alice"), 60_000, allocator)) {
                federated = FederatedRun.run(federated("stats.cox"), sites, Map.of("covariates", "age,sex,ldh"), allocator,
                        false);
            }
        } finally {
            for (SiteNodeRunner runner : runners) {
                runner.close();
            }
        }
        // the audit log dates the snapshot: origin (no password), rows and columns of what each node served
        String audit = Files.readString(dir.resolve("site-b.audit"));
        assertTrue(audit.contains("datasets materialised at start") && audit.contains("\"source\":\"OMOP cohort in schema "
                + SCHEMA + "\"") && audit.contains("\"connection\":\"connection 'cdm' (jdbc:postgresql://127.0.0.1:"
                + postgres.port() + "/postgres, user " + READER + ")\"") && audit.contains("\"sqlSha256\":")
                && audit.contains("\"rows\":" + siteB.expected().size()), audit);
        assertFalse(audit.contains(READER_PASSWORD), audit);
        assertEquals(Map.of("site-a", (long) siteA.expected().size(), "site-b", (long) siteB.expected().size(),
                "site-c", (long) siteC.expected().size()), federated.participants());
        List<SyntheticOmop.Row> union = new ArrayList<>(siteA.expected());
        union.addAll(siteB.expected());
        union.addAll(siteC.expected());
        double[] pooled;
        try (Table table = table(union)) {
            Method cox = InstalledMethods.method("stats.cox");
            var result = cox.apply(Map.of("data", table), Parameters.bind(cox.descriptor(), Map.of("covariates",
                    "age,sex,ldh")), new TestMethodContext(allocator, 1));
            result.outputs().values().forEach(Table::close);
            pooled = numbers(result.summary().get("coefficients"));
        }
        double[] remote = numbers(federated.outcome().summary().get("coefficients"));
        for (int k = 0; k < 3; k++) {
            assertEquals(pooled[k], remote[k], 1e-10 * Math.abs(pooled[k]), "coefficient " + k);
            assertEquals(R_COXPH[k], pooled[k], 1e-10 * Math.abs(R_COXPH[k]), "coefficient " + k + " against R");
        }
    }

    @Test
    void aDatabaseThatIsDownStopsTheNodeNamingTheConnectionAndSqlStateNeverThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path datasets = site("down", postgresDatasets("jdbc:postgresql://127.0.0.1:" + closedPort + "/omop",
                "{\"file\": \"reader.password\"}", "\"lung\": {\"file\": \"lung.csv\"}, "
                        + "\"nsclc\": {\"connection\": \"cdm\", \"schema\": \"cdm\", \"cohort\": \"nsclc.cohort.json\"}"));
        Files.writeString(dir.resolve("down/lung.csv"), "time,status\n1,1\n2,0\n");
        String message = refused(datasets);
        assertTrue(message.contains("connection 'cdm' (jdbc:postgresql://127.0.0.1:" + closedPort + "/omop, user "
                + READER + ")") && message.contains("dataset 'nsclc'") && message.contains("SQL state 08001"), message);
        assertFalse(message.contains(READER_PASSWORD), message);
    }

    @Test
    void aViewThatFailsStopsTheNodeNamingTheDatasetAndSqlStateWithNothingLoaded() throws Exception {
        Path datasets = site("view", postgresDatasets(postgres.url("postgres"), "{\"env\": \"CDM_PASSWORD\"}",
                "\"lung\": {\"file\": \"lung.csv\"}, \"cohort\": {\"connection\": \"cdm\", \"schema\": \"" + SCHEMA
                        + "\", \"cohort\": \"nsclc.cohort.json\"}, \"broken\": {\"connection\": \"cdm\", \"table\": \""
                        + SCHEMA + ".failing_v\"}"));
        Files.writeString(dir.resolve("view/lung.csv"), "time,status\n1,1\n2,0\n");
        // the password from the environment; the file dataset and the cohort are read before the view fails
        DatasetSourceException e = assertThrows(DatasetSourceException.class, () -> NodeDatasets.read(datasets)
                .load(allocator, List.of(), name -> name.equals("CDM_PASSWORD") ? READER_PASSWORD : null));
        assertTrue(e.getMessage().startsWith("dataset 'broken' (table " + SCHEMA + ".failing_v of connection 'cdm'")
                && e.getMessage().contains("SQL state 22012 (data exception)") && e.getMessage().contains("division by zero"),
                e.getMessage());
        assertFalse(e.getMessage().contains(READER_PASSWORD), e.getMessage());
        assertEquals(0, allocator.getAllocatedMemory(), "nothing half-loaded");
        // an unset variable is named before any connection is tried
        DatasetSourceException unset = assertThrows(DatasetSourceException.class, () -> NodeDatasets.read(datasets)
                .load(allocator, List.of(), name -> null));
        assertTrue(unset.getMessage().contains("environment variable CDM_PASSWORD"), unset.getMessage());
    }

    @Test
    void aWrongPasswordIsAnAuthorizationErrorThatDoesNotPrintThePassword() throws Exception {
        Path datasets = site("password", postgresDatasets(postgres.url("postgres"), "{\"file\": \"wrong.password\"}",
                "\"nsclc\": {\"connection\": \"cdm\", \"schema\": \"" + SCHEMA + "\", \"cohort\": \"nsclc.cohort.json\"}"));
        Files.writeString(dir.resolve("password/wrong.password"), "not-the-Password-xyz\n");
        String message = refused(datasets);
        assertTrue(message.contains("SQL state 28P01 (invalid authorization)") && message.contains("connection 'cdm'"),
                message);
        assertFalse(message.contains("not-the-Password-xyz"), message);
    }

    @Test
    void aCohortDefinitionWithAnUnknownFieldStopsTheNodeNamingTheField() throws Exception {
        Path datasets = site("unknown", postgresDatasets(postgres.url("postgres"), "{\"file\": \"reader.password\"}",
                "\"nsclc\": {\"connection\": \"cdm\", \"schema\": \"" + SCHEMA + "\", \"cohort\": \"nsclc.cohort.json\"}"));
        Files.writeString(dir.resolve("unknown/nsclc.cohort.json"), SyntheticOmop.COHORT.replace("\"window\": [-30, 90]",
                "\"windw\": [-30, 90]"));
        String message = refused(datasets);
        assertTrue(message.contains("nsclc.cohort.json: inclusion[0]: unknown field 'windw'; allowed: conceptSet, domain, "
                + "require, valueMax, valueMin, window"), message);
    }

    /** Starts a node over these datasets, which must fail; returns the message, once nothing is left allocated. */
    private String refused(Path datasets) throws Exception {
        StudyPki.Credential ca = StudyPki.createAuthority("refused", Duration.ofDays(1));
        ca.write(dir, "ca");
        StudyPki.issue(ca, "site-x", List.of("localhost"), Duration.ofDays(1)).write(dir, "site-x");
        IOException e = assertThrows(IOException.class, () -> SiteNodeRunner.start(new SiteNodeRunner.Config("site-x",
                null, "127.0.0.1", 0, tls("site-x"), null, dir.resolve("site-x.audit"), Set.of(CoxReleases.METHOD),
                Set.of("alice"), false, datasets), List.of(step("stats.cox")), List.of(federated("stats.cox")), allocator));
        assertEquals(0, allocator.getAllocatedMemory(), "nothing half-loaded: " + e.getMessage());
        return e.getMessage();
    }

    private TlsFiles tls(String name) {
        return new TlsFiles(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), dir.resolve("ca.pem"));
    }

    private static void assertRows(List<SyntheticOmop.Row> expected, Table table, String where) {
        assertEquals(List.of("time", "status", "age", "sex", "ldh"), table.columnNames(), where);
        assertEquals(expected.size(), table.rowCount(), where + ": rows");
        for (int i = 0; i < expected.size(); i++) {
            SyntheticOmop.Row row = expected.get(i);
            double[] want = {row.time(), row.status(), row.age(), row.sex(), row.ldh()};
            for (int k = 0; k < want.length; k++) {
                String column = table.columnNames().get(k);
                assertEquals(want[k], table.doubles(column).get(i), 0, where + ": person " + row.personId() + " " + column);
            }
        }
    }

    private Table table(List<SyntheticOmop.Row> rows) {
        return Table.builder(allocator)
                .addFloat64("time", rows.stream().mapToDouble(SyntheticOmop.Row::time).toArray())
                .addFloat64("status", rows.stream().mapToDouble(SyntheticOmop.Row::status).toArray())
                .addFloat64("age", rows.stream().mapToDouble(SyntheticOmop.Row::age).toArray())
                .addFloat64("sex", rows.stream().mapToDouble(SyntheticOmop.Row::sex).toArray())
                .addFloat64("ldh", rows.stream().mapToDouble(SyntheticOmop.Row::ldh).toArray())
                .build();
    }

    private static double[] numbers(Object value) {
        if (value instanceof double[] array) {
            return array;
        }
        return ((List<?>) value).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
