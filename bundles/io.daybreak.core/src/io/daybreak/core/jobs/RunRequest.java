package io.daybreak.core.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.daybreak.data.Table;

/**
 * A request to run a method.
 *
 * @param methodId   the method's id
 * @param parameters raw values by parameter name: text (as typed on a command line) or typed values
 * @param inputs     input tables by the names of the method's input specs; they stay owned by the caller,
 *                   who must keep them open until the job has finished
 * @param seed       the seed for the run's random streams, or {@code null} to draw one (it is recorded in
 *                   the provenance either way)
 */
public record RunRequest(String methodId, Map<String, ?> parameters, Map<String, Table> inputs, Long seed) {

    public RunRequest {
        Objects.requireNonNull(methodId, "methodId");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs == null ? Map.of() : inputs));
    }

    public static RunRequest of(String methodId, Map<String, ?> parameters) {
        return new RunRequest(methodId, parameters, Map.of(), null);
    }
}
