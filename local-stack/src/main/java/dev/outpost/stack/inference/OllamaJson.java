package dev.outpost.stack.inference;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reading Ollama's JSON leniently: most of its fields are {@code omitempty}, so an absent field means zero or
 * empty, and older or newer servers add or drop fields. Nothing here fails on a missing key.
 */
final class OllamaJson {
    private OllamaJson() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() ? v.asString() : "";
    }

    static long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asLong() : 0;
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            if (v.isString()) {
                out.add(v.asString());
            }
        }
        return List.copyOf(out);
    }

    /** Ollama writes Go's RFC 3339 with nanoseconds and an offset, e.g. {@code 2024-06-04T14:38:31.83753-07:00}. */
    static Optional<Instant> instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every duration Ollama reports is in nanoseconds. */
    static Duration nanos(JsonNode node, String field) {
        return Duration.ofNanos(number(node, field));
    }
}
