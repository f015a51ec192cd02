/**
 * Where a site node's datasets come from ({@link io.daybreak.federation.sources.NodeDatasets}): table files, SQL
 * over an embedded DuckDB database (local Parquet and CSV files), and tables, views, queries or OMOP CDM cohorts
 * ({@link io.daybreak.federation.sources.CohortDefinition}) of a PostgreSQL database over JDBC. Every dataset is
 * materialised into an Arrow table when the node starts, all or nothing (ADR 0024).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.federation.sources;
