/**
 * The durable record of which row sets of a site's datasets earlier answers were computed from, against which
 * a node refuses answers that differ from an earlier one by a few rows (differencing).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.federation.ledger;
