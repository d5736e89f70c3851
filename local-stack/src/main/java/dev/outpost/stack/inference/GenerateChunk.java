package dev.outpost.stack.inference;

import tools.jackson.databind.JsonNode;

/** One line of a streamed generate: a piece of {@code response}; the last has {@code done} set. */
public record GenerateChunk(String model, String response, String thinking, boolean done, String doneReason) {
    static GenerateChunk fromJson(JsonNode line) {
        return new GenerateChunk(OllamaJson.text(line, "model"), OllamaJson.text(line, "response"),
                OllamaJson.text(line, "thinking"), line.path("done").asBoolean(false),
                OllamaJson.text(line, "done_reason"));
    }
}
