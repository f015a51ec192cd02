package io.daybreak.data.cdisc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/** Streams a Dataset-JSON file into Arrow vectors. */
final class DatasetJsonReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern VERSION = Pattern.compile("1\\.1(\\.\\d+)*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<String> TOP_REQUIRED = List.of("datasetJSONCreationDateTime", "datasetJSONVersion",
            "itemGroupOID", "records", "name", "label", "columns");
    private static final Set<String> TOP_TEXT = Set.of("datasetJSONCreationDateTime", "datasetJSONVersion", "fileOID",
            "dbLastModifiedDateTime", "originator", "studyOID", "metaDataVersionOID", "metaDataRef", "itemGroupOID",
            "name", "label");
    private static final List<String> COLUMN_REQUIRED = List.of("itemOID", "name", "label", "dataType");

    private final Path file;
    private final JsonParser parser;
    private final BufferAllocator allocator;
    private final Map<String, String> datasetMetadata = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Column> columns = new ArrayList<>();
    private long records = -1;
    private int rowCount;

    private DatasetJsonReader(Path file, JsonParser parser, BufferAllocator allocator) {
        this.file = file;
        this.parser = parser;
        this.allocator = allocator;
    }

    /** One column: its Dataset-JSON data type and the vector being filled. */
    private record Column(String name, String dataType, FieldVector vector) {
    }

    static Table read(Path file, BufferAllocator allocator) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            return new DatasetJsonReader(file, parser, allocator).read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataFormatException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Table read() throws IOException {
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error("a Dataset-JSON file is a JSON object; found " + parser.currentToken());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                seen.add(key);
                if (TOP_TEXT.contains(key)) {
                    datasetMetadata.put(DatasetJson.PREFIX + key, text(key, token));
                } else if (key.equals("records")) {
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        throw error("'records' must be an integer");
                    }
                    records = parser.getLongValue();
                } else if (key.equals("sourceSystem")) {
                    readSourceSystem(token);
                } else if (key.equals("columns")) {
                    readColumns(token);
                } else if (key.equals("rows")) {
                    if (columns.isEmpty()) {
                        throw error("'rows' comes before 'columns'; this reader needs the columns first");
                    }
                    readRows(token);
                } else {
                    parser.skipChildren();
                }
            }
            for (String required : TOP_REQUIRED) {
                if (!seen.contains(required)) {
                    throw new DataFormatException(file, 0, 0, "at $: missing required attribute '" + required + "'");
                }
            }
            String version = datasetMetadata.get(DatasetJson.PREFIX + "datasetJSONVersion");
            if (!VERSION.matcher(version).matches()) {
                throw new DataFormatException(file, 0, 0, "at $.datasetJSONVersion: unsupported datasetJSONVersion '"
                        + version + "'; this reader reads Dataset-JSON 1.1.x");
            }
            if (records != rowCount) {
                throw new DataFormatException(file, 0, 0, "at $.records: 'records' says " + records + " but 'rows' has "
                        + rowCount);
            }
            List<Field> fields = new ArrayList<>();
            List<FieldVector> vectors = new ArrayList<>();
            for (Column column : columns) {
                column.vector().setValueCount(rowCount);
                fields.add(column.vector().getField());
                vectors.add(column.vector());
            }
            return Table.adopt(new VectorSchemaRoot(new Schema(fields, datasetMetadata), vectors, rowCount));
        } catch (IOException | RuntimeException e) {
            columns.forEach(column -> column.vector().close());
            throw e;
        }
    }

    private String text(String key, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw error("'" + key + "' must be a string");
        }
        return parser.getText();
    }

    private void readSourceSystem(JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw error("'sourceSystem' must be an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("name") || key.equals("version")) {
                datasetMetadata.put(DatasetJson.PREFIX + "sourceSystem." + key, text("sourceSystem." + key, value));
            } else {
                parser.skipChildren();
            }
        }
    }

    private void readColumns(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw error("'columns' must be an array");
        }
        Set<String> names = new HashSet<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            int index = columns.size() + 1;
            Map<String, String> metadata = new LinkedHashMap<>();
            String name = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (key) {
                case "name" -> name = text("columns[" + index + "].name", value);
                case "itemOID", "label", "dataType", "targetDataType", "displayFormat" ->
                    metadata.put(DatasetJson.PREFIX + key, text("columns[" + index + "]." + key, value));
                case "length", "keySequence" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw error("'columns[" + index + "]." + key + "' must be an integer");
                    }
                    metadata.put(DatasetJson.PREFIX + key, Long.toString(parser.getLongValue()));
                }
                default -> parser.skipChildren();
                }
            }
            for (String required : COLUMN_REQUIRED) {
                if (required.equals("name") ? name == null : !metadata.containsKey(DatasetJson.PREFIX + required)) {
                    throw error("column " + index + (name == null ? "" : " ('" + name + "')")
                            + " misses required attribute '" + required + "'");
                }
            }
            String dataType = metadata.get(DatasetJson.DATA_TYPE);
            if (!DatasetJson.DATA_TYPES.contains(dataType)) {
                throw error("column '" + name + "' has unknown dataType '" + dataType + "'; allowed: "
                        + String.join(", ", DatasetJson.DATA_TYPES));
            }
            if (!names.add(name)) {
                throw error("duplicate column name '" + name + "'");
            }
            Field field = new Field(name, new FieldType(true, arrowType(dataType).arrowType(), null, metadata), null);
            FieldVector vector = field.createVector(allocator);
            vector.allocateNew();
            columns.add(new Column(name, dataType, vector));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw error("'columns' must hold objects");
        }
        if (columns.isEmpty()) {
            throw error("'columns' is empty");
        }
    }

    /** The column type a Dataset-JSON data type is read as. */
    static ColumnType arrowType(String dataType) {
        return switch (dataType) {
        case "integer" -> ColumnType.INT64;
        case "decimal", "float", "double" -> ColumnType.FLOAT64;
        case "boolean" -> ColumnType.BOOLEAN;
        default -> ColumnType.STRING;
        };
    }

    private void readRows(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw error("'rows' must be an array");
        }
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            int row = rowCount;
            int index = 0;
            JsonToken value;
            while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (index >= columns.size()) {
                    throw error("row " + (row + 1) + " has more than " + columns.size() + " values");
                }
                set(columns.get(index), row, value);
                index++;
            }
            if (index != columns.size()) {
                throw error("row " + (row + 1) + " has " + index + " values; there are " + columns.size() + " columns");
            }
            rowCount++;
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw error("row " + (rowCount + 1) + " is not an array");
        }
    }

    private void set(Column column, int row, JsonToken token) throws IOException {
        FieldVector vector = column.vector();
        if (token == JsonToken.VALUE_NULL) {
            if (vector instanceof VarCharVector v) {
                v.setNull(row);
            } else if (vector instanceof BigIntVector v) {
                v.setNull(row);
            } else if (vector instanceof Float8Vector v) {
                v.setNull(row);
            } else {
                ((BitVector) vector).setNull(row);
            }
            return;
        }
        switch (column.dataType()) {
        case "integer" -> {
            if (token == JsonToken.VALUE_NUMBER_INT) {
                ((BigIntVector) vector).setSafe(row, parser.getLongValue());
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT && isWhole(parser.getDoubleValue())) {
                ((BigIntVector) vector).setSafe(row, (long) parser.getDoubleValue());
            } else {
                throw misfit(column, row, token);
            }
        }
        case "decimal", "float", "double" -> {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                ((Float8Vector) vector).setSafe(row, parser.getDoubleValue());
            } else if (token == JsonToken.VALUE_STRING && DECIMAL.matcher(parser.getText().strip()).matches()) {
                ((Float8Vector) vector).setSafe(row, Double.parseDouble(parser.getText().strip()));
            } else {
                throw misfit(column, row, token);
            }
        }
        case "boolean" -> {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                ((BitVector) vector).setSafe(row, token == JsonToken.VALUE_TRUE ? 1 : 0);
            } else {
                throw misfit(column, row, token);
            }
        }
        default -> {
            if (token != JsonToken.VALUE_STRING) {
                throw misfit(column, row, token);
            }
            ((VarCharVector) vector).setSafe(row, parser.getText().getBytes(StandardCharsets.UTF_8));
        }
        }
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p63;
    }

    private DataFormatException misfit(Column column, int row, JsonToken token) throws IOException {
        String value = token.isScalarValue() ? (token == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\""
                : parser.getText()) : token.isStructStart() ? "a JSON " + (token == JsonToken.START_ARRAY ? "array" : "object")
                : String.valueOf(token);
        return error("row " + (row + 1) + ", column '" + column.name() + "': value " + value + " does not fit dataType "
                + column.dataType());
    }

    private DataFormatException error(String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new DataFormatException(file, at.getLineNr(), at.getColumnNr(), "at " + path(parser.getParsingContext())
                + ": " + problem);
    }

    /** The JSONPath of the parser's position ({@code $.rows[1][3]}, {@code $.columns[0].dataType}). */
    static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(0, context.getCurrentIndex()) + "]";
        }
        String name = context.getCurrentName();
        return name == null ? parent : parent + "." + name;
    }
}
