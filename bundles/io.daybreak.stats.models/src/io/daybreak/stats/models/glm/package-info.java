/**
 * Generalised linear models: families, IRLS sums and fits, Firth's penalised logistic regression and the
 * design matrix. Engines only: methods and site steps live in method bundles.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.models.glm;
