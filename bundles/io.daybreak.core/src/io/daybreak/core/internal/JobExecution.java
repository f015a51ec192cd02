package io.daybreak.core.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.jobs.JobStatus;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.RunCancelledException;
import io.daybreak.core.method.TableSpec;
import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;

/**
 * Runs one job on a worker thread: gives the method a child allocator, moves its outputs into a result
 * allocator (zero copy), then closes the run allocator, so anything the method forgot to release shows up
 * as a leak and fails the run. Ends every job in exactly one final state with a provenance record.
 */
final class JobExecution {
    private final ArrowMemory memory;
    private final String platformVersion;

    JobExecution(ArrowMemory memory, String platformVersion) {
        this.memory = memory;
        this.platformVersion = platformVersion;
    }

    void run(JobRecord job) {
        Instant started = Instant.now();
        Map<String, String> inputDigests = new LinkedHashMap<>();
        String stop = job.stopReason();
        if (stop != null) {
            end(job, JobStatus.CANCELLED, stop, started, inputDigests, null);
            return;
        }
        job.running();
        Map<String, Table> outputs = new LinkedHashMap<>();
        BufferAllocator resultAllocator = null;
        JobStatus status = JobStatus.SUCCEEDED;
        String reason = "";
        Throwable cause = null;
        MethodResult result = null;
        try {
            job.request().inputs().forEach((name, table) -> inputDigests.put(name, TableDigest.sha256(table)));
            try (BufferAllocator runAllocator = memory.newChildAllocator("job-" + job.id() + "-" + job.methodId())) {
                try {
                    result = job.method().method().apply(job.request().inputs(), job.parameters(),
                            new RunContext(job, runAllocator));
                    checkOutputs(job.method().descriptor(), result);
                    resultAllocator = memory.newChildAllocator("result-" + job.id());
                    for (Map.Entry<String, Table> output : result.outputs().entrySet()) {
                        outputs.put(output.getKey(), output.getValue().transferTo(resultAllocator));
                    }
                } finally {
                    if (result != null) {
                        result.outputs().values().forEach(Table::close); // no-op for transferred tables
                    }
                }
            } // closing the run allocator throws if the method leaked Arrow memory
        } catch (RunCancelledException e) {
            status = JobStatus.CANCELLED;
            reason = e.getMessage();
        } catch (IllegalStateException e) {
            status = JobStatus.FAILED;
            reason = e.getMessage() != null && e.getMessage().contains("Memory was leaked")
                    ? "the method leaked Arrow memory: " + e.getMessage() : describe(e);
            cause = e;
        } catch (Throwable e) { // a method's failure must never kill the worker or leave the job open
            status = JobStatus.FAILED;
            reason = describe(e);
            cause = e;
        }
        if (status != JobStatus.SUCCEEDED) {
            outputs.values().forEach(Table::close);
            if (resultAllocator != null) {
                resultAllocator.close();
            }
            end(job, status, reason, started, inputDigests, cause);
            return;
        }
        Map<String, String> outputDigests = new LinkedHashMap<>();
        outputs.forEach((name, table) -> outputDigests.put(name, TableDigest.sha256(table)));
        ProvenanceRecord provenance = provenance(job, status, "", started, inputDigests, outputDigests);
        job.succeeded(new RunResult(outputs, result.summary(), provenance, resultAllocator));
    }

    private static void checkOutputs(MethodDescriptor descriptor, MethodResult result) {
        if (result == null) {
            throw new IllegalStateException("method " + descriptor.id() + " returned no result");
        }
        for (TableSpec spec : descriptor.outputs()) {
            Table table = result.outputs().get(spec.name());
            if (table == null) {
                if (spec.required()) {
                    throw new IllegalStateException("method " + descriptor.id() + " returned no output '" + spec.name() + "'");
                }
                continue;
            }
            spec.checkOutput(table);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    /** Ends a job that never ran or did not stop in time, with its provenance record. */
    void cancelUnfinished(JobRecord job, String reason) {
        end(job, JobStatus.CANCELLED, reason, Instant.now(), Map.of(), null);
    }

    private void end(JobRecord job, JobStatus status, String reason, Instant started, Map<String, String> inputDigests,
            Throwable cause) {
        job.ended(status, reason, provenance(job, status, reason, started, inputDigests, Map.of()), cause);
    }

    private ProvenanceRecord provenance(JobRecord job, JobStatus status, String message, Instant started,
            Map<String, String> inputDigests, Map<String, String> outputDigests) {
        return new ProvenanceRecord(job.id(), job.methodId(), job.methodVersion(), job.method().bundleSymbolicName(),
                job.bundleSha256(), job.libraries(), job.parameters().asMap(), job.seed(), inputDigests,
                outputDigests, status.name(), message, started, Instant.now(), platformVersion,
                Runtime.version().toString());
    }
}
