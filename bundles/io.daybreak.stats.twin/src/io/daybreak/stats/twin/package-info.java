/**
 * The digital-twin models behind the {@code twin.*} methods: Stein/Wilkerson tumour growth fits, the Claret
 * tumour growth inhibition model and RECIST derivation, Guenther–Schouten PROCOVA planning, ridge prognostic
 * scores and fidelity metrics of generated data. Plain functions of arrays, no Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.stats.twin;
