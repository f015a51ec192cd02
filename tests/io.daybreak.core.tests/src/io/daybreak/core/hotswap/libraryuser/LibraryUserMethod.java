package io.daybreak.core.hotswap.libraryuser;

import java.util.Map;

import io.daybreak.core.hotswap.library.LibraryVersion;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;

/**
 * The method inside the two method bundles the hot-swap test installs over one library bundle: it reports the
 * version of the library code it called, after an optional slow loop. Its id comes from its DS component's
 * {@code methodId} property, so one class serves both bundles.
 */
public final class LibraryUserMethod implements Method {
    private volatile String id = "test.library-user";

    /** Called by DS with the component's properties. */
    public void activate(Map<String, Object> properties) {
        id = (String) properties.get("methodId");
    }

    @Override
    public MethodDescriptor descriptor() {
        return MethodDescriptor.builder(id, "reports the version of the library it calls")
                .category("test")
                .parameter(ParameterSpec.integer("steps").min(0).defaultValue(0L).doc("loop iterations"))
                .parameter(ParameterSpec.integer("sleepMillis").min(0).defaultValue(10L).doc("sleep per iteration"))
                .build();
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context)
            throws InterruptedException {
        String library = LibraryVersion.version();
        long steps = parameters.integer("steps");
        for (long step = 0; step < steps; step++) {
            context.checkCancelled();
            Thread.sleep(parameters.integer("sleepMillis"));
            context.progress((step + 1.0) / steps, "step " + (step + 1));
        }
        return MethodResult.builder().summary("libraryVersion", library).build();
    }
}
