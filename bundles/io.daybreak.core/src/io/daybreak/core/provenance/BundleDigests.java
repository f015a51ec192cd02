package io.daybreak.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

/**
 * SHA-256 of a bundle's content: every file entry, sorted by path, hashed as path, NUL, length, bytes.
 * Unlike a hash of the jar file this does not depend on how the bundle was installed (jar, directory or
 * stream) nor on zip metadata such as timestamps, so equal content means an equal digest. Cached per
 * bundle id and modification time.
 */
public final class BundleDigests {
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String sha256(Bundle bundle) {
        return cache.computeIfAbsent(bundle.getBundleId() + "@" + bundle.getLastModified(), key -> compute(bundle));
    }

    private static String compute(Bundle bundle) {
        List<String> paths = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries("/", "*", true);
        List<URL> urls = new ArrayList<>();
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            if (!url.getPath().endsWith("/")) {
                urls.add(url);
                paths.add(url.getPath());
            }
        }
        urls.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (URL url : urls) {
                byte[] content;
                try (InputStream in = url.openStream()) {
                    content = in.readAllBytes();
                }
                digest.update(url.getPath().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
