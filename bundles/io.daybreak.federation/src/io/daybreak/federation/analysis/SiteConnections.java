package io.daybreak.federation.analysis;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.federation.Sites;
import io.daybreak.federation.site.DatasetInfo;

/**
 * A coordinator's connections to the site nodes of a study, for one dataset: it lists what the sites offer and opens
 * analyses on them. The {@link Sites} an analysis runs on sends rounds of that analysis only (see
 * {@link AnalysisSites}).
 */
public interface SiteConnections {
    /** Site names, in the fixed order their releases are added in. */
    List<String> names();

    /** The dataset analysed. */
    String dataset();

    /**
     * What each site says about the dataset (columns, types, rows; never rows themselves).
     *
     * @throws io.daybreak.federation.SiteFailedException naming a site that does not answer or lacks the dataset
     */
    Map<String, DatasetInfo> datasetInfo();

    /** The same connections restricted to these sites. */
    SiteConnections only(List<String> names);

    /** The line to each site, by name, in {@link #names()} order. */
    Map<String, SiteChannel> channels();

    /** What the coordinator checks every release's signature with. */
    ReleaseVerifier verifier();

    /** Where released aggregates are decoded. */
    BufferAllocator allocator();

    /** Opens an analysis on these sites. */
    default AnalysisSites open(AnalysisSpec spec) {
        return new AnalysisSites(spec, channels(), verifier(), allocator(), this::datasetInfo);
    }
}
