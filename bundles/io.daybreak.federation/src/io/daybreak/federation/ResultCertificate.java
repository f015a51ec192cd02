package io.daybreak.federation;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.analysis.SignedRelease;

/**
 * The certificate that comes with every federated result: which code computed it (method id and version, the
 * providing bundle and its SHA-256), on which dataset, from which sites with how many rows and which version of
 * their data (each site's content digest, part of the analysis specification every release is signed over), who was
 * left out and why, rounds and convergence, and that every release passed the sites' policy checks.
 */
public final class ResultCertificate {
    private ResultCertificate() {
    }

    /**
     * @param bundleVersion the providing bundle's version (the method's version)
     * @param bundleSha256  SHA-256 of the providing bundle, as a node's allow-list can pin it
     * @param libraries     the Daybreak bundles the providing bundle is wired to (bundle, version, sha256 each): the
     *                      library code the coordinator ran
     */
    public static Map<String, Object> of(FederatedMethod method, String bundleName, String bundleVersion,
            String bundleSha256, List<Map<String, Object>> libraries, String dataset, FederatedRun.Result result) {
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("method", method.id() + "@" + bundleVersion);
        certificate.put("bundle", bundleName);
        certificate.put("bundleSha256", bundleSha256);
        certificate.put("libraries", List.copyOf(libraries));
        certificate.put("dataset", dataset);
        List<Object> sites = entries(result.participants(), "n");
        Map<String, String> versions = result.analysis().datasetDigests();
        for (Object site : sites) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) site;
            String digest = versions.get((String) entry.get("site"));
            if (digest != null) {
                entry.put("datasetDigest", digest);
            }
        }
        certificate.put("sites", sites);
        certificate.put("datasetVersions", result.pins().isEmpty()
                ? "recorded: each site's content digest when the analysis opened, which the site checked in every round"
                : "pinned by the study for " + result.pins().keySet().stream().sorted().toList() + "; each site checked "
                        + "its content digest in every round");
        if (!result.excluded().isEmpty()) {
            certificate.put("excluded", entries(result.excluded(), "reason"));
            certificate.put("partial", "yes: computed without the excluded sites (--allow-partial)");
        }
        certificate.put("analysis", result.analysis().id());
        certificate.put("analysisSha256", result.analysis().sha256());
        certificate.put("rounds", (long) result.outcome().rounds());
        certificate.put("converged", result.outcome().converged());
        certificate.put("policyChecks", "passed at every site (each release was checked and audited before it was sent)");
        certificate.put("auditHeads", auditHeads(result.releases()));
        return certificate;
    }

    /**
     * Each site's audit head after its last release, with the site's signature over it (SHA256withECDSA over the
     * release payload: site, analysis, specification digest, round, method, step, arguments digest, SHA-256 of the
     * released bytes, audit entries and head). A site's log that later shows fewer entries, or another head at that
     * entry, was truncated or rewritten.
     */
    private static List<Object> auditHeads(Map<String, SignedRelease> releases) {
        List<Object> heads = new ArrayList<>();
        releases.forEach((site, release) -> {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("site", site);
            head.put("round", (long) release.round());
            head.put("step", release.method() + "/" + release.step());
            head.put("argumentsSha256", release.argumentsSha256());
            head.put("releaseSha256", release.aggregatesSha256());
            head.put("auditEntries", release.auditEntries());
            head.put("auditHead", release.auditHead());
            head.put("signature", Base64.getEncoder().encodeToString(release.signature()));
            heads.add(head);
        });
        return heads;
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
