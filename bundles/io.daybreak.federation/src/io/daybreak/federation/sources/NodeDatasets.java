package io.daybreak.federation.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;
import io.daybreak.data.files.TableFiles;

/**
 * A site node's datasets as its data custodian configures them in a datasets file (JSON): each dataset is a table
 * file, or a table, view, query or OMOP cohort ({@link CohortDefinition}) of a database connection — an embedded
 * DuckDB database over local Parquet and CSV files (the default for a node without a database server), a DuckDB
 * database file, or PostgreSQL over JDBC. Credentials come from a file or an environment variable and appear in no
 * message.
 *
 * <pre>
 * {
 *   "connections": {
 *     "cdm": {"url": "jdbc:postgresql://db.example.org:5432/omop", "user": "daybreak",
 *             "password": {"env": "CDM_PASSWORD"}},
 *     "local": {"files": {"visits": "visits.parquet", "patients": "patients.csv"}}
 *   },
 *   "datasets": {
 *     "lung": {"file": "lung.csv"},
 *     "visits": {"connection": "local", "query": "SELECT p.age, v.time, v.status FROM patients p JOIN visits v USING (id)"},
 *     "registry": {"connection": "cdm", "table": "research.registry_v"},
 *     "nsclc": {"connection": "cdm", "schema": "cdm", "cohort": "nsclc.cohort.json"}
 *   }
 * }
 * </pre>
 *
 * <p>{@link #load} materialises every dataset into an Arrow table, once, when the node starts (ADR 0024): the datasets
 * of one PostgreSQL connection are read in one read-only, repeatable-read transaction (one consistent snapshot), rows
 * in a deterministic order (a table or query by all its columns, a cohort by person), so the row indices the node's
 * row-set ledger records mean the same rows for as long as the node serves them. Any failure closes what was loaded
 * and names the dataset, the connection (URL without parameters, user; never the password) and the SQL state.
 */
public final class NodeDatasets {
    /** A database connection as configured; {@code url} null: an embedded, in-memory DuckDB database. */
    record ConnectionSpec(String name, String url, String user, Path passwordFile, String passwordEnv,
            Map<String, Path> files) {
        boolean postgres() {
            return url != null && url.startsWith("jdbc:postgresql:");
        }

        /** How messages name the connection: its URL without parameters, and the user. */
        String describe() {
            String shown = url == null ? "embedded DuckDB" : url.replaceAll("[?;].*$", "");
            return "connection '" + name + "' (" + shown + (user == null ? "" : ", user " + user) + ")";
        }
    }

    /** One dataset: a file, or a table, query or cohort of a connection. */
    record Source(String name, Path file, String connection, String table, String query, CohortDefinition cohort,
            String schema) {
        String describe() {
            if (file != null) {
                return "file " + file;
            }
            return (table != null ? "table " + table : query != null ? "query" : "OMOP cohort"
                    + (schema == null ? "" : " in schema " + schema)) + " of connection '" + connection + "'";
        }
    }

    private final Map<String, ConnectionSpec> connections;
    private final Map<String, Source> datasets;

    private NodeDatasets(Map<String, ConnectionSpec> connections, Map<String, Source> datasets) {
        this.connections = connections;
        this.datasets = datasets;
    }

    /**
     * Reads and checks a datasets file; paths in it are relative to its directory. Files it names must exist, cohort
     * definitions must be valid; databases are not contacted until {@link #load}.
     *
     * @throws DatasetSourceException naming the file and the field
     */
    public static NodeDatasets read(Path file) throws DatasetSourceException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DatasetSourceException(file + ": the datasets file cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
        Path base = file.toAbsolutePath().getParent();
        Json root = Json.parse(file.toString(), text).allow("connections", "datasets");
        Map<String, ConnectionSpec> connections = new LinkedHashMap<>();
        if (root.has("connections")) {
            for (Map.Entry<String, Json> entry : root.get("connections").fields()) {
                connections.put(entry.getKey(), connection(entry.getKey(), entry.getValue(), base));
            }
        }
        Map<String, Source> datasets = new LinkedHashMap<>();
        List<Map.Entry<String, Json>> entries = root.get("datasets").fields();
        if (entries.isEmpty()) {
            throw root.get("datasets").error("name at least one dataset");
        }
        for (Map.Entry<String, Json> entry : entries) {
            datasets.put(entry.getKey(), source(entry.getKey(), entry.getValue(), base, connections));
        }
        return new NodeDatasets(connections, datasets);
    }

