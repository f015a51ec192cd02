/** Asynchronous method runs with progress, cancellation and provenance. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.jobs;
