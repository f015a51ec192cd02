package io.daybreak.federation.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * The datasets file and the OMOP cohort definition are read strictly — an unknown field, a quoted concept id, a
 * password written into the file or the URL are errors naming the file and the field — and a cohort compiles to SQL
 * whose text holds none of the definition's numbers. The embedded DuckDB database serves queries without a server.
 * (The PostgreSQL side, with a real server: DatabaseNodesTest in io.daybreak.federation.grpc.tests.)
 */
class NodeDatasetsTest {
    private static final String COHORT = """
            {"conceptSets": {"nsclc": [4115276, 439392], "platinum": [1397599], "ldh": [3016436]},
             "index": {"domain": "condition", "conceptSet": "nsclc"},
             "observation": {"priorDays": 180, "postDays": 7},
             "inclusion": [{"domain": "drug", "conceptSet": "platinum", "window": [-30, 90]},
                           {"domain": "measurement", "conceptSet": "ldh", "window": [-31, 0], "valueMin": 100.25,
                            "valueMax": 999.75}],
             "outcome": {"death": true, "domain": "condition", "conceptSet": "nsclc", "maxDays": 1826},
             "covariates": [{"name": "age", "type": "ageAtIndex"}, {"name": "sex", "type": "sex"},
                            {"name": "LDH", "type": "measurement", "conceptSet": "ldh", "window": [-29, 0]},
                            {"name": "platinum_before", "type": "drug", "conceptSet": "platinum", "window": [-365, -1]}]}
            """;

