/**
 * Survival models: Cox sums, fits and robust variance, Kaplan-Meier, event counts, the log-rank test and
 * the survival columns survival methods read; diagnostics and summaries: the proportional-hazards test
 * ({@code CoxZph}), Harrell's concordance ({@code Concordance}) and the restricted mean survival time
 * ({@code Rmst}).
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package io.daybreak.stats.models.survival;
