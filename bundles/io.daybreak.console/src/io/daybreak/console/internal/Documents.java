package io.daybreak.console.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.vector.types.pojo.Field;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.TableSpec;
import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.core.provenance.WiredBundle;
import io.daybreak.core.registry.RegisteredMethod;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * The documents the commands print: ordered maps of JSON-compatible values. The same document is printed
 * as JSON with {@code --json} and as text otherwise, so both always say the same. The schemas are
 * documented in {@code docs/cli.md}; field names are a public contract.
 */
final class Documents {
    private Documents() {
    }

    static Map<String, Object> methods(List<RegisteredMethod> methods) {
        List<Object> rows = new ArrayList<>();
        for (RegisteredMethod method : methods) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", method.id());
            row.put("version", method.version());
            row.put("category", method.descriptor().category());
            row.put("title", method.descriptor().title());
            row.put("bundle", method.bundleSymbolicName());
            rows.add(row);
        }
        return Map.of("methods", rows);
    }

    static Map<String, Object> describe(RegisteredMethod method) {
        return describe(method.descriptor(), method.version(), method.bundleSymbolicName());
    }

    /** A method's descriptor as a document: local methods and federated ones are described alike. */
    static Map<String, Object> describe(MethodDescriptor descriptor, String version, String bundle) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", descriptor.id());
        doc.put("version", version);
        doc.put("title", descriptor.title());
        doc.put("category", descriptor.category());
        doc.put("reference", descriptor.reference());
        doc.put("description", descriptor.description());
        doc.put("bundle", bundle);
        List<Object> parameters = new ArrayList<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            parameters.add(parameter(spec));
        }
        doc.put("parameters", parameters);
        doc.put("inputs", tableSpecs(descriptor.inputs()));
        doc.put("outputs", tableSpecs(descriptor.outputs()));
        return doc;
    }

    private static Map<String, Object> parameter(ParameterSpec spec) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", spec.name());
        p.put("type", spec.type().label());
        p.put("required", spec.required());
        p.put("default", spec.defaultValue());
        p.put("min", spec.min());
        p.put("minInclusive", spec.min() == null ? null : spec.minInclusive());
        p.put("max", spec.max());
        p.put("maxInclusive", spec.max() == null ? null : spec.maxInclusive());
        p.put("choices", spec.choices());
        p.put("allowed", spec.allowed());
        p.put("unit", spec.unit());
        p.put("doc", spec.doc());
        return p;
    }

    private static List<Object> tableSpecs(List<TableSpec> specs) {
        List<Object> list = new ArrayList<>();
        for (TableSpec spec : specs) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", spec.name());
            t.put("required", spec.required());
            t.put("doc", spec.doc());
            List<Object> columns = new ArrayList<>();
            for (Field field : spec.columns()) {
                columns.add(column(field));
            }
            t.put("columns", columns);
            list.add(t);
        }
        return list;
    }

    private static Map<String, Object> column(Field field) {
        ColumnType type = ColumnType.of(field.getType());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", field.getName());
        c.put("type", type == null ? field.getType().toString() : type.alias());
        return c;
    }

    /**
     * @param written        the name of the output written to {@code outFile}, or null
     * @param provenanceFile where the provenance record was written, or null
     */
    static Map<String, Object> run(Job job, RunResult result, String written, Path outFile, Path provenanceFile) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", job.id());
        doc.put("method", job.methodId());
        doc.put("version", job.methodVersion());
        doc.put("status", job.status().name());
        doc.put("summary", result.summary());
        List<Object> outputList = new ArrayList<>();
        for (Map.Entry<String, Table> output : result.outputs().entrySet()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", output.getKey());
            o.put("rows", output.getValue().rowCount());
            List<Object> columns = new ArrayList<>();
            for (Field field : output.getValue().schema().getFields()) {
                columns.add(column(field));
            }
            o.put("columns", columns);
            o.put("file", output.getKey().equals(written) ? outFile.toString() : null);
            outputList.add(o);
        }
        doc.put("outputs", outputList);
        doc.put("provenanceFile", provenanceFile == null ? null : provenanceFile.toString());
        doc.put("provenance", provenance(result.provenance()));
        return doc;
    }

    /** One job in full: status, summary once it succeeded, provenance once it ended, recent log lines. */
    static Map<String, Object> job(Job job) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", job.id());
        doc.put("method", job.methodId());
        doc.put("version", job.methodVersion());
        doc.put("status", job.status().name());
        doc.put("progress", job.progress());
        doc.put("message", job.message());
        doc.put("submitted", job.submitted().toString());
        doc.put("summary", job.summary());
        doc.put("log", job.log());
        doc.put("provenance", provenance(job.provenance()));
        return doc;
    }

    static Map<String, Object> provenance(ProvenanceRecord record) {
        if (record == null) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("jobId", record.jobId());
        p.put("methodId", record.methodId());
        p.put("methodVersion", record.methodVersion());
        p.put("bundle", record.bundle());
        p.put("bundleSha256", record.bundleSha256());
        p.put("libraries", record.libraries().stream().map(WiredBundle::document).toList());
        p.put("parameters", record.parameters());
        p.put("seed", Long.toString(record.seed()));
        p.put("inputDigests", record.inputDigests());
        p.put("outputDigests", record.outputDigests());
        p.put("status", record.status());
        p.put("message", record.message());
        p.put("started", record.started().toString());
        p.put("finished", record.finished().toString());
        p.put("durationMillis", record.durationMillis());
        p.put("platformVersion", record.platformVersion());
        p.put("javaVersion", record.javaVersion());
        return p;
    }

    static Map<String, Object> submitted(Job job) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", job.id());
        doc.put("method", job.methodId());
        doc.put("version", job.methodVersion());
        doc.put("status", job.status().name());
        return doc;
    }

    static Map<String, Object> jobs(List<Job> jobs) {
        List<Object> rows = new ArrayList<>();
        for (Job job : jobs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", job.id());
            row.put("method", job.methodId());
            row.put("version", job.methodVersion());
            row.put("status", job.status().name());
            row.put("progress", job.progress());
            row.put("message", job.message());
            row.put("submitted", job.submitted().toString());
            rows.add(row);
        }
        return Map.of("jobs", rows);
    }

    static Map<String, Object> cancel(long id, boolean accepted, Job job) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", id);
        doc.put("cancelRequested", accepted);
        doc.put("status", job == null ? null : job.status().name());
        return doc;
    }

    static Map<String, Object> error(String kind, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("kind", kind);
        error.put("message", message);
        return Map.of("error", error);
    }
}
