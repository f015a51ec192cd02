package io.daybreak.federation.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The methods a site serves (its data custodian's allow-list), each optionally pinned to the SHA-256 of the content
 * of the bundle that must provide its code — the site step and the federated method whose coordinator code the node
 * replays — so that a node serves exactly the code the custodian reviewed. The digest is the {@code bundleSha256} a
 * result certificate names.
 *
 * @param pins method id to its pinned bundle SHA-256 (64 lower-case hex digits), or to "" when it is not pinned;
 *             in the order given
 */
public record AllowList(Map<String, String> pins) {
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    public AllowList {
        pins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pins));
    }

    /** Methods served without pins (tests, and nodes whose custodian accepts any installed version). */
    public static AllowList of(Set<String> methods) {
        Map<String, String> pins = new LinkedHashMap<>();
        methods.forEach(method -> pins.put(method, ""));
        return new AllowList(pins);
    }

    /**
     * Reads the text form {@code stats.glm@<sha256>,stats.cox}: method ids separated by commas, each optionally
     * followed by {@code @} and the 64 hex digits of its bundle's SHA-256.
     *
     * @throws IllegalArgumentException naming the entry that is not an id or not a SHA-256, or a method given twice
     */
    public static AllowList parse(String text) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String entry : text.split(",", -1)) {
            int at = entry.indexOf('@');
            String method = (at < 0 ? entry : entry.substring(0, at)).strip();
            String pin = at < 0 ? "" : entry.substring(at + 1).strip();
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException(method.isEmpty() ? "has an empty entry; give method ids separated "
                        + "by commas, e.g. stats.glm,stats.cox" : "entry '" + shorten(method) + "' is not a method id");
            }
            if (at >= 0 && !SHA256.matcher(pin).matches()) {
                throw new IllegalArgumentException("entry '" + method + "@" + shorten(pin) + "': a pin is the 64 hex "
                        + "digits of the bundle's SHA-256 (the bundleSha256 of a certificate)");
            }
            if (pins.containsKey(method)) {
                throw new IllegalArgumentException("names " + method + " twice");
            }
            pins.put(method, pin.toLowerCase(Locale.ROOT));
        }
        return new AllowList(pins);
    }

    public Set<String> methods() {
        return pins.keySet();
    }

    public boolean allows(String method) {
        return pins.containsKey(method);
    }

    /** The SHA-256 the method's bundle must have, if the method is pinned. */
    public Optional<String> pin(String method) {
        String pin = pins.get(method);
        return pin == null || pin.isEmpty() ? Optional.empty() : Optional.of(pin);
    }

    /**
     * Whether code for this method from a bundle with this SHA-256 may be used: a pinned method only from its pinned
     * bundle, any other from any bundle (a method off the list is refused when requested, not here).
     */
    public boolean accepts(String method, String bundleSha256) {
        return pin(method).map(pin -> pin.equalsIgnoreCase(bundleSha256)).orElse(true);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
