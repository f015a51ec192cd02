package io.daybreak.federation;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

import io.daybreak.data.Table;

/**
 * The site side of a federated method: computes one step's aggregates from the site's own data. It runs on
 * the node, next to the data, and must put everything it releases through the {@link ReleaseGuard}, which
 * applies the site's disclosure policy. Implementations are stateless (a DS service of a method bundle).
 */
@ConsumerType
public interface SiteStep {
    /** The federated method this step belongs to (the allow-list names it). */
    String method();

    /**
     * @param step      the step name (e.g. "eventTimes", "sums")
     * @param arguments the coordinator's arguments (numbers, strings, lists), already size-checked
     * @param data      the site's dataset
     * @param guard     the disclosure checks to apply before returning
     */
    Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard);
}
