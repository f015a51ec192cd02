/** Reusable test helpers: waiting for services and conditions, and a method context for direct calls. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.testing;
