package io.daybreak.core.registry;

import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodDescriptor;

/**
 * One registration of a method service: the service object, its descriptor, and the bundle (symbolic name,
 * version, id) that provides it. When the service goes away the registration is <em>withdrawn</em>; runs
 * still using it see {@link #withdrawal()} and are cancelled at their next cancellation check.
 */
public final class RegisteredMethod {
    private final Method method;
    private final MethodDescriptor descriptor;
    private final Bundle bundle;
    private final Version version;
    private final long serviceId;
    private final int ranking;
    private volatile String withdrawal;

    public RegisteredMethod(Method method, MethodDescriptor descriptor, Bundle bundle, long serviceId, int ranking) {
        this.method = Objects.requireNonNull(method);
        this.descriptor = Objects.requireNonNull(descriptor);
        this.bundle = Objects.requireNonNull(bundle);
        this.version = bundle.getVersion();
        this.serviceId = serviceId;
        this.ranking = ranking;
    }

    public String id() {
        return descriptor.id();
    }

    public MethodDescriptor descriptor() {
        return descriptor;
    }

    /** The method's version: the version of its bundle. */
    public String version() {
        return version.toString();
    }

    public Version osgiVersion() {
        return version;
    }

    public String bundleSymbolicName() {
        return bundle.getSymbolicName();
    }

    public long bundleId() {
        return bundle.getBundleId();
    }

    public Bundle bundle() {
        return bundle;
    }

    public long serviceId() {
        return serviceId;
    }

    public int ranking() {
        return ranking;
    }

    /** The service object. Prefer the job service, which validates, records provenance and manages memory. */
    public Method method() {
        return method;
    }

    /** Why this registration was withdrawn, or {@code null} while it is live. */
    public String withdrawal() {
        return withdrawal;
    }

    /** Marks the registration withdrawn; called by the registry when the service goes away. */
    public void withdraw(String reason) {
        withdrawal = reason;
    }

    @Override
    public String toString() {
        return id() + "@" + version() + " (" + bundleSymbolicName() + ")";
    }
}
