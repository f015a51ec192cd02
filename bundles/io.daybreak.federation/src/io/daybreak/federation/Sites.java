package io.daybreak.federation;

import java.util.List;
import java.util.Map;

/**
 * The coordinator's view of the sites taking part: it sends a step to all of them and gets their
 * aggregates. An exact analysis fails closed: if any site errors, refuses or does not answer,
 * {@link #call} throws {@link SiteFailedException} naming the site.
 */
public interface Sites {
    /** Site names, in a fixed order (aggregation follows it, so results do not depend on answer order). */
    List<String> names();

    /** Sends one step of a method to every site and returns each site's aggregates by name. */
    Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments);

    /** Rows of the dataset at each site (from the dataset registry; never rows themselves). */
    Map<String, Long> sizes();
}
