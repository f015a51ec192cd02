package io.daybreak.data.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Base64;

import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The {@code ARROW:schema} key-value metadata that Arrow's Parquet writers (pyarrow, R arrow, arrow-rs) store: the
 * schema as an encapsulated Arrow IPC message, base64-encoded. It carries what Parquet's own schema cannot: schema and
 * field metadata (labels, Dataset-JSON attributes) and, for the readers that use it, the exact Arrow types.
 */
final class ArrowSchemaMetadata {
    /** The key, as pyarrow writes it. */
    static final String KEY = "ARROW:schema";

    private ArrowSchemaMetadata() {
    }

    static String encode(Schema schema) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), schema);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The schema in {@code value}, or {@code null} if it is not one (a foreign or damaged entry is ignored). */
    static Schema decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            byte[] message = Base64.getMimeDecoder().decode(value);
            return MessageSerializer.deserializeSchema(new ReadChannel(Channels.newChannel(new ByteArrayInputStream(message))));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
