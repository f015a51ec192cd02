/**
 * Numeric columns read from tables (complete cases, named parameters), the settings group that splits rows into
 * sites in one process, coefficient tables and the list form of numbers in summaries.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.models.columns;
