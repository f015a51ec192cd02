/** Arrow IPC file and stream reading and writing of {@link io.daybreak.data.Table}s. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.data.ipc;
