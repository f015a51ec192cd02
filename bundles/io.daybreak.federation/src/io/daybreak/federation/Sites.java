package io.daybreak.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.daybreak.federation.site.DatasetInfo;

/**
 * The coordinator's view of the sites taking part: it sends a step to all of them and gets their
 * aggregates. An exact analysis fails closed: if any site errors, refuses or does not answer,
 * {@link #call} throws {@link SiteFailedException} naming the site.
 */
@ProviderType
public interface Sites {
    /** Site names, in a fixed order (aggregation follows it, so results do not depend on answer order). */
    List<String> names();

    /** Sends one step of a method to every site and returns each site's aggregates by name. */
    Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments);

    /**
     * What each site says about the analysed dataset: columns, types and rows (never rows themselves).
     *
     * @throws SiteFailedException naming a site that does not answer or does not offer the dataset
     */
    Map<String, DatasetInfo> datasetInfo();

    /** The same connections restricted to these sites (for an analysis some sites cannot take part in). */
    Sites only(List<String> names);

    /** Rows of the dataset at each site. */
    default Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        datasetInfo().forEach((site, info) -> sizes.put(site, info.rows()));
        return sizes;
    }
}
