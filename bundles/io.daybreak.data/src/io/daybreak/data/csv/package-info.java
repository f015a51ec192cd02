/** CSV import (schema inference or an explicit schema) and export of {@link io.daybreak.data.Table}s. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.data.csv;
