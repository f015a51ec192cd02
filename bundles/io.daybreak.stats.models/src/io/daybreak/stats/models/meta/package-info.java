/**
 * Meta-analysis of per-site estimates: inverse variance and DerSimonian-Laird.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.models.meta;
