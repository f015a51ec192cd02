/** The dynamic registry of the methods currently provided by installed bundles. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.registry;
