/**
 * The causal-inference models behind the {@code causal.*} methods and the external-control example: propensity
 * models, balancing weights (ATE, ATT, ATO; stabilised, trimmed), balance tables, nearest-neighbour matching,
 * outcome models, the IPTW, g-computation, AIPW and TMLE estimators, weighted Kaplan-Meier and E-values. Engines
 * only, no OSGi services.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.stats.causal;
