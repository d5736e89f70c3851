package dev.outpost.stack.inference;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code POST /api/chat} request; always streamed.
 *
 * @param options   model options such as {@code temperature}, {@code num_ctx}, {@code seed}; empty for the defaults
 * @param keepAlive how long the model stays loaded afterwards as Ollama reads it ({@code "5m"}, {@code "0"} to
 *                  unload, {@code "-1s"} forever); null leaves it to the server
 */
public record ChatRequest(String model, List<ChatMessage> messages, Map<String, Object> options, String keepAlive) {
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        options = Map.copyOf(options);
    }

    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, Map.of(), null);
    }

    public ChatRequest withOptions(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.putAll(more);
        return new ChatRequest(model, messages, all, keepAlive);
    }

    public ChatRequest withKeepAlive(Duration d) {
        return new ChatRequest(model, messages, options, KeepAlive.of(d));
    }

    public ChatRequest withKeepAlive(String ollamaValue) {
        return new ChatRequest(model, messages, options, ollamaValue);
    }

    ObjectNode toJson() {
        ObjectNode body = OllamaTransport.JSON.createObjectNode();
        body.put("model", model);
        var list = body.putArray("messages");
        for (ChatMessage m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        body.put("stream", true);
        if (!options.isEmpty()) {
            body.set("options", OllamaTransport.JSON.valueToTree(options));
        }
        if (keepAlive != null) {
            body.put("keep_alive", keepAlive);
        }
        return body;
    }
}
