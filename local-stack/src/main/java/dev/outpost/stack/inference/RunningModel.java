package dev.outpost.stack.inference;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A model loaded in memory, from {@code GET /api/ps}.
 *
 * @param size          bytes the loaded model takes in all
 * @param sizeVram      of which in GPU memory; less than {@code size} means part runs on the CPU, 0 all of it
 * @param expiresAt     when the server will unload it (its keep-alive); far in the future for "forever"
 * @param contextLength the context window it was loaded with; 0 if the server did not say
 */
public record RunningModel(String name, long size, long sizeVram, String digest, ModelDetails details,
                           Optional<Instant> expiresAt, long contextLength) {
    /** Share of the model in GPU memory, 0 to 1. */
    public double gpuShare() {
        return size <= 0 ? 0 : Math.min(1.0, (double) sizeVram / size);
    }

    static RunningModel fromJson(JsonNode m) {
        String name = OllamaJson.text(m, "name");
        return new RunningModel(name.isEmpty() ? OllamaJson.text(m, "model") : name, OllamaJson.number(m, "size"),
                OllamaJson.number(m, "size_vram"), OllamaJson.text(m, "digest"), ModelDetails.fromJson(m.get("details")),
                OllamaJson.instant(m, "expires_at"), OllamaJson.number(m, "context_length"));
    }
}
