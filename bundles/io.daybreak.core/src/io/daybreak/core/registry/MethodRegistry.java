package io.daybreak.core.registry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The methods currently available, tracked dynamically from {@link io.daybreak.core.method.Method}
 * services: installing, updating or uninstalling a method bundle changes what this registry returns,
 * without a restart. When two bundles provide the same id, the higher bundle version wins (then the
 * higher service ranking). Thread-safe.
 */
@ProviderType
public interface MethodRegistry {
    /** One entry per method id, the winning registration, sorted by id. */
    List<RegisteredMethod> methods();

    /** The winning registration for an id, if any. */
    Optional<RegisteredMethod> find(String id);

    /** The winning registration for an id; throws {@link UnknownMethodException} listing the known ids. */
    default RegisteredMethod require(String id) {
        return find(id).orElseThrow(() -> new UnknownMethodException(id,
                methods().stream().map(RegisteredMethod::id).toList()));
    }
}
