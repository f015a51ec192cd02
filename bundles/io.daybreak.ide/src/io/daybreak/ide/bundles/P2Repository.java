package io.daybreak.ide.bundles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The bundles of a p2 repository (an Eclipse update site: a folder or an http(s) address), read from its
 * artifact index ({@code artifacts.jar} or {@code artifacts.xml}, following composite repositories), and
 * downloaded with their published SHA-256 checked. This is the part of p2 the IDE needs to install method
 * bundles; the p2 provisioning engine itself is not part of the runtime (ADR 0009).
 */
public final class P2Repository {
    private static final int MAX_COMPOSITE_DEPTH = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final URI location;
    private final List<Artifact> bundles;

    /**
     * A bundle in the repository.
     *
     * @param id      the bundle's symbolic name
     * @param version its version
     * @param uri     where the jar is
     * @param sha256  the published SHA-256 of the jar (lower-case hex), or null when the repository gives none
     */
    public record Artifact(String id, String version, URI uri, String sha256) {
    }

    private P2Repository(URI location, List<Artifact> bundles) {
        this.location = location;
        this.bundles = List.copyOf(bundles);
    }

    /**
     * Reads a repository's bundle list.
     *
     * @param where a folder, a {@code file:} URI or an {@code http(s):} address
     * @throws IOException naming the repository and what is wrong (no index, malformed XML, unreachable)
     */
    public static P2Repository open(String where) throws IOException {
        URI base = base(where);
        List<Artifact> bundles = new ArrayList<>();
        read(base, bundles, 0);
        return new P2Repository(base, bundles);
    }

    public URI location() {
        return location;
    }

    /** The bundles (classifier osgi.bundle) in the repository and its children, in index order. */
    public List<Artifact> bundles() {
        return bundles;
    }

    /**
     * Downloads a bundle jar into a folder, checking its SHA-256 when the repository publishes one; nothing is
     * left behind when the download fails or does not match.
     *
     * @return the downloaded jar
     * @throws IOException naming the artifact and the reason
     */
    public static Path download(Artifact artifact, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(artifact.id() + "_" + artifact.version() + ".jar");
        Path partial = Files.createTempFile(folder, artifact.id(), ".part");
        try {
            try (InputStream in = stream(artifact.uri())) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (artifact.sha256() != null) {
                String actual = sha256(partial);
                if (!actual.equalsIgnoreCase(artifact.sha256())) {
                    throw new IOException(artifact.id() + " " + artifact.version() + " from " + artifact.uri()
                            + " does not match the repository's SHA-256 (expected " + artifact.sha256() + ", got "
                            + actual + "); not installed");
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static URI base(String where) throws IOException {
        String text = where.strip();
        if (text.isEmpty()) {
            throw new IOException("no repository given: a folder or an http(s) address of a p2 repository");
        }
        URI uri;
        if (text.startsWith("http://") || text.startsWith("https://") || text.startsWith("file:")) {
            uri = URI.create(text);
        } else {
            uri = Path.of(text).toAbsolutePath().normalize().toUri();
        }
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static void read(URI base, List<Artifact> into, int depth) throws IOException {
        Document composite = index(base, "compositeArtifacts", false);
        if (composite != null) {
            if (depth >= MAX_COMPOSITE_DEPTH) {
                throw new IOException(base + ": composite repositories nested deeper than " + MAX_COMPOSITE_DEPTH);
            }
            NodeList children = composite.getElementsByTagName("child");
            for (int i = 0; i < children.getLength(); i++) {
                String child = ((Element) children.item(i)).getAttribute("location");
                URI resolved = base.resolve(child.endsWith("/") ? child : child + "/");
                read(resolved, into, depth + 1);
            }
            return;
        }
        Document simple = index(base, "artifacts", true);
        String rule = bundleRule(base, simple);
        NodeList artifacts = simple.getElementsByTagName("artifact");
        for (int i = 0; i < artifacts.getLength(); i++) {
            Element artifact = (Element) artifacts.item(i);
            if (!"osgi.bundle".equals(artifact.getAttribute("classifier")) || "packed".equals(property(artifact,
                    "format"))) {
                continue;
            }
            String id = artifact.getAttribute("id");
            String version = artifact.getAttribute("version");
            String output = rule.replace("${repoUrl}", stripSlash(base.toString())).replace("${id}", id)
                    .replace("${version}", version);
            into.add(new Artifact(id, version, URI.create(output), lower(property(artifact,
                    "download.checksum.sha-256"))));
        }
    }

    /** The output pattern of the mapping rule for bundles. */
    private static String bundleRule(URI base, Document index) throws IOException {
        NodeList rules = index.getElementsByTagName("rule");
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            String filter = rule.getAttribute("filter").replace(" ", "");
            if (filter.contains("(classifier=osgi.bundle)") && !filter.contains("format=packed")) {
                return rule.getAttribute("output");
            }
        }
        throw new IOException(base + "artifacts.xml has no mapping rule for bundles (classifier=osgi.bundle)");
    }

    private static String property(Element artifact, String name) {
        NodeList properties = artifact.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (name.equals(property.getAttribute("name"))) {
                return property.getAttribute("value");
            }
        }
        return null;
    }

    /**
     * Reads {@code name.jar} (the XML zipped) or {@code name.xml}.
     *
     * @return the document, or null when neither exists and it is not required
     */
    private static Document index(URI base, String name, boolean required) throws IOException {
        byte[] xml = null;
        byte[] jar = fetchIfPresent(base.resolve(name + ".jar"));
        if (jar != null) {
            xml = unzip(jar, name + ".xml", base.resolve(name + ".jar"));
        } else {
            xml = fetchIfPresent(base.resolve(name + ".xml"));
        }
        if (xml == null) {
            if (!required) {
                return null;
            }
            boolean xzOnly = fetchIfPresent(base.resolve(name + ".xml.xz")) != null;
            throw new IOException(base + " is not a p2 repository Daybreak can read: no " + name + ".jar or " + name
                    + ".xml" + (xzOnly ? " (only " + name + ".xml.xz, which needs XZ support)" : ""));
        }
        try {
            return parser().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IOException(base + name + ".xml is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // repository indexes come from the network: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser: " + e.getMessage(), e);
        }
    }

    private static byte[] unzip(byte[] jar, String entry, URI from) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry next = zip.getNextEntry(); next != null; next = zip.getNextEntry()) {
                if (next.getName().equals(entry)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IOException(from + " does not contain " + entry);
    }

    private static byte[] fetchIfPresent(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            try {
                return Files.readAllBytes(Path.of(uri));
            } catch (NoSuchFileException e) {
                return null;
            }
        }
        HttpResponse<byte[]> response = http(uri, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static InputStream stream(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Files.newInputStream(Path.of(uri));
        }
        HttpResponse<InputStream> response = http(uri, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(uri + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static <T> HttpResponse<T> http(URI uri, HttpResponse.BodyHandler<T> body) throws IOException {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IOException(uri + ": only folders, file: and http(s): repositories are supported");
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(uri + ": interrupted", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
