package io.daybreak.data.cdisc;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.daybreak.data.AtomicFiles;
import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/** Streams a table into a Dataset-JSON v1.1 file. */
final class DatasetJsonWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final List<String> TOP_TEXT = List.of("fileOID", "dbLastModifiedDateTime", "originator");
    private static final List<String> STUDY_TEXT = List.of("studyOID", "metaDataVersionOID", "metaDataRef");

    private DatasetJsonWriter() {
    }

    /** A column to write: its vector, Dataset-JSON type and attributes. */
    private record Column(FieldVector vector, String dataType, Map<String, String> metadata) {
    }

    static void write(Table table, Path file) throws IOException {
        Map<String, String> dataset = table.metadata();
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dataset.getOrDefault(DatasetJson.PREFIX + "name",
                (dot < 0 ? fileName : fileName.substring(0, dot)).toUpperCase(Locale.ROOT));
        List<Column> columns = new ArrayList<>();
        for (String column : table.columnNames()) {
            FieldVector vector = table.vector(column);
            ColumnType type = table.columnType(column);
            Map<String, String> metadata = table.columnMetadata(column);
            String dataType = metadata.get(DatasetJson.DATA_TYPE);
            if (dataType == null || !DatasetJson.DATA_TYPES.contains(dataType)
                    || DatasetJsonReader.arrowType(dataType) != widen(type)) {
                dataType = defaultDataType(column, type);
            }
            columns.add(new Column(vector, dataType, metadata));
        }
        int rows = table.rowCount();
        AtomicFiles.write(file, out -> {
            try (JsonGenerator json = JSON.createGenerator(noClose(out), JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("datasetJSONCreationDateTime",
                        LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
                json.writeStringField("datasetJSONVersion", DatasetJson.VERSION);
                writeOptional(json, dataset, TOP_TEXT);
                String system = dataset.get(DatasetJson.PREFIX + "sourceSystem.name");
                if (system != null) {
                    json.writeObjectFieldStart("sourceSystem");
                    json.writeStringField("name", system);
                    String version = dataset.get(DatasetJson.PREFIX + "sourceSystem.version");
                    if (version != null) {
                        json.writeStringField("version", version);
                    }
                    json.writeEndObject();
                }
                writeOptional(json, dataset, STUDY_TEXT);
                json.writeStringField("itemGroupOID", dataset.getOrDefault(DatasetJson.PREFIX + "itemGroupOID", "IG." + name));
                json.writeNumberField("records", rows);
                json.writeStringField("name", name);
                json.writeStringField("label", dataset.getOrDefault(DatasetJson.PREFIX + "label", name));
                json.writeArrayFieldStart("columns");
                for (Column column : columns) {
                    writeColumn(json, column, name);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("rows");
                for (int row = 0; row < rows; row++) {
                    json.writeStartArray();
                    for (Column column : columns) {
                        writeValue(json, column, row);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    private static ColumnType widen(ColumnType type) {
        return type == ColumnType.INT32 ? ColumnType.INT64 : type;
    }

    private static String defaultDataType(String column, ColumnType type) {
        if (type == null) {
            throw new InvalidInputException("column '" + column + "' has an Arrow type Dataset-JSON cannot hold");
        }
        return switch (type) {
        case INT64, INT32 -> "integer";
        case FLOAT64 -> "double";
        case BOOLEAN -> "boolean";
        case STRING -> "string";
        };
    }

    private static void writeOptional(JsonGenerator json, Map<String, String> dataset, List<String> keys) throws IOException {
        for (String key : keys) {
            String value = dataset.get(DatasetJson.PREFIX + key);
            if (value != null) {
                json.writeStringField(key, value);
            }
        }
    }

    private static void writeColumn(JsonGenerator json, Column column, String dataset) throws IOException {
        Map<String, String> metadata = column.metadata();
        String name = column.vector().getName();
        json.writeStartObject();
        json.writeStringField("itemOID", metadata.getOrDefault(DatasetJson.ITEM_OID, "IT." + dataset + "." + name));
        json.writeStringField("name", name);
        json.writeStringField("label", metadata.getOrDefault(DatasetJson.LABEL, name));
        json.writeStringField("dataType", column.dataType());
        String target = metadata.get(DatasetJson.TARGET_DATA_TYPE);
        if (target != null) {
            json.writeStringField("targetDataType", target);
        }
        writeInteger(json, "length", metadata.get(DatasetJson.LENGTH));
        String format = metadata.get(DatasetJson.DISPLAY_FORMAT);
        if (format != null) {
            json.writeStringField("displayFormat", format);
        }
        writeInteger(json, "keySequence", metadata.get(DatasetJson.KEY_SEQUENCE));
        json.writeEndObject();
    }

    private static void writeInteger(JsonGenerator json, String key, String value) throws IOException {
        if (value != null) {
            try {
                json.writeNumberField(key, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("column attribute '" + key + "' is not an integer: '" + value + "'");
            }
        }
    }

    private static void writeValue(JsonGenerator json, Column column, int row) throws IOException {
        FieldVector vector = column.vector();
        if (vector.isNull(row)) {
            json.writeNull();
        } else if (vector instanceof VarCharVector v) {
            json.writeString(new String(v.get(row), java.nio.charset.StandardCharsets.UTF_8));
        } else if (vector instanceof BigIntVector v) {
            json.writeNumber(v.get(row));
        } else if (vector instanceof IntVector v) {
            json.writeNumber(v.get(row));
        } else if (vector instanceof BitVector v) {
            json.writeBoolean(v.get(row) != 0);
        } else {
            double value = ((Float8Vector) vector).get(row);
            if (!Double.isFinite(value)) {
                throw new InvalidInputException("row " + (row + 1) + ", column '" + vector.getName() + "': " + value
                        + " cannot be written to Dataset-JSON (no NaN or infinity); make it missing (null) first");
            }
            if (column.dataType().equals("decimal")) {
                json.writeString(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
            } else {
                json.writeNumber(value);
            }
        }
    }

    /** The generator must not close the atomic writer's stream: that closes it itself. */
    private static OutputStream noClose(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
