/**
 * Survival models: Cox sums, fits and robust variance, Kaplan-Meier, event counts, the log-rank test and
 * the survival columns survival methods read.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.models.survival;
