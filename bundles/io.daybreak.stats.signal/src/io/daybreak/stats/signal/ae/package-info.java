/**
 * Adverse-event comparisons in trials: incidence by arm, risk differences and ratios, exposure-adjusted rates,
 * multiplicity adjustment within body systems (BH, Mehrotra–Heyse Double FDR) and the Berry &amp; Berry
 * hierarchical model. No Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.signal.ae;
