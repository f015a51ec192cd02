package io.daybreak.federation.analysis;

/**
 * The coordinator's line to one site node: sends a round's request and, later, gives the site's signed release. Over
 * gRPC the request goes out at once and {@link Pending#await} waits for the answer, so all sites compute in parallel.
 */
public interface SiteChannel {
    /** The site's name, as the analysis lists it (the common name of its certificate). */
    String name();

    /** Sends the request; the answer is awaited through the returned handle. */
    Pending send(StepRequest request);

    /** A request in flight. */
    @FunctionalInterface
    interface Pending {
        /**
         * @throws io.daybreak.federation.SiteFailedException when the site refuses, fails or does not answer
         */
        SignedRelease await();
    }
}