    private static ConnectionSpec connection(String name, Json json, Path base) throws DatasetSourceException {
        if (!Json.NAME.matcher(name).matches()) {
            throw json.error("'" + name + "' is not a valid connection name");
        }
        json.allow("url", "user", "password", "files");
        String url = json.has("url") ? json.string("url") : null;
        if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:duckdb:")) {
            throw json.get("url").error("supported databases: jdbc:postgresql://host:port/database, jdbc:duckdb:file "
                    + "(or no url: an embedded DuckDB database)");
        }
        if (url != null && url.toLowerCase(Locale.ROOT).matches(".*[?&;](password|user)=.*")) {
            throw json.get("url").error("put credentials in 'user' and 'password', not in the URL");
        }
        Path passwordFile = null;
        String passwordEnv = null;
        if (json.has("password")) {
            Json password = json.get("password");
            if (!password.node().isObject()) {
                throw password.error("a password is never written in the datasets file: use {\"file\": \"path\"} or "
                        + "{\"env\": \"VARIABLE\"}");
            }
            password.allow("file", "env");
            if (password.has("file") == password.has("env")) {
                throw password.error("give exactly one of 'file' and 'env'");
            }
            passwordFile = password.has("file") ? base.resolve(password.string("file")) : null;
            passwordEnv = password.has("env") ? password.string("env") : null;
        }
        Map<String, Path> files = new LinkedHashMap<>();
        if (json.has("files")) {
            if (url != null && !url.startsWith("jdbc:duckdb:")) {
                throw json.get("files").error("files are read by DuckDB: give them to a connection without a url");
            }
            for (Map.Entry<String, Json> view : json.get("files").fields()) {
                if (!Json.IDENTIFIER.matcher(view.getKey()).matches()) {
                    throw view.getValue().error("'" + view.getKey() + "' is not a valid view name");
                }
                Path path = base.resolve(view.getValue().text());
                String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".parquet") && !lower.endsWith(".csv")) {
                    throw view.getValue().error("DuckDB views are made of .parquet or .csv files");
                }
                if (!Files.isRegularFile(path)) {
                    throw view.getValue().error(path + ": no such file");
                }
                files.put(view.getKey(), path);
            }
        }
        return new ConnectionSpec(name, url, json.has("user") ? json.string("user") : null, passwordFile, passwordEnv,
                Map.copyOf(files));
    }

    private static Source source(String name, Json json, Path base, Map<String, ConnectionSpec> connections)
            throws DatasetSourceException {
        if (!Json.NAME.matcher(name).matches()) {
            throw json.error("'" + name + "' is not a valid dataset name");
        }
        json.allow("file", "connection", "table", "query", "cohort", "schema");
        if (json.has("file")) {
            json.allow("file");
            Path file = base.resolve(json.string("file"));
            if (!Files.isRegularFile(file) || !TableFiles.isSupported(file)) {
                throw json.get("file").error(file + ": no such table file (supported: " + TableFiles.SUPPORTED + ")");
            }
            return new Source(name, file, null, null, null, null, null);
        }
        String connection = json.string("connection");
        if (!connections.containsKey(connection)) {
            throw json.get("connection").error("no connection '" + connection + "' in connections; defined: "
                    + String.join(", ", connections.keySet()));
        }
        int kinds = (json.has("table") ? 1 : 0) + (json.has("query") ? 1 : 0) + (json.has("cohort") ? 1 : 0);
        if (kinds != 1) {
            throw json.error("give exactly one of 'table', 'query' and 'cohort'");
        }
        if (json.has("schema") && !json.has("cohort")) {
            throw json.get("schema").error("'schema' qualifies the OMOP tables of a cohort; write a table as schema.table");
        }
        String table = null;
        if (json.has("table")) {
            table = json.string("table");
            for (String part : table.split("\\.", -1)) {
                if (!Json.IDENTIFIER.matcher(part).matches() || table.split("\\.").length > 2) {
                    throw json.get("table").error("'" + table + "' is not a table or view name (name or schema.name)");
                }
            }
        }
        String query = json.has("query") ? json.string("query").strip().replaceAll(";\\s*$", "") : null;
        CohortDefinition cohort = null;
        if (json.has("cohort")) {
            Json definition = json.get("cohort");
            cohort = definition.node().isTextual() ? CohortDefinition.read(base.resolve(definition.text()))
                    : CohortDefinition.parse(definition);
        }
        String schema = json.has("schema") ? json.get("schema").name(Json.IDENTIFIER, "schema name") : null;
        return new Source(name, null, connection, table, query, cohort, schema);
    }

    /** The dataset names, in the file's order. */
    public List<String> names() {
        return List.copyOf(datasets.keySet());
    }

    /** Where a dataset comes from, for the node's operator: a file, or a table, query or cohort of a connection. */
    public String describe(String dataset) {
        Source source = datasets.get(dataset);
        return source == null ? null : source.describe();
    }

    /**
     * Where each dataset comes from, for the node's audit log and its operator: {@code source} (the file, or the
     * table, query or cohort), {@code connection} (its name, URL without parameters and user) and, for a query or a
     * cohort, {@code sqlSha256} (the SHA-256 of the SQL text and its parameters as run).
     */
    public Map<String, Map<String, String>> origins() {
        Map<String, Map<String, String>> origins = new LinkedHashMap<>();
        datasets.forEach((name, source) -> {
            Map<String, String> origin = new LinkedHashMap<>();
            origin.put("source", source.describe().replaceAll(" of connection '.*'$", ""));
            if (source.connection() != null) {
                origin.put("connection", connections.get(source.connection()).describe());
                if (source.table() == null) {
                    String sql = source.query();
                    if (sql == null) {
                        CohortDefinition.Query query = source.cohort().compile(source.schema());
                        sql = query.text() + "\n" + query.parameters();
                    }
                    origin.put("sqlSha256", sha256(sql));
                }
            }
            origins.put(name, origin);
        });
        return origins;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@link #load(BufferAllocator, Collection, Function)} with the process environment. */
    public Map<String, Table> load(BufferAllocator allocator, Collection<String> hiddenColumns)
            throws DatasetSourceException {
        return load(allocator, hiddenColumns, System::getenv);
    }

    /**
     * Materialises every dataset, all or nothing: the tables (without the hidden columns), by name; the caller owns
     * and closes them. On any failure every table already read is closed and the exception names the dataset, the
     * connection and the SQL state.
     *
     * @param environment looks up the environment variables that hold passwords
     */
    public Map<String, Table> load(BufferAllocator allocator, Collection<String> hiddenColumns,
            Function<String, String> environment) throws DatasetSourceException {
        Map<String, Table> loaded = new LinkedHashMap<>();
        try {
            for (Source source : datasets.values()) {
                if (source.file() != null) {
                    try {
                        loaded.put(source.name(), TableFiles.read(source.file(), allocator).without(hiddenColumns));
                    } catch (RuntimeException e) {
                        throw new DatasetSourceException("dataset '" + source.name() + "' (" + source.describe()
                                + "): " + e.getMessage());
                    }
                }
            }
            for (ConnectionSpec connection : connections.values()) {
                List<Source> sources = datasets.values().stream().filter(s -> connection.name().equals(s.connection()))
                        .toList();
                if (!sources.isEmpty()) {
                    loadFrom(connection, sources, allocator, hiddenColumns, environment, loaded);
                }
            }
            Map<String, Table> ordered = new LinkedHashMap<>();
            datasets.keySet().forEach(name -> ordered.put(name, loaded.get(name)));
            return ordered;
        } catch (DatasetSourceException | RuntimeException | Error e) {
            loaded.values().forEach(Table::close);
            throw e;
        }
    }

    private static void loadFrom(ConnectionSpec spec, List<Source> sources, BufferAllocator allocator,
            Collection<String> hidden, Function<String, String> environment, Map<String, Table> loaded)
            throws DatasetSourceException {
        String password = password(spec, environment);
        String which = spec.describe() + " for dataset" + (sources.size() == 1 ? " '" + sources.get(0).name() + "'"
                : "s " + String.join(", ", sources.stream().map(Source::name).toList()));
        Connection connection;
        try {
            connection = connect(spec, password);
        } catch (SQLException e) {
            throw new DatasetSourceException(which + ": cannot connect: " + problem(e, password));
        }
        try (connection) {
            try {
                prepare(connection, spec);
            } catch (SQLException e) {
                throw new DatasetSourceException(which + ": cannot prepare the connection: " + problem(e, password));
            }
            for (Source source : sources) {
                try {
                    loaded.put(source.name(), read(connection, source, allocator).without(hidden));
                } catch (SQLException e) {
                    throw new DatasetSourceException("dataset '" + source.name() + "' (" + source.describe() + ", "
                            + spec.describe() + "): the query failed: " + problem(e, password));
                } catch (DatasetSourceException e) {
                    throw new DatasetSourceException("dataset '" + source.name() + "' (" + source.describe() + ", "
                            + spec.describe() + "): " + e.getMessage());
                }
            }
            if (!connection.getAutoCommit()) {
                connection.rollback(); // read only: nothing to keep
            }
        } catch (SQLException e) {
            throw new DatasetSourceException(which + ": closing failed: " + problem(e, password));
        }
    }

    private static String password(ConnectionSpec spec, Function<String, String> environment)
            throws DatasetSourceException {
        if (spec.passwordFile() != null) {
            try {
                return Files.readString(spec.passwordFile()).strip();
            } catch (IOException e) {
                throw new DatasetSourceException(spec.describe() + ": the password file " + spec.passwordFile()
                        + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (spec.passwordEnv() != null) {
            String value = environment.apply(spec.passwordEnv());
            if (value == null || value.isEmpty()) {
                throw new DatasetSourceException(spec.describe() + ": the environment variable " + spec.passwordEnv()
                        + " that holds its password is not set");
            }
            return value;
        }
        return null;
    }

    private static Connection connect(ConnectionSpec spec, String password) throws SQLException,
            DatasetSourceException {
        Properties properties = new Properties();
        if (spec.user() != null) {
            properties.setProperty("user", spec.user());
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        java.sql.Driver driver;
        String url = spec.url() == null ? "jdbc:duckdb:" : spec.url();
        try {
            if (spec.postgres()) {
                properties.setProperty("connectTimeout", "10");
                properties.setProperty("ApplicationName", "daybreak node");
                driver = new org.postgresql.Driver();
            } else {
                if (spec.url() != null && !url.equals("jdbc:duckdb:") && !url.startsWith("jdbc:duckdb::memory:")) {
                    properties.setProperty("duckdb.read_only", "true");
                }
                driver = new org.duckdb.DuckDBDriver();
            }
        } catch (LinkageError e) {
            throw new DatasetSourceException(spec.describe() + ": the " + (spec.postgres() ? "PostgreSQL JDBC driver "
                    + "(bundle org.postgresql.jdbc)" : "DuckDB JDBC driver (bundle org.duckdb.duckdb_jdbc)")
                    + " is not installed");
        }
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept the URL", "08001");
        }
        return connection;
    }

    /** PostgreSQL: one read-only, repeatable-read transaction; DuckDB: the views over the configured files. */
    private static void prepare(Connection connection, ConnectionSpec spec) throws SQLException {
        if (spec.postgres()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, Path> file : spec.files().entrySet()) {
                String path = file.getValue().toAbsolutePath().toString().replace("'", "''");
                String reader = file.getValue().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
                        ? "read_parquet('" + path + "')" : "read_csv('" + path + "', header = true)";
                statement.execute("CREATE VIEW " + file.getKey() + " AS SELECT * FROM " + reader);
            }
        }
    }

    private static Table read(Connection connection, Source source, BufferAllocator allocator)
            throws SQLException, DatasetSourceException {
        String sql;
        List<Object> parameters = List.of();
        if (source.cohort() != null) {
            CohortDefinition.Query query = source.cohort().compile(source.schema());
            sql = query.text();
            parameters = query.parameters();
        } else {
            String inner = source.table() != null ? "SELECT * FROM " + source.table() : source.query();
            int columns;
            try (Statement statement = connection.createStatement();
                    ResultSet probe = statement.executeQuery("SELECT * FROM (" + inner + "\n) daybreak_rows LIMIT 0")) {
                columns = probe.getMetaData().getColumnCount();
                types(probe.getMetaData());
            }
            // every column, in order: rows come in one order whenever the node starts over unchanged data
            StringBuilder order = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                order.append(c == 1 ? "" : ", ").append(c);
            }
            // (a newline before the parenthesis: a query may end with a -- comment)
            sql = "SELECT * FROM (" + inner + "\n) daybreak_rows ORDER BY " + order;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) instanceof Long value) {
                    statement.setLong(i + 1, value);
                } else {
                    statement.setDouble(i + 1, (Double) parameters.get(i));
                }
            }
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                return table(rows, allocator);
            }
        }
    }

    /** The column types of a result, or an error naming a column whose SQL type a dataset cannot hold. */
    private static ColumnType[] types(ResultSetMetaData meta) throws SQLException, DatasetSourceException {
        ColumnType[] types = new ColumnType[meta.getColumnCount()];
        for (int c = 1; c <= types.length; c++) {
            types[c - 1] = switch (meta.getColumnType(c)) {
            case Types.BIGINT -> ColumnType.INT64;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.INT32;
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> ColumnType.FLOAT64;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.STRING;
            default -> throw new DatasetSourceException("column '" + meta.getColumnLabel(c) + "' has SQL type "
                    + meta.getColumnTypeName(c) + ", which a dataset cannot hold; cast it in a query (numbers, text, "
                    + "booleans; dates are served as ISO text)");
            };
        }
        return types;
    }

    private static Table table(ResultSet rows, BufferAllocator allocator) throws SQLException, DatasetSourceException {
        ResultSetMetaData meta = rows.getMetaData();
        ColumnType[] types = types(meta);
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < types.length; c++) {
            columns.add(new ArrayList<>());
        }
        while (rows.next()) {
            for (int c = 0; c < types.length; c++) {
                Object value = switch (types[c]) {
                case INT64 -> rows.getLong(c + 1);
                case INT32 -> rows.getInt(c + 1);
                case FLOAT64 -> rows.getDouble(c + 1);
                case BOOLEAN -> rows.getBoolean(c + 1);
                default -> rows.getString(c + 1);
                };
                columns.get(c).add(rows.wasNull() ? null : value);
            }
        }
        TableBuilder builder = Table.builder(allocator);
        try {
            for (int c = 0; c < types.length; c++) {
                builder.add(meta.getColumnLabel(c + 1), types[c], columns.get(c));
            }
        } catch (RuntimeException e) {
            throw new DatasetSourceException(e.getMessage());
        }
        return builder.build();
    }

    /** An SQL failure as the operator reads it: the SQL state, its class, and the driver's first line. */
    static String problem(SQLException e, String password) {
        String state = e.getSQLState() == null || e.getSQLState().isBlank() ? null : e.getSQLState();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        return (state == null ? "no SQL state" : "SQL state " + state + stateClass(state)) + ": " + message;
    }

    private static String stateClass(String state) {
        String kind = switch (state.length() < 2 ? "" : state.substring(0, 2)) {
        case "08" -> "connection exception";
        case "28" -> "invalid authorization";
        case "3D" -> "invalid catalog name";
        case "3F" -> "invalid schema name";
        case "42" -> "syntax error or access rule violation";
        case "22" -> "data exception";
        case "25" -> "invalid transaction state";
        case "53" -> "insufficient resources";
        case "57" -> "operator intervention";
        default -> null;
        };
        return kind == null ? "" : " (" + kind + ")";
    }
}
