package io.daybreak.core.provenance;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance of one run. Results without provenance do not exist.
 *
 * @param jobId           the job's id in the runtime that ran it
 * @param methodId        the method id
 * @param methodVersion   the method's version (its bundle's version)
 * @param bundle          the providing bundle's symbolic name
 * @param bundleSha256    SHA-256 of the providing bundle's content (see {@code docs/provenance.md})
 * @param libraries       the Daybreak bundles the providing bundle was wired to when the run was submitted (the
 *                        libraries whose code the method calls, and the platform), with their SHA-256, by name
 * @param parameters      every parameter's bound value, defaults included, in descriptor order
 * @param seed            the seed of the run's random streams
 * @param inputDigests    SHA-256 of each input table's logical content
 * @param outputDigests   SHA-256 of each output table's logical content (empty unless it succeeded)
 * @param status          the final job status
 * @param message         failure or cancellation reason, else empty
 * @param started         when the method started (or the job ended, if it never started)
 * @param finished        when the job reached its final state
 * @param platformVersion the version of {@code io.daybreak.core}
 * @param javaVersion     the Java runtime version
 */
public record ProvenanceRecord(long jobId, String methodId, String methodVersion, String bundle, String bundleSha256,
        List<WiredBundle> libraries, Map<String, Object> parameters, long seed, Map<String, String> inputDigests,
        Map<String, String> outputDigests,
        String status, String message, Instant started, Instant finished, String platformVersion, String javaVersion) {

    public ProvenanceRecord {
        libraries = List.copyOf(libraries);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputDigests = Collections.unmodifiableMap(new LinkedHashMap<>(inputDigests));
        outputDigests = Collections.unmodifiableMap(new LinkedHashMap<>(outputDigests));
    }

    /** Wall-clock duration of the run in milliseconds. */
    public long durationMillis() {
        return java.time.Duration.between(started, finished).toMillis();
    }
}
