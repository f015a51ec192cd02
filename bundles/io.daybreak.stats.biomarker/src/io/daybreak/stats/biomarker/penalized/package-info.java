/**
 * Penalised regression as glmnet fits it: elastic net for gaussian, binomial and Cox models by coordinate descent,
 * the lambda path, cross-validation. Plain functions of arrays, no Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.biomarker.penalized;
