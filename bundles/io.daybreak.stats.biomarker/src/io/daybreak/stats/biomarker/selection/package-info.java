/**
 * Selection with error control: p-value adjustment (BH, BY, Holm, Bonferroni, Storey q-values) and model-X
 * knockoffs with the knockoff+ threshold. Plain functions of arrays, no Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.stats.biomarker.selection;
