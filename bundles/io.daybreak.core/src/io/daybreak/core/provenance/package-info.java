/** Provenance records: what ran, on what, with which parameters and seed, producing what. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.provenance;
