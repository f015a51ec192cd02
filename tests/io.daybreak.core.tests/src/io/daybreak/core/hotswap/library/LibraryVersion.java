package io.daybreak.core.hotswap.library;

import org.osgi.framework.FrameworkUtil;

/**
 * The library inside the library bundles the hot-swap test installs at run time (its class file is copied into
 * generated jars that export this package): it reports the version of the bundle it was loaded from, so a method
 * that calls it shows which library code ran.
 */
public final class LibraryVersion {
    private LibraryVersion() {
    }

    public static String version() {
        return FrameworkUtil.getBundle(LibraryVersion.class).getVersion().toString();
    }
}
