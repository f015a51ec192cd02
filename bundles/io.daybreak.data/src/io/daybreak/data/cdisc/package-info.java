/**
 * CDISC Dataset-JSON v1.1 reading and writing of {@link io.daybreak.data.Table}s, keeping the dataset's and the
 * columns' metadata (labels, lengths, display formats, OIDs) as Arrow schema and field metadata.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.data.cdisc;
