/**
 * Disproportionality statistics of drug–event report counts: PRR, ROR, Yates chi-square, Fisher's exact test,
 * expected counts (stratified) and the BCPNN information component. Plain functions of counts, no Arrow, no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.signal.disproportionality;
