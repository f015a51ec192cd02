package io.daybreak.federation.analysis;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a federated analysis is, fixed when it opens and the same at every site: an id, the federated method, the
 * dataset, the method's parameters and the ordered list of sites. Everything a site computes in the analysis is a
 * function of this specification and of the analysis's own signed releases, never of a point the requester sends
 * (ADR 0013). Its {@link #sha256() digest} is inside every signed release, so a release cannot be moved from one
 * analysis to another.
 *
 * @param id         a random 128-bit hex id chosen by the coordinator
 * @param method     the federated method's id (e.g. {@code stats.glm})
 * @param dataset    the dataset name at the sites
 * @param parameters the method's parameters, as the researcher gave them (kept sorted by name)
 * @param sites      the sites taking part, in the order the coordinator adds their releases
 * @param datasetDigests the version of the dataset each site must serve (site name to its content digest,
 *                   {@link io.daybreak.federation.site.DatasetVersions}): a listed site whose dataset has another
 *                   digest refuses every round; a site not in the map is not checked
 */
public record AnalysisSpec(String id, String method, String dataset, Map<String, String> parameters,
        List<String> sites, Map<String, String> datasetDigests) {
    /** Names of sites, methods, steps and datasets: no separators, no line breaks. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    /** Limits checked before anything else is done with a specification from the network. */
    public static final int MAX_SITES = 64;
    public static final int MAX_PARAMETERS = 64;
    public static final int MAX_PARAMETER_LENGTH = 4096;

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    public AnalysisSpec {
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
        sites = List.copyOf(sites);
        datasetDigests = java.util.Collections.unmodifiableMap(new TreeMap<>(datasetDigests == null ? Map.of()
                : datasetDigests));
    }

    /** A specification that pins no dataset version. */
    public AnalysisSpec(String id, String method, String dataset, Map<String, String> parameters, List<String> sites) {
        this(id, method, dataset, parameters, sites, Map.of());
    }

    /** A new analysis of {@code method} with a fresh random id. */
    public static AnalysisSpec open(String method, String dataset, Map<String, String> parameters, List<String> sites) {
        return open(method, dataset, parameters, sites, Map.of());
    }

    /** A new analysis of {@code method} with a fresh random id, on these versions of the sites' dataset. */
    public static AnalysisSpec open(String method, String dataset, Map<String, String> parameters, List<String> sites,
            Map<String, String> datasetDigests) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return new AnalysisSpec(HexFormat.of().formatHex(id), method, dataset, parameters, sites, datasetDigests);
    }

    /**
     * Checks the shape of a specification received from the network: id, names, sizes and that no site is listed
     * twice. The messages name the field and the limit, and repeat nothing but what the request held.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public AnalysisSpec validate() {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("analysis id must be 32 lowercase hex digits");
        }
        requireName("method", method);
        requireName("dataset", dataset);
        if (sites.isEmpty() || sites.size() > MAX_SITES) {
            throw new IllegalArgumentException("an analysis lists 1 to " + MAX_SITES + " sites");
        }
        for (String site : sites) {
            requireName("site", site);
        }
        if (sites.stream().distinct().count() != sites.size()) {
            throw new IllegalArgumentException("a site is listed twice in the analysis");
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("an analysis has at most " + MAX_PARAMETERS + " parameters");
        }
        datasetDigests.forEach((site, digest) -> {
            if (!sites.contains(site)) {
                throw new IllegalArgumentException("the analysis pins a dataset version for a site it does not list");
            }
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("a dataset version digest is 64 lowercase hex digits");
            }
        });
        parameters.forEach((name, value) -> {
            requireName("parameter name", name);
            if (value.length() > MAX_PARAMETER_LENGTH || value.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("parameter '" + name + "' is longer than " + MAX_PARAMETER_LENGTH
                        + " characters or holds control characters");
            }
        });
        return this;
    }

    static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 80 letters, digits, '.', '_' or '-'");
        }
    }

    /** SHA-256 (hex) of the canonical JSON of the specification. */
    public String sha256() {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("id", id);
        canonical.put("method", method);
        canonical.put("dataset", dataset);
        canonical.put("parameters", parameters);
        canonical.put("sites", sites);
        if (!datasetDigests.isEmpty()) {
            // only when there are any: the digest of a specification that pins nothing is what it always was
            canonical.put("datasetDigests", datasetDigests);
        }
        return Canonical.sha256(canonical);
    }

    /** Whether {@code site} takes part in the analysis. */
    public boolean lists(String site) {
        return sites.contains(site);
    }
}
