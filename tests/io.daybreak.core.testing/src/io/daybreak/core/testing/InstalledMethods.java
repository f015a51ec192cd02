package io.daybreak.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.daybreak.core.method.Method;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;

/**
 * The methods, site steps and federated methods that the installed method bundles offer as services, by id. A
 * method bundle exports nothing, so a test outside it reaches its code the way the platform does: through the
 * service registry (waiting, as {@link Await#until} does, for the bundle's components to come up).
 */
public final class InstalledMethods {
    private InstalledMethods() {
    }

    /** The local method with this descriptor id. */
    public static Method method(String id) {
        return find(Method.class, m -> m.descriptor().id(), id);
    }

    /** The site step serving this method id. */
    public static SiteStep step(String method) {
        return find(SiteStep.class, SiteStep::method, method);
    }

    /** The federated method with this id. */
    public static FederatedMethod federated(String id) {
        return find(FederatedMethod.class, FederatedMethod::id, id);
    }

    /** This bundle's context; the test runtime may leave a helper bundle resolved only, so it is started first. */
    private static BundleContext context() {
        Bundle bundle = FrameworkUtil.getBundle(InstalledMethods.class);
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        return bundle.getBundleContext();
    }

    private static <T> T find(Class<T> type, Function<T, String> idOf, String id) {
        BundleContext context = context();
        List<T> found = new ArrayList<>(1);
        Await.until(() -> {
            try {
                for (ServiceReference<T> reference : context.getServiceReferences(type, null)) {
                    T service = context.getService(reference);
                    if (service != null && id.equals(idOf.apply(service))) {
                        found.add(service);
                        return true;
                    }
                }
                return false;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }, "a " + type.getSimpleName() + " '" + id + "' service");
        return found.get(0);
    }
}
