package dev.outpost.stack.inference;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code POST /api/generate} request; always streamed.
 *
 * @param system    a system prompt overriding the Modelfile's; null keeps it
 * @param options   model options such as {@code temperature}, {@code num_predict}; empty for the defaults
 * @param keepAlive as in {@link ChatRequest#keepAlive()}; null leaves it to the server
 */
public record GenerateRequest(String model, String prompt, String system, Map<String, Object> options,
                              String keepAlive) {
    public GenerateRequest {
        Objects.requireNonNull(model, "model");
        prompt = prompt == null ? "" : prompt;
        options = Map.copyOf(options);
    }

    public static GenerateRequest of(String model, String prompt) {
        return new GenerateRequest(model, prompt, null, Map.of(), null);
    }

    public GenerateRequest withSystem(String s) {
        return new GenerateRequest(model, prompt, s, options, keepAlive);
    }

    public GenerateRequest withOptions(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.putAll(more);
        return new GenerateRequest(model, prompt, system, all, keepAlive);
    }

    public GenerateRequest withKeepAlive(Duration d) {
        return new GenerateRequest(model, prompt, system, options, KeepAlive.of(d));
    }

    public GenerateRequest withKeepAlive(String ollamaValue) {
        return new GenerateRequest(model, prompt, system, options, ollamaValue);
    }

    ObjectNode toJson() {
        ObjectNode body = OllamaTransport.JSON.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        if (system != null) {
            body.put("system", system);
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
