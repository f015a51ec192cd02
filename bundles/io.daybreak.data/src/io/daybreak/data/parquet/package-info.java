/**
 * Apache Parquet files ({@code .parquet}), read and written through an embedded DuckDB with the same column types
 * as the other formats, and the Arrow schema kept in the file's {@code ARROW:schema} metadata as pyarrow does.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.data.parquet;
