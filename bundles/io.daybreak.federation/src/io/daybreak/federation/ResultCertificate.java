package io.daybreak.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificate that comes with every federated result: which code computed it (method id and version, the
 * providing bundle and its SHA-256), on which dataset, from which sites with how many rows, who was left out
 * and why, rounds and convergence, and that every release passed the sites' policy checks.
 */
public final class ResultCertificate {
    private ResultCertificate() {
    }

    /**
     * @param bundleVersion the providing bundle's version (the method's version)
     * @param bundleSha256  SHA-256 of the providing bundle, as a node's allow-list can pin it
     */
    public static Map<String, Object> of(FederatedMethod method, String bundleName, String bundleVersion,
            String bundleSha256, String dataset, FederatedRun.Result result) {
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("method", method.id() + "@" + bundleVersion);
        certificate.put("bundle", bundleName);
        certificate.put("bundleSha256", bundleSha256);
        certificate.put("dataset", dataset);
        certificate.put("sites", entries(result.participants(), "n"));
        if (!result.excluded().isEmpty()) {
            certificate.put("excluded", entries(result.excluded(), "reason"));
            certificate.put("partial", "yes: computed without the excluded sites (--allow-partial)");
        }
        certificate.put("rounds", (long) result.outcome().rounds());
        certificate.put("converged", result.outcome().converged());
        certificate.put("policyChecks", "passed at every site (each release was checked and audited before it was sent)");
        return certificate;
    }

    private static List<Object> entries(Map<String, ?> bySite, String key) {
        List<Object> entries = new ArrayList<>();
        bySite.forEach((site, value) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("site", site);
            entry.put(key, value);
            entries.add(entry);
        });
        return entries;
    }
}
