/** Beta-binomial conjugate inference for a binary rate (response, dose-limiting toxicity). */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.beta;
