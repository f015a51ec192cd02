package io.daybreak.federation;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.annotation.versioning.ConsumerType;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;

/**
 * The coordinator side of a federated method, offered as a service by the bundle that also provides its
 * {@link SiteStep}: it runs the analysis over the given sites from their releases alone and returns a summary
 * (numbers, strings, lists), with the rounds it took and whether it converged, for the result certificate. Every
 * site replays {@link #run} to find the points it evaluates at (ADR 0013), so it must be deterministic: no clock, no
 * unseeded randomness, nothing but its parameters and the releases it receives.
 * <p>
 * Its parameters are typed ({@link #descriptor()}): the coordinator and every site bind the analysis
 * specification's text values with the same specs, so a bad value is refused before any site computes, names the
 * parameter and what is allowed, and the IDE generates a form for it as for a local method.
 */
@ConsumerType
public interface FederatedMethod {
    /**
     * What the method is and the parameters it takes. Its id is the site step's method id (the nodes' allow-lists
     * name it); the dataset is not a parameter (an analysis names it).
     */
    MethodDescriptor descriptor();

    /** The method id, {@code descriptor().id()}. */
    default String id() {
        return descriptor().id();
    }

    /**
     * Runs the analysis on bound parameters.
     *
     * @throws IllegalArgumentException for parameters that are valid one by one but not together (named)
     * @throws SiteFailedException      when a site fails or refuses (the analysis fails closed)
     */
    Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator);

    /**
     * Binds text values ({@code key=value} from a command line, a study file or an analysis specification) with
     * the descriptor and runs the analysis.
     *
     * @throws io.daybreak.core.method.InvalidParameterException naming an unknown, missing or malformed parameter
     */
    default Outcome run(Sites sites, Map<String, String> parameters, BufferAllocator allocator) {
        return run(sites, Parameters.bind(descriptor(), parameters), allocator);
    }

    /**
     * The parameters completed from the dataset's column names before the analysis opens (the names are the same at
     * every site and listed to any researcher; no value is read): e.g. a survival method's defaults for a CDISC ADaM
     * dataset. What this returns is what the analysis specification carries, so the sites replay exactly it and the
     * certificate records it. By default the parameters as given.
     *
     * @throws io.daybreak.core.method.InvalidParameterException when the dataset cannot be analysed with them (named)
     */
    default Map<String, String> withDatasetDefaults(Map<String, String> parameters, List<String> columns) {
        return parameters;
    }

    /**
     * @param summary   the results
     * @param rounds    calls made to all sites
     * @param converged whether an iterative fit converged (true for one-round analyses)
     */
    record Outcome(Map<String, Object> summary, int rounds, boolean converged) {
    }
}
