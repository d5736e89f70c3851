package dev.outpost.stack.inference;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * What {@code POST /api/show} says about a model.
 *
 * @param capabilities e.g. {@code [completion, tools, vision]}; empty from servers that predate the field
 * @param modelInfo    the GGUF metadata ({@code general.architecture}, {@code llama.context_length}, ...) as plain
 *                     Java values: strings, numbers, booleans, lists, maps
 * @param parameters   the Modelfile's PARAMETER lines, as one text
 */
public record ModelInfo(String model, ModelDetails details, List<String> capabilities, Map<String, Object> modelInfo,
                        String parameters, String template, String system, String license, String modelfile,
                        Optional<Instant> modifiedAt) {
    public ModelInfo {
        capabilities = List.copyOf(capabilities);
        modelInfo = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelInfo));
    }

    /** The architecture's trained context length ({@code <arch>.context_length}), when the metadata has it. */
    public OptionalLong contextLength() {
        Object arch = modelInfo.get("general.architecture");
        Object v = arch == null ? null : modelInfo.get(arch + ".context_length");
        return v instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    @SuppressWarnings("unchecked")
    static ModelInfo fromJson(String model, JsonNode s) {
        JsonNode info = s.path("model_info");
        Map<String, Object> map = info.isObject()
                ? OllamaTransport.JSON.convertValue(info, LinkedHashMap.class) : Map.of();
        return new ModelInfo(model, ModelDetails.fromJson(s.get("details")), OllamaJson.strings(s, "capabilities"),
                map, OllamaJson.text(s, "parameters"), OllamaJson.text(s, "template"), OllamaJson.text(s, "system"),
                OllamaJson.text(s, "license"), OllamaJson.text(s, "modelfile"), OllamaJson.instant(s, "modified_at"));
    }
}
