/**
 * Discrimination and cut-points of a marker: ROC curves and AUC with DeLong intervals, comparison of correlated
 * AUCs, time-dependent ROC, maximally selected rank statistics. Plain functions of arrays, no Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.stats.biomarker.roc;
