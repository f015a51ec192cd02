package io.daybreak.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.Parameters;
import io.daybreak.data.InvalidInputException;
import io.daybreak.federation.analysis.AnalysisSites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.SiteConnections;
import io.daybreak.federation.site.DatasetInfo;
import io.daybreak.federation.site.DatasetVersions;

/**
 * Runs a federated method the way a coordinator must: first checks that every site offers the dataset with the
 * same columns of the same kinds (a schema mismatch is an error naming the sites and the column) and, where the study
 * pins a version of a site's dataset, that the site serves that version (else the analysis is refused naming every
 * such site, before any step runs), then opens an analysis (a fresh id, the method, its parameters, the sites and the
 * version digest each site reported, fixed from now on; each site refuses every round if its dataset is not that
 * version) and runs the method on it. An
 * exact analysis fails closed on the first site that fails. With {@code allowPartial} (opt-in) a failing site is
 * left out and a new analysis starts from the beginning on the remaining sites, so every round of the final run saw
 * the same sites; the result lists who took part and why the others did not.
 */
public final class FederatedRun {
    private FederatedRun() {
    }

    /**
     * @param outcome      the method's result on the participating sites
     * @param participants the sites whose data the result is computed from, with their rows
     * @param excluded     sites left out (only with allowPartial), with the reason each failed
     * @param analysis     the analysis the result comes from (id, method, parameters, sites)
     * @param releases     each site's last signed release: its signature over the site's audit head
     * @param pins         the dataset versions the study pinned (site to content digest); the versions every site
     *                     computed on are in {@code analysis.datasetDigests()}
     */
    public record Result(FederatedMethod.Outcome outcome, Map<String, Long> participants, Map<String, String> excluded,
            AnalysisSpec analysis, Map<String, SignedRelease> releases, Map<String, String> pins) {
        public Result {
            pins = Map.copyOf(pins);
        }
    }

    /** An analysis that pins no dataset version (each site's version is still recorded and held fixed). */
    public static Result run(FederatedMethod method, SiteConnections sites, Map<String, String> parameters,
            BufferAllocator allocator, boolean allowPartial) {
        return run(method, sites, parameters, allocator, allowPartial, Map.of());
    }

