/**
 * Provenance records: what ran (the method's bundle and the Daybreak bundles it was wired to), on what, with which
 * parameters and seed, producing what.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.core.provenance;
