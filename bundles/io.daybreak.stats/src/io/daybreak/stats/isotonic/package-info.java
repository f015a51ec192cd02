/** Isotonic (monotone) regression. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.isotonic;
