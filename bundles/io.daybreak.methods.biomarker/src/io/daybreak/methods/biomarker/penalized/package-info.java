/**
 * biomarker.elastic-net: penalised regression (glmnet's elastic net) with cross-validation, as a Daybreak method.
 */
package io.daybreak.methods.biomarker.penalized;
