/**
 * The {@code signal.*} methods: disproportionality and empirical Bayes screens of spontaneous reports, trial
 * adverse-event comparisons and early efficacy signals, each also across site nodes where the issue asks for it.
 * The statistics are in the library bundle {@code io.daybreak.stats.signal}; this bundle exports nothing.
 */
package io.daybreak.methods.signal;
