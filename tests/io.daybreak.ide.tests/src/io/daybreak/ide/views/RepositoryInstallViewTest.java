package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import io.daybreak.core.registry.MethodRegistry;

/**
 * Install from a p2 repository: a repository laid out as Tycho and the Eclipse publisher write it (artifacts.jar
 * with mapping rules and SHA-256 checksums, reached through a composite repository) offers a method bundle that
 * was uninstalled; installing it brings its method back. A jar that does not match its checksum is refused.
 */
class RepositoryInstallViewTest extends UiTestSupport {
    private static final String EXAMPLE = "io.daybreak.examples.betabinomial";

    @Test
    void installsAMethodBundleFromARepositoryAndRefusesAJarThatDoesNotMatchItsChecksum() throws Exception {
        MethodRegistry registry = service(MethodRegistry.class);
        Bundle examples = bundle(EXAMPLE);
        Path jar = jarOf(examples.getLocation());
        String version = examples.getVersion().toString();
        Path root = Files.createTempDirectory("daybreak-p2");
        Path child = Files.createDirectories(root.resolve("releases/0.1"));
        repository(child, jar, version, sha256(jar));
        Files.writeString(root.resolve("compositeArtifacts.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?compositeArtifactRepository version='1.0.0'?>
                <repository name='daybreak' version='1.0.0'
                    type='org.eclipse.equinox.internal.p2.artifact.repository.CompositeArtifactRepository'>
                  <children size='1'><child location='releases/0.1'/></children>
                </repository>
                """, StandardCharsets.UTF_8);

        examples.uninstall();
        assertTrue(spin(Duration.ofSeconds(10), () -> registry.find("example.beta-binomial").isEmpty()));
        RepositoryInstallView view = new RepositoryInstallView(shell, context(), root.resolve("downloads"));
        show();
        view.load(root.toString());
        assertTrue(spin(Duration.ofSeconds(20), () -> !view.working() && !view.rows().isEmpty()), view.statusText());
        assertEquals(java.util.List.of(EXAMPLE + " " + version + " -", "org.example.other 1.0.0 -"), view.rows());
        view.check(EXAMPLE);
        view.installChecked();
        assertTrue(spin(Duration.ofSeconds(20), () -> !view.working()), view.statusText());
        assertTrue(view.statusText().startsWith("installed and started: " + EXAMPLE), view.statusText());
        assertTrue(spin(Duration.ofSeconds(10), () -> registry.find("example.beta-binomial").isPresent()),
                "the method of the bundle installed from the repository is not there");
        assertEquals(EXAMPLE + " " + version + " " + version, view.rows().get(0));
        screenshot("install-from-repository");

        // a bundle whose requirement nothing provides: refused with the resolver's reason, not left installed
        view.check("org.example.other");
        view.installChecked();
        assertTrue(spin(Duration.ofSeconds(20), () -> !view.working()), view.statusText());
        assertTrue(view.statusText().contains("org.example.missing"), view.statusText());
        assertTrue(java.util.Arrays.stream(context().getBundles())
                .noneMatch(b -> "org.example.other".equals(b.getSymbolicName())), "the unresolvable bundle was left");

        // a repository whose jar does not match the published checksum: refused, nothing kept
        Path tampered = Files.createTempDirectory("daybreak-p2-tampered");
        repository(tampered, jar, version, "00" + sha256(jar).substring(2));
        RepositoryInstallView refusing = new RepositoryInstallView(shell, context(), tampered.resolve("downloads"));
        shell.layout(true, true);
        refusing.load(tampered.toString());
        assertTrue(spin(Duration.ofSeconds(20), () -> !refusing.working() && !refusing.rows().isEmpty()));
        refusing.check(EXAMPLE);
        refusing.installChecked();
        assertTrue(spin(Duration.ofSeconds(20), () -> !refusing.working()), refusing.statusText());
        assertTrue(refusing.statusText().contains("does not match the repository's SHA-256"), refusing.statusText());
        try (var left = Files.list(tampered.resolve("downloads"))) {
            assertEquals(0, left.count(), "a refused download left a file behind");
        }

        // a folder that is no repository is named
        Path empty = Files.createTempDirectory("daybreak-not-p2");
        refusing.load(empty.toString());
        assertTrue(spin(Duration.ofSeconds(20), () -> !refusing.working()), refusing.statusText());
        assertTrue(refusing.statusText().contains("is not a p2 repository"), refusing.statusText());
        assertFalse(registry.find("example.beta-binomial").isEmpty());
    }

    /** A simple artifact repository with the bundle jar and one other bundle, its index zipped as artifacts.jar. */
    private static void repository(Path dir, Path jar, String version, String sha256) throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, dir.resolve("plugins/" + EXAMPLE + "_" + version + ".jar"));
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.other");
        manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Import-Package", "org.example.missing");
        try (OutputStream out = Files.newOutputStream(dir.resolve("plugins/org.example.other_1.0.0.jar"));
                java.util.jar.JarOutputStream other = new java.util.jar.JarOutputStream(out, manifest)) {
            other.flush();
        }
        String xml = """
                <?xml version='1.0' encoding='UTF-8'?>
                <?artifactRepository version='1.1.0'?>
                <repository name='test' version='1'
                    type='org.eclipse.equinox.p2.artifact.repository.simpleRepository'>
                  <mappings size='2'>
                    <rule filter='(&amp; (classifier=osgi.bundle))' output='${repoUrl}/plugins/${id}_${version}.jar'/>
                    <rule filter='(&amp; (classifier=org.eclipse.update.feature))'
                        output='${repoUrl}/features/${id}_${version}.jar'/>
                  </mappings>
                  <artifacts size='3'>
                    <artifact classifier='osgi.bundle' id='%s' version='%s'>
                      <properties size='1'><property name='download.checksum.sha-256' value='%s'/></properties>
                    </artifact>
                    <artifact classifier='org.eclipse.update.feature' id='io.daybreak.examples.feature' version='%s'/>
                    <artifact classifier='osgi.bundle' id='org.example.other' version='1.0.0'/>
                  </artifacts>
                </repository>
                """.formatted(EXAMPLE, version, sha256, version);
        try (OutputStream out = Files.newOutputStream(dir.resolve("artifacts.jar"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("artifacts.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
