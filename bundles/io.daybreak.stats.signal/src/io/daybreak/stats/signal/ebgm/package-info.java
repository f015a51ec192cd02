/**
 * DuMouchel's empirical Bayes multi-item gamma-Poisson shrinker (MGPS) as openEBGM computes it: the two-gamma
 * mixture prior fitted by maximum likelihood, data squashing, EBGM and posterior quantiles. No Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.signal.ebgm;
