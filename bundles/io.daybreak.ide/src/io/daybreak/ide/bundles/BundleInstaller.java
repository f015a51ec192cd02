package io.daybreak.ide.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Installs a method bundle from a jar while the IDE runs, or updates the installed bundle of the same symbolic
 * name in place (a newer build of a method bundle replaces the old one). The catalog follows through the
 * method services the bundle registers or withdraws.
 */
public final class BundleInstaller {
    private final BundleContext context;

    public BundleInstaller(BundleContext context) {
        this.context = context;
    }

    /**
     * @return the installed or updated bundle, started
     * @throws BundleException naming the file when it is not a bundle, cannot be read, resolved or started
     */
    public Bundle install(Path jar) throws BundleException {
        String name = symbolicName(jar);
        Bundle bundle = null;
        for (Bundle installed : context.getBundles()) {
            if (name.equals(installed.getSymbolicName())) {
                bundle = installed;
            }
        }
        boolean fresh = bundle == null;
        try (InputStream content = Files.newInputStream(jar)) {
            if (fresh) {
                bundle = context.installBundle(jar.toAbsolutePath().normalize().toUri().toString(), content);
            } else {
                bundle.update(content);
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                if (fresh) {
                    // a bundle that cannot start (e.g. a requirement is missing) is not left behind half-installed
                    bundle.uninstall();
                }
                throw e;
            }
            return bundle;
        } catch (IOException e) {
            throw new BundleException("cannot read " + jar + ": " + e.getMessage(), e);
        } catch (BundleException e) {
            throw new BundleException(jar + " (" + name + "): " + e.getMessage(), e.getType(), e);
        }
    }

    private static String symbolicName(Path jar) throws BundleException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            if (header == null) {
                throw new BundleException(jar + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
            }
            return header.split(";")[0].strip();
        } catch (IOException e) {
            throw new BundleException(jar + " is not a readable jar file: " + e.getMessage(), e);
        }
    }
}
