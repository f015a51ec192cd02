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

/** Builds real method bundle jars in memory: the fixture class, a manifest and a DS component descriptor. */
final class MethodBundles {
    static final String SYMBOLIC_NAME = "io.daybreak.tests.hotswap.method";

    private MethodBundles() {
    }

    static InputStream jar(String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", "io.daybreak.core.method, io.daybreak.data, org.apache.arrow.memory, "
                + "org.osgi.framework");
        main.putValue("Service-Component", "OSGI-INF/hotswap.xml");
        String className = VersionedSlowMethod.class.getName();
        String classPath = className.replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry(classPath));
            try (InputStream in = VersionedSlowMethod.class.getClassLoader().getResourceAsStream(classPath)) {
                in.transferTo(jar);
            }
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
}