    /**
     * @param pins the version of the dataset the study requires at some sites: site name to the content digest that
     *             {@code fed-datasets} showed for it
     * @throws IllegalArgumentException      for a bad parameter or a pin that names no site of the analysis or is not
     *                                       a digest
     * @throws DatasetChangedException naming every pinned site that serves another version
     */
    public static Result run(FederatedMethod method, SiteConnections sites, Map<String, String> parameters,
            BufferAllocator allocator, boolean allowPartial, Map<String, String> pins) {
        // bound before any site is asked: a bad value is the researcher's to fix, named, and costs no round
        Parameters.bind(method.descriptor(), parameters);
        pins.forEach((site, digest) -> {
            if (!sites.names().contains(site)) {
                throw new IllegalArgumentException("a dataset version is pinned for site '" + site + "', which is not "
                        + "one of the sites " + sites.names());
            }
            if (!DatasetVersions.DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("the dataset version pinned for site '" + site + "' is not a "
                        + "content digest (64 lowercase hex digits, as fed-datasets shows them)");
            }
        });
        List<String> taking = new ArrayList<>(sites.names());
        Map<String, String> excluded = new LinkedHashMap<>();
        while (true) {
            SiteConnections current = sites.only(taking);
            try {
                Map<String, DatasetInfo> infos = current.datasetInfo();
                requireSameSchema(infos);
                requirePinnedVersions(current.dataset(), infos, pins);
                // defaults from the dataset's columns (ADaM's, say) become explicit parameters of the specification
                Map<String, String> effective = infos.isEmpty() ? parameters
                        : method.withDatasetDefaults(parameters, infos.values().iterator().next().columns());
                Parameters bound = Parameters.bind(method.descriptor(), effective);
                Map<String, String> versions = new LinkedHashMap<>();
                infos.forEach((site, info) -> {
                    if (!info.digest().isEmpty()) {
                        versions.put(site, info.digest());
                    }
                });
                AnalysisSites analysis = current.open(AnalysisSpec.open(method.id(), current.dataset(), effective,
                        current.names(), versions));
                FederatedMethod.Outcome outcome;
                try {
                    outcome = method.run(analysis, bound, allocator);
                } catch (SiteFailedException | IllegalArgumentException | InvalidInputException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the analysis failed while combining the releases of round "
                            + analysis.rounds() + " from sites " + analysis.names() + " (" + e.getClass()
                            .getSimpleName() + "): a site may have released aggregates of the wrong shape", e);
                }
                Map<String, Long> participants = new LinkedHashMap<>();
                infos.forEach((site, info) -> participants.put(site, info.rows()));
                return new Result(outcome, participants, excluded, analysis.spec(), analysis.latestReleases(), pins);
            } catch (SiteFailedException e) {
                if (!allowPartial || !taking.contains(e.site())) {
                    throw e;
                }
                excluded.put(e.site(), e.reason());
                taking.remove(e.site());
                if (taking.isEmpty()) {
                    throw new SiteFailedException(e.site(), e.reason() + "; no site is left to analyse (left out: "
                            + excluded.keySet() + ")");
                }
            }
        }
    }

    /**
     * Every pinned site that takes part must report the pinned version.
     *
     * @throws DatasetChangedException naming each site whose digest differs, and nothing else about it
     */
    static void requirePinnedVersions(String dataset, Map<String, DatasetInfo> infos, Map<String, String> pins) {
        List<String> changed = new ArrayList<>();
        infos.forEach((site, info) -> {
            String pinned = pins.get(site);
            if (pinned != null && !pinned.equals(info.digest())) {
                changed.add(site);
            }
        });
        if (!changed.isEmpty()) {
            throw new DatasetChangedException(changed, "dataset '" + dataset + "' is not the pinned version at "
                    + (changed.size() == 1 ? "site '" + changed.get(0) + "'" : "sites '" + String.join("', '", changed)
                            + "'") + ": the content digest differs from the study's pin (the data, the columns served "
                    + "or the site's version key changed); the analysis was not opened and nothing was computed. "
                    + "fed-datasets shows each site's current digest");
        }
    }

    /**
     * The sites' copies of a dataset must have the same columns, each holding the same kind of values (numbers,
     * text or booleans; integer and floating-point columns are both numbers).
     *
     * @throws SchemaMismatchException naming the first difference
     */
    static void requireSameSchema(Map<String, DatasetInfo> infos) {
        String firstSite = null;
        Map<String, String> reference = null;
        for (Map.Entry<String, DatasetInfo> entry : infos.entrySet()) {
            Map<String, String> kinds = kinds(entry.getValue());
            if (reference == null) {
                firstSite = entry.getKey();
                reference = kinds;
                continue;
            }
            String dataset = entry.getValue().name();
            for (String column : reference.keySet()) {
                if (!kinds.containsKey(column)) {
                    throw new SchemaMismatchException("dataset '" + dataset + "' differs between sites: site '"
                            + entry.getKey() + "' has no column '" + column + "', site '" + firstSite + "' has");
                }
                if (!kinds.get(column).equals(reference.get(column))) {
                    throw new SchemaMismatchException("dataset '" + dataset + "' differs between sites: column '"
                            + column + "' holds " + kinds.get(column) + " at site '" + entry.getKey() + "' but "
                            + reference.get(column) + " at site '" + firstSite + "'");
                }
            }
            for (String column : kinds.keySet()) {
                if (!reference.containsKey(column)) {
                    throw new SchemaMismatchException("dataset '" + dataset + "' differs between sites: site '"
                            + entry.getKey() + "' has a column '" + column + "' that site '" + firstSite + "' has not");
                }
            }
        }
    }

    private static Map<String, String> kinds(DatasetInfo info) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int c = 0; c < info.columns().size(); c++) {
            String type = info.types().get(c);
            kinds.put(info.columns().get(c), switch (type) {
            case "int64", "int32", "float64" -> "numbers";
            case "string" -> "text";
            default -> type;
            });
        }
        return kinds;
    }

    /** Pinned sites serve another version of the dataset than the study pinned; the analysis was refused. */
    public static final class DatasetChangedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> sites;

        DatasetChangedException(List<String> sites, String message) {
            super(message);
            this.sites = List.copyOf(sites);
        }

        /** The sites whose dataset is not the pinned version. */
        public List<String> sites() {
            return sites;
        }
    }

    /** The sites' copies of the dataset do not have the same columns: a study set-up error, not a site failure. */
    public static final class SchemaMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaMismatchException(String message) {
            super(message);
        }
    }
}
