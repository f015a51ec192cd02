package io.daybreak.federation.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Canonical JSON (map keys sorted) and SHA-256 digests of it: how a coordinator and a site agree, byte for byte, on
 * a specification and on the arguments a step was evaluated at.
 */
public final class Canonical {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    private Canonical() {
    }

    /** SHA-256 (hex) of the canonical JSON of a value made of maps, lists, strings, numbers and booleans. */
    public static String sha256(Object value) {
        try {
            return sha256(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a value that cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 (hex) of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
