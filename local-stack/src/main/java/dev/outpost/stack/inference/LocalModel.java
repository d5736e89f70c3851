package dev.outpost.stack.inference;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A model stored on the server, from {@code GET /api/tags}.
 *
 * @param name       {@code model:tag}, e.g. {@code llama3.2:latest}
 * @param size       bytes on disk
 * @param digest     the manifest digest (hex, without {@code sha256:})
 * @param modifiedAt when it was pulled or created; empty if the server did not say
 */
public record LocalModel(String name, long size, String digest, Optional<Instant> modifiedAt, ModelDetails details) {
    static LocalModel fromJson(JsonNode m) {
        String name = OllamaJson.text(m, "name");
        return new LocalModel(name.isEmpty() ? OllamaJson.text(m, "model") : name, OllamaJson.number(m, "size"),
                OllamaJson.text(m, "digest"), OllamaJson.instant(m, "modified_at"),
                ModelDetails.fromJson(m.get("details")));
    }
}
