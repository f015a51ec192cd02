/**
 * Prognostic and predictive markers: linear contrasts and Wald tests of a fitted model's coefficients, STEPP windows.
 * Plain functions of arrays, no Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.biomarker.predictive;
