package io.daybreak.core.provenance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Daybreak bundle whose code a run's method bundle was wired to when the run was submitted: a library such as
 * {@code io.daybreak.stats.models}, or a platform bundle such as {@code io.daybreak.core}.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      its version
 * @param sha256       SHA-256 of its content ({@link BundleDigests})
 */
public record WiredBundle(String symbolicName, String version, String sha256) {
    /** As provenance and result certificates write it: {@code {bundle, version, sha256}}. */
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("bundle", symbolicName);
        document.put("version", version);
        document.put("sha256", sha256);
        return document;
    }
}
