/**
 * The {@code biomarker.*} methods: prognostic and predictive markers, ROC and cut-points, penalised regression
 * (also across site nodes), subgroups and selection with error control. The statistics are in the library bundle
 * {@code io.daybreak.stats.biomarker}; this bundle exports nothing.
 */
package io.daybreak.methods.biomarker;
