package io.daybreak.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A study file: one analysis written down so that it can be run again, from the IDE or headless with
 * {@code ./daybreak run-study FILE}. Either a method run on this machine (parameters, seed, input files) or a
 * federated analysis (nodes, dataset, the researcher's certificate files). Paths are relative to the study file.
 *
 * @param method     the method id
 * @param parameters key=value parameters as text, in order
 * @param seed       the random seed, or null for a fresh one
 * @param inputs     input table name to file (local runs)
 * @param federation the federated set-up, or null for a local run
 */
public record Study(String method, Map<String, String> parameters, Long seed, Map<String, String> inputs,
        Federation federation) {

    /** The current format version, written as {@code "daybreakStudy": 1}. */
    public static final int FORMAT = 1;

    public Study {
        Objects.requireNonNull(method, "method");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /**
     * Where the sites are and who the researcher is.
     *
     * @param nodes        site name to host:port
     * @param dataset      the dataset name at the sites
     * @param certificate  the researcher's certificate (PEM)
     * @param key          its private key
     * @param trust        the study CA certificate
     * @param allowPartial whether the analysis may leave out failing sites
     * @param datasetDigests the dataset version the study requires at sites (site name to the content digest that
     *                     {@code fed-datasets} shows); a site serving another version is named and the analysis refused
     */
    public record Federation(Map<String, String> nodes, String dataset, String certificate, String key, String trust,
            boolean allowPartial, Map<String, String> datasetDigests) {
        public Federation {
            nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
            datasetDigests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasetDigests == null ? Map.of()
                    : datasetDigests));
        }

        /** A set-up that pins no dataset version. */
        public Federation(Map<String, String> nodes, String dataset, String certificate, String key, String trust,
                boolean allowPartial) {
            this(nodes, dataset, certificate, key, trust, allowPartial, Map.of());
        }
    }

    /**
     * The console command line this study stands for ({@code run ...} or {@code fed ...}), with paths resolved
     * against the study file's directory; the command is the first element.
     */
    public List<String> commandLine(Path directory) {
        List<String> line = new ArrayList<>();
        if (federation == null) {
            line.add("run");
            line.add(method);
            parameters.forEach((name, value) -> line.add(name + "=" + value));
            inputs.forEach((name, file) -> {
                line.add("--in");
                line.add(name + "=" + directory.resolve(file));
            });
            if (seed != null) {
                line.add("--seed");
                line.add(Long.toString(seed));
            }
            return line;
        }
        line.add("fed");
        line.add(method);
        List<String> nodes = new ArrayList<>();
        federation.nodes().forEach((name, address) -> nodes.add(name + "=" + address));
        line.addAll(List.of("--nodes", String.join(",", nodes), "--cert",
                directory.resolve(federation.certificate()).toString(), "--key", directory.resolve(federation.key())
                        .toString(), "--trust", directory.resolve(federation.trust()).toString()));
        if (federation.allowPartial()) {
            line.add("--allow-partial");
        }
        if (!federation.datasetDigests().isEmpty()) {
            List<String> pins = new ArrayList<>();
            federation.datasetDigests().forEach((site, digest) -> pins.add(site + "=" + digest));
            line.addAll(List.of("--pin", String.join(",", pins)));
        }
        line.add("dataset=" + federation.dataset());
        parameters.forEach((name, value) -> line.add(name + "=" + value));
        return line;
    }
}
