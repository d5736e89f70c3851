package dev.outpost.stack.system;

import dev.outpost.stack.platform.HostEnvironment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy variables a host sets, safe to show: credentials in proxy URLs are masked. Both spellings
 * are reported on Unix because tools disagree on which one wins (curl ignores upper-case HTTP_PROXY).
 */
public final class ProxyVariables {
    /** In the order they are reported. */
    public static final List<String> NAMES = List.of("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "ALL_PROXY");

    private static final String MASK = "***";

    private ProxyVariables() {
    }

    /** Each set proxy variable under its own spelling, values redacted. */
    public static Map<String, String> from(HostEnvironment env) {
        Map<String, String> found = new LinkedHashMap<>();
        env.variables().entrySet().stream()
                .filter(e -> NAMES.contains(e.getKey().toUpperCase(Locale.ROOT)) && !e.getValue().isBlank())
                .sorted(Comparator.<Map.Entry<String, String>>comparingInt(
                                e -> NAMES.indexOf(e.getKey().toUpperCase(Locale.ROOT)))
                        // Upper case first, as it is the spelling people document.
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> found.put(e.getKey(), redact(e.getValue())));
        return found;
    }

    /**
     * Masks the user information of a proxy URL: {@code http://u:p@proxy:3128} becomes
     * {@code http://***@proxy:3128}. Everything from the scheme up to the <em>last</em> {@code @} is
     * masked, so a password holding an unescaped {@code /}, {@code @} or {@code ,} cannot leak part of
     * itself; with several URLs in one value this may hide more than needed, never less.
     */
    public static String redact(String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int scheme = value.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : leadingSpaces(value);
        return value.substring(0, start) + MASK + value.substring(at);
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
