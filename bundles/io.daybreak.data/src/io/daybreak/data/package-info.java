/**
 * The Daybreak data contract: immutable {@link io.daybreak.data.Table}s over Arrow vectors, typed column
 * views, builders, and the Arrow memory service that owns the runtime's root allocator.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.data;
