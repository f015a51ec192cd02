/**
 * Numeric columns read from tables (complete cases, named parameters), coefficient tables and the list
 * form of numbers in summaries.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.models.columns;
