package io.daybreak.federation;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The coordinator side of a federated method, offered as a service by the bundle that also provides its
 * {@link SiteStep}: it runs the analysis over the given sites from their releases alone and returns a summary
 * (numbers, strings, lists), with the rounds it took and whether it converged, for the result certificate. Every
 * site replays {@link #run} to find the points it evaluates at (ADR 0013), so it must be deterministic: no clock, no
 * unseeded randomness, nothing but its parameters and the releases it receives.
 */
@ConsumerType
public interface FederatedMethod {
    /** The method id, the same as its site step's (the nodes' allow-lists name it). */
    String id();

    /** One line on what it computes. */
    String title();

    /** The parameters it takes, as {@code name: description} lines, for the console's help. */
    List<String> parameters();

    /**
     * Runs the analysis.
     *
     * @param parameters key=value parameters from the command line
     * @throws IllegalArgumentException for a missing or malformed parameter (named)
     * @throws SiteFailedException      when a site fails or refuses (the analysis fails closed)
     */
    Outcome run(Sites sites, Map<String, String> parameters, BufferAllocator allocator);

    /**
     * @param summary   the results
     * @param rounds    calls made to all sites
     * @param converged whether an iterative fit converged (true for one-round analyses)
     */
    record Outcome(Map<String, Object> summary, int rounds, boolean converged) {
    }
}
