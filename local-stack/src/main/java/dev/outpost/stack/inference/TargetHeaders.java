package dev.outpost.stack.inference;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headers to send with every request to one inference target. Its {@code toString()} shows names only,
 * so a debug log of it cannot leak the token.
 */
public record TargetHeaders(Map<String, String> values) {
    public static final TargetHeaders NONE = new TargetHeaders(Map.of());

    public TargetHeaders {
        values = Map.copyOf(values);
    }

    public static TargetHeaders bearer(String token) {
        return new TargetHeaders(Map.of("Authorization", "Bearer " + token));
    }

    /** For {@code HttpRequest.Builder.headers(...)}: name, value, name, value... */
    public String[] asArray() {
        return values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return values.keySet().stream().sorted().map(k -> k + ": <hidden>")
                .collect(Collectors.joining(", ", "TargetHeaders[", "]"));
    }
}
