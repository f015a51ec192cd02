package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.ide.bundles.BundleInstaller;

/** The catalog lists the installed methods and follows a method bundle uninstalled and installed at runtime. */
class CatalogViewTest extends UiTestSupport {

    @Test
    void listsTheInstalledMethodsAndReactsToABundleInstalledAtRuntime() throws Exception {
        CatalogView catalog = new CatalogView(shell, service(MethodRegistry.class));
        try (MethodServiceWatcher watcher = new MethodServiceWatcher(context(), display, catalog::refresh)) {
            show();
            assertTrue(catalog.methodIds().containsAll(java.util.List.of("design.boin", "design.crm", "stats.cox",
                    "example.beta-binomial")), catalog.methodIds().toString());
            screenshot("catalog");
            Bundle examples = bundle("io.daybreak.examples.betabinomial");
            String location = examples.getLocation();
            examples.uninstall();
            assertTrue(spin(Duration.ofSeconds(10), () -> !catalog.methodIds().contains("example.beta-binomial")),
                    "the catalog still lists the uninstalled bundle's method: " + catalog.methodIds());
            // File > Install Method Bundle... does this with the jar the user picks
            java.nio.file.Path jar = jarOf(location);
            BundleInstaller installer = new BundleInstaller(context());
            Bundle installed = installer.install(jar);
            assertTrue(spin(Duration.ofSeconds(10), () -> catalog.methodIds().contains("example.beta-binomial")),
                    "the catalog does not list the method of the bundle installed at runtime: " + catalog.methodIds());
            // installing the same bundle again updates it in place
            assertEquals(installed.getBundleId(), installer.install(jar).getBundleId());
            assertTrue(spin(Duration.ofSeconds(10), () -> catalog.methodIds().contains("example.beta-binomial")));
            java.nio.file.Path notABundle = java.nio.file.Files.createTempFile("not-a-bundle", ".jar");
            BundleException refused = assertThrows(BundleException.class, () -> installer.install(notABundle));
            assertTrue(refused.getMessage().contains(notABundle.toString()), refused.getMessage());
            assertFalse(catalog.methodIds().isEmpty());
        }
    }
}
