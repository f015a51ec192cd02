/**
 * The method SPI. A method is a DS component providing {@link io.daybreak.core.method.Method}: a descriptor
 * and a stateless {@code apply}. The platform validates parameters and inputs against the descriptor,
 * runs the method with a {@link io.daybreak.core.method.MethodContext} and records provenance.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.method;
