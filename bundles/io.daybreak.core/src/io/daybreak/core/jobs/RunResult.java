package io.daybreak.core.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.data.Table;

/**
 * The result of a successful run: output tables, summary and provenance. The output tables live in an
 * allocator owned by this result; {@link #close()} releases them. Whoever takes the result closes it.
 */
public final class RunResult implements AutoCloseable {
    private final Map<String, Table> outputs;
    private final Map<String, Object> summary;
    private final ProvenanceRecord provenance;
    private final BufferAllocator allocator;

    public RunResult(Map<String, Table> outputs, Map<String, Object> summary, ProvenanceRecord provenance,
            BufferAllocator allocator) {
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        this.provenance = provenance;
        this.allocator = allocator;
    }

    public Map<String, Table> outputs() {
        return outputs;
    }

    /** The output with the given name, or the first output if {@code name} is null. */
    public Table output(String name) {
        if (name == null) {
            return outputs.values().stream().findFirst().orElse(null);
        }
        return outputs.get(name);
    }

    public Map<String, Object> summary() {
        return summary;
    }

    public ProvenanceRecord provenance() {
        return provenance;
    }

    @Override
    public void close() {
        outputs.values().forEach(Table::close);
        allocator.close();
    }
}
