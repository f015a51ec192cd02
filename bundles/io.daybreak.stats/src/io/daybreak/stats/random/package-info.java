/** Seeded, reproducible random streams whose results do not depend on how work is split over threads. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.random;
