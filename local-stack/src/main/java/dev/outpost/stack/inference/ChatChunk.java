package dev.outpost.stack.inference;

import tools.jackson.databind.JsonNode;

/**
 * One line of a streamed chat: usually one token of text. The last line has {@code done} set, usually empty
 * {@code content}, and a {@code doneReason} ({@code stop}, {@code length}, {@code load}, {@code unload}).
 *
 * @param thinking reasoning text from thinking models; empty otherwise
 */
public record ChatChunk(String model, String content, String thinking, boolean done, String doneReason) {
    static ChatChunk fromJson(JsonNode line) {
        JsonNode m = line.path("message");
        return new ChatChunk(OllamaJson.text(line, "model"), OllamaJson.text(m, "content"),
                OllamaJson.text(m, "thinking"), line.path("done").asBoolean(false), OllamaJson.text(line, "done_reason"));
    }
}
