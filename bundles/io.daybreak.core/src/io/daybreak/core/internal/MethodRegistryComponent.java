package io.daybreak.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.LoggerFactory;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.registry.RegisteredMethod;

/**
 * Tracks every {@link Method} service (dynamic, multiple, greedy reference): bind and unbind run on the
 * framework's event threads, lookups on any thread, so registrations live in a concurrent map and every
 * query takes a snapshot.
 */
@Component(service = MethodRegistry.class)
public final class MethodRegistryComponent implements MethodRegistry {
    private static final Comparator<RegisteredMethod> PREFERENCE = Comparator
            .comparing(RegisteredMethod::osgiVersion)
            .thenComparingInt(RegisteredMethod::ranking)
            .thenComparing(Comparator.comparingLong(RegisteredMethod::serviceId).reversed());

    private final Map<Long, RegisteredMethod> byServiceId = new ConcurrentHashMap<>();

    @Reference(service = Method.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMethod")
    void addMethod(Method method, ServiceReference<Method> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        MethodDescriptor descriptor;
        try {
            descriptor = method.descriptor();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(MethodRegistryComponent.class).error(
                    "method service {} of bundle {} has no usable descriptor; ignored", serviceId,
                    bundle == null ? "?" : bundle.getSymbolicName(), e);
            return;
        }
        if (bundle == null) {
            return; // unregistered while we were binding
        }
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        byServiceId.put(serviceId, new RegisteredMethod(method, descriptor, bundle, serviceId,
                ranking instanceof Integer r ? r : 0));
    }

    void removeMethod(Method method, ServiceReference<Method> reference) {
        RegisteredMethod removed = byServiceId.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (removed != null) {
            removed.withdraw("method " + removed.id() + " " + removed.version() + " was withdrawn: its bundle "
                    + removed.bundleSymbolicName() + " was stopped, updated or uninstalled during the run");
        }
    }

    @Override
    public List<RegisteredMethod> methods() {
        Map<String, RegisteredMethod> winners = new TreeMap<>();
        for (RegisteredMethod candidate : new ArrayList<>(byServiceId.values())) {
            winners.merge(candidate.id(), candidate, (a, b) -> PREFERENCE.compare(a, b) >= 0 ? a : b);
        }
        return List.copyOf(winners.values());
    }

    @Override
    public Optional<RegisteredMethod> find(String id) {
        return byServiceId.values().stream().filter(m -> m.id().equals(id)).max(PREFERENCE);
    }
}
