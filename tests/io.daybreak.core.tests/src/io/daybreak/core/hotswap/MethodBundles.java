package io.daybreak.core.hotswap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.daybreak.core.hotswap.fixture.VersionedSlowMethod;
import io.daybreak.core.hotswap.library.LibraryVersion;
import io.daybreak.core.hotswap.libraryuser.LibraryUserMethod;

/** Builds real method bundle jars in memory: the fixture class, a manifest and a DS component descriptor. */
final class MethodBundles {
    static final String SYMBOLIC_NAME = "io.daybreak.tests.hotswap.method";
    /** The library bundle two method bundles import ({@link #library}, {@link #libraryUser}). */
    static final String LIBRARY = "io.daybreak.tests.hotswap.library";

    private MethodBundles() {
    }

    static InputStream jar(String version) throws IOException {
        Manifest manifest = manifest(SYMBOLIC_NAME, version);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Import-Package", "io.daybreak.core.method, io.daybreak.data, org.apache.arrow.memory, "
                + "org.osgi.framework");
        main.putValue("Service-Component", "OSGI-INF/hotswap.xml");
        String className = VersionedSlowMethod.class.getName();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            copyClass(jar, VersionedSlowMethod.class);
            jar.putNextEntry(new JarEntry("OSGI-INF/hotswap.xml"));
            jar.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"test.hotswap\""
                    + " activate=\"activate\">\n"
                    + "  <implementation class=\"" + className + "\"/>\n"
                    + "  <service><provide interface=\"io.daybreak.core.method.Method\"/></service>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** A library bundle exporting {@link LibraryVersion}'s package at this version (no services). */
    static InputStream library(String version) throws IOException {
        Manifest manifest = manifest(LIBRARY, version);
        manifest.getMainAttributes().putValue("Export-Package",
                LibraryVersion.class.getPackageName() + ";version=\"" + version + "\"");
        manifest.getMainAttributes().putValue("Import-Package", "org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            copyClass(jar, LibraryVersion.class);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** A method bundle whose method {@code methodId} calls the library ({@link LibraryUserMethod}). */
    static InputStream libraryUser(String symbolicName, String methodId) throws IOException {
        Manifest manifest = manifest(symbolicName, "1.0.0");
        manifest.getMainAttributes().putValue("Import-Package", "io.daybreak.core.method, io.daybreak.data, "
                + "org.apache.arrow.memory, " + LibraryVersion.class.getPackageName() + ";version=\"[1.0,3.0)\"");
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/user.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            copyClass(jar, LibraryUserMethod.class);
            jar.putNextEntry(new JarEntry("OSGI-INF/user.xml"));
            jar.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + methodId + "\""
                    + " activate=\"activate\">\n"
                    + "  <implementation class=\"" + LibraryUserMethod.class.getName() + "\"/>\n"
                    + "  <property name=\"methodId\" value=\"" + methodId + "\"/>\n"
                    + "  <service><provide interface=\"io.daybreak.core.method.Method\"/></service>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        return manifest;
    }

    private static void copyClass(JarOutputStream jar, Class<?> type) throws IOException {
        String path = type.getName().replace('.', '/') + ".class";
        jar.putNextEntry(new JarEntry(path));
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            in.transferTo(jar);
        }
    }
}
