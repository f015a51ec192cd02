package io.daybreak.federation.grpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.daybreak.federation.grpc.fixture.RowCountMethod;
import io.daybreak.federation.grpc.fixture.RowCountStep;

/**
 * Builds real method bundle jars in memory, as a method bundle of {@code test.rows} is built: the fixture's site step
 * and federated method as DS components. {@code variant} is written into the bundle, so two variants differ in
 * content (and SHA-256) while their code is the same; equal variants give equal content.
 */
final class RowCountBundles {
    static final String SYMBOLIC_NAME = "io.daybreak.tests.federation.rowcount";

    private RowCountBundles() {
    }

    static InputStream jar(String variant) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package",
                "io.daybreak.core.method, io.daybreak.data, io.daybreak.federation, org.apache.arrow.memory");
        main.putValue("Service-Component", "OSGI-INF/step.xml,OSGI-INF/method.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : List.of(RowCountStep.class, RowCountMethod.class)) {
                String path = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(jar);
                }
            }
            component(jar, "OSGI-INF/step.xml", RowCountStep.class, "io.daybreak.federation.SiteStep");
            component(jar, "OSGI-INF/method.xml", RowCountMethod.class, "io.daybreak.federation.FederatedMethod");
            jar.putNextEntry(new JarEntry("variant.txt"));
            jar.write(variant.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static void component(JarOutputStream jar, String path, Class<?> type, String service) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        jar.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + type.getName() + "\">\n"
                + "  <implementation class=\"" + type.getName() + "\"/>\n"
                + "  <service><provide interface=\"" + service + "\"/></service>\n"
                + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
    }
}