    @TempDir
    Path dir;
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build());
    }

    @AfterEach
    void close() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
        allocator.close();
    }

    private static String refused(String text) {
        return assertThrows(DatasetSourceException.class, () -> CohortDefinition.parse("c.json", text)).getMessage();
    }

    private String refusedFile(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("datasets.json"), text);
        return assertThrows(DatasetSourceException.class, () -> NodeDatasets.read(file)).getMessage();
    }

    @Test
    void aCohortCompilesToParameterisedSqlWithNoneOfItsNumbersInTheText() throws Exception {
        CohortDefinition cohort = CohortDefinition.parse("c.json", COHORT);
        CohortDefinition.Query query = cohort.compile("cdm");
        assertEquals(List.of("time", "status", "age", "sex", "LDH", "platinum_before"), cohort.columns());
        for (String number : List.of("4115276", "439392", "1397599", "3016436", "180", "1826", "100.25", "999.75", "-31",
                "-29", "365")) {
            assertFalse(query.text().contains(number), number + " is in the SQL text:\n" + query.text());
        }
        assertEquals(query.text().chars().filter(c -> c == '?').count(), query.parameters().size());
        assertTrue(query.parameters().containsAll(List.of(4115276L, 439392L, 1397599L, 3016436L, 180L, 7L, 1826L,
                100.25, 999.75, -31L, -29L, -365L, -1L)), query.parameters().toString());
        assertTrue(query.text().contains("cdm.condition_occurrence") && query.text().contains("AS \"LDH\""),
                query.text());
    }

    @Test
    void unknownFieldsWrongTypesAndUnknownNamesAreNamedWithTheirPath() {
        assertEquals("c.json: covariates[2]: unknown field 'windw'; allowed: conceptSet, name, type, window",
                refused(COHORT.replace("\"window\": [-29, 0]", "\"windw\": [-29, 0]")));
        assertEquals("c.json: conceptSets.nsclc[0]: must be a whole number from 1 to 2147483647",
                refused(COHORT.replace("[4115276, 439392]", "[\"4115276\", 439392]")));
        assertEquals("c.json: conceptSets.nsclc[1]: must be a whole number from 1 to 2147483647",
                refused(COHORT.replace("[4115276, 439392]", "[4115276, 439392.5]")));
        assertTrue(refused(COHORT.replace("\"conceptSet\": \"platinum\", \"window\": [-30",
                "\"conceptSet\": \"platin\", \"window\": [-30")).startsWith("c.json: inclusion[0].conceptSet: no concept "
                        + "set 'platin' in conceptSets; defined: nsclc, platinum, ldh"));
        assertTrue(refused(COHORT.replace("{\"name\": \"sex\"", "{\"name\": \"age\"")).contains("covariates[1].name: "
                + "column 'age' is named twice"));
        assertTrue(refused(COHORT.replace("\"window\": [-30, 90]", "\"window\": [90, -30]"))
                .contains("inclusion[0].window: from must not be after to"));
        assertTrue(refused(COHORT.replace("\"death\": true, \"domain\": \"condition\", \"conceptSet\": \"nsclc\", ", ""))
                .contains("outcome: name the event"));
        assertTrue(refused(COHORT.replace("{\"name\": \"sex\", \"type\": \"sex\"}",
                "{\"name\": \"sex;drop\", \"type\": \"sex\"}")).contains("covariates[1].name: 'sex;drop' is not a valid "
                        + "column name"));
        assertTrue(refused("{\"conceptSets\": {}, \"conceptSets\": {}}").contains("Duplicate field 'conceptSets'"));
    }

    @Test
    void passwordsAreNeverWrittenInTheDatasetsFileOrTheUrl() throws Exception {
        assertTrue(refusedFile("{\"connections\": {\"cdm\": {\"url\": \"jdbc:postgresql://h/db\", \"user\": \"u\", "
                + "\"password\": \"secret\"}}, \"datasets\": {\"x\": {\"connection\": \"cdm\", \"table\": \"t\"}}}")
                .contains("connections.cdm.password: a password is never written in the datasets file"));
        assertTrue(refusedFile("{\"connections\": {\"cdm\": {\"url\": \"jdbc:postgresql://h/db?user=u&password=secret\"}},"
                + " \"datasets\": {\"x\": {\"connection\": \"cdm\", \"table\": \"t\"}}}")
                .contains("connections.cdm.url: put credentials in 'user' and 'password', not in the URL"));
        assertTrue(refusedFile("{\"connections\": {\"cdm\": {\"url\": \"jdbc:mysql://h/db\"}},"
                + " \"datasets\": {\"x\": {\"connection\": \"cdm\", \"table\": \"t\"}}}").contains("supported databases"));
        assertTrue(refusedFile("{\"connections\": {\"cdm\": {}}, \"datasets\": {\"x\": {\"connection\": \"cdm\", "
                + "\"table\": \"t\", \"query\": \"SELECT 1\"}}}").contains("datasets.x: give exactly one of 'table', "
                        + "'query' and 'cohort'"));
        assertTrue(refusedFile("{\"connections\": {\"cdm\": {}}, \"datasets\": {\"x\": {\"connection\": \"cdm\", "
                + "\"table\": \"t; DROP TABLE person\"}}}").contains("is not a table or view name"));
        assertTrue(refusedFile("{\"datasets\": {\"x\": {\"connection\": \"nowhere\", \"table\": \"t\"}}}")
                .contains("datasets.x.connection: no connection 'nowhere'"));
        assertTrue(refusedFile("{\"datasets\": {\"x\": {\"file\": \"absent.csv\"}}}").contains("no such table file"));
    }

    @Test
    void anEmbeddedDuckDbDatabaseServesQueriesOverLocalFilesInAFixedOrder() throws Exception {
        Files.writeString(dir.resolve("visits.csv"), "id,arm,dose,day\n3,b,1.5,2021-03-04\n1,a,2.5,2021-01-02\n"
                + "2,a,,2021-02-03\n");
        Path file = Files.writeString(dir.resolve("datasets.json"), "{\"connections\": {\"local\": {\"files\": "
                + "{\"visits\": \"visits.csv\"}}}, \"datasets\": {\"visits\": {\"connection\": \"local\", \"query\": "
                + "\"SELECT CAST(id AS INTEGER) AS id, arm, dose, CAST(day AS DATE) AS day, id > 1 AS late "
                + "FROM visits -- all\"}, \"all\": {\"connection\": \"local\", \"table\": \"visits\"}}}");
        NodeDatasets datasets = NodeDatasets.read(file);
        assertEquals(List.of("visits", "all"), datasets.names());
        assertEquals("query of connection 'local'", datasets.describe("visits"));
        Map<String, String> origin = datasets.origins().get("visits");
        assertEquals("query", origin.get("source"));
        assertEquals("connection 'local' (embedded DuckDB)", origin.get("connection"));
        assertTrue(origin.get("sqlSha256").matches("[0-9a-f]{64}"), origin.toString());
        assertEquals(Map.of("source", "table visits", "connection", "connection 'local' (embedded DuckDB)"),
                datasets.origins().get("all"));
        Map<String, Table> tables = datasets.load(allocator, List.of("arm"));
        try {
            Table visits = tables.get("visits");
            assertEquals(List.of("id", "dose", "day", "late"), visits.columnNames(), "hidden columns are dropped");
            assertEquals(ColumnType.INT32, visits.columnType("id"));
            assertEquals(ColumnType.FLOAT64, visits.columnType("dose"));
            assertEquals(ColumnType.BOOLEAN, visits.columnType("late"));
            assertEquals(1, visits.longs("id").get(0), "rows in the order of all columns");
            assertEquals("2021-01-02", visits.strings("day").get(0), "dates as ISO text");
            assertTrue(visits.doubles("dose").isNull(1), "NULL stays null");
            assertEquals(3, tables.get("all").rowCount());
        } finally {
            tables.values().forEach(Table::close);
        }
    }

    @Test
    void aQueryThatFailsNamesTheDatasetAndSqlStateAndLeavesNothingLoaded() throws Exception {
        Files.writeString(dir.resolve("lung.csv"), "time,status\n1,1\n");
        Path file = Files.writeString(dir.resolve("datasets.json"), "{\"connections\": {\"local\": {}}, \"datasets\": "
                + "{\"lung\": {\"file\": \"lung.csv\"}, \"bad\": {\"connection\": \"local\", \"query\": "
                + "\"SELECT * FROM no_such_table\"}}}");
        DatasetSourceException e = assertThrows(DatasetSourceException.class, () -> NodeDatasets.read(file)
                .load(allocator, List.of()));
        assertTrue(e.getMessage().startsWith("dataset 'bad' (query of connection 'local', connection 'local' (embedded "
                + "DuckDB)): the query failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }
}
