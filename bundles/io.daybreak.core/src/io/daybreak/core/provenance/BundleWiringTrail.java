package io.daybreak.core.provenance;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The Daybreak bundles a bundle's code runs on: those it imports packages from, and theirs in turn, as the
 * framework wired them at this moment. A method bundle exports nothing, so its result also depends on the
 * library bundles it imports (ADR 0015); recording them with their SHA-256 tells two runs apart whose method
 * bundle is the same but whose library was updated. Third-party bundles are not followed: their versions are
 * pinned by the target platform of the Daybreak release (docs/provenance.md).
 */
public final class BundleWiringTrail {
    private static final String DAYBREAK = "io.daybreak.";

    private BundleWiringTrail() {
    }

    /** The Daybreak bundles {@code bundle} is wired to, directly or through other Daybreak bundles, by name. */
    public static List<WiredBundle> of(Bundle bundle, BundleDigests digests) {
        BundleWiring start = bundle.adapt(BundleWiring.class);
        if (start == null) {
            return List.of();
        }
        Map<Long, Bundle> found = new LinkedHashMap<>();
        Deque<BundleWiring> pending = new ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            List<BundleWire> wires = pending.pop().getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
            for (BundleWire wire : wires == null ? List.<BundleWire>of() : wires) {
                Bundle provider = wire.getProviderWiring().getBundle();
                String name = provider.getSymbolicName();
                if (provider.getBundleId() != bundle.getBundleId() && name != null && name.startsWith(DAYBREAK)
                        && found.putIfAbsent(provider.getBundleId(), provider) == null) {
                    pending.push(wire.getProviderWiring());
                }
            }
        }
        return found.values().stream()
                .map(b -> new WiredBundle(b.getSymbolicName(), b.getVersion().toString(), digests.sha256(b)))
                .sorted(Comparator.comparing(WiredBundle::symbolicName)).toList();
    }
}
