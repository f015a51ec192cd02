/**
 * Early efficacy signals in single-arm Phase II: Thall–Simon boundaries against a standard-of-care prior,
 * Bayesian response-rate summaries with exact intervals. No Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.signal.efficacy;
