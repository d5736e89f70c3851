package dev.outpost.stack.inference;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code details} Ollama gives for a model in {@code /api/tags}, {@code /api/ps} and {@code /api/show}.
 *
 * @param format            {@code gguf} for nearly every model; may be empty
 * @param family            e.g. {@code llama}
 * @param families          every family, e.g. {@code [llama, clip]} for a vision model
 * @param parameterSize     as Ollama writes it, e.g. {@code 3.2B}
 * @param quantizationLevel e.g. {@code Q4_K_M}
 * @param parentModel       the model this one was made from, empty when none
 */
public record ModelDetails(String format, String family, List<String> families, String parameterSize,
                           String quantizationLevel, String parentModel) {
    public static final ModelDetails UNKNOWN = new ModelDetails("", "", List.of(), "", "", "");

    public ModelDetails {
        families = List.copyOf(families);
    }

    static ModelDetails fromJson(JsonNode d) {
        if (d == null || !d.isObject()) {
            return UNKNOWN;
        }
        return new ModelDetails(OllamaJson.text(d, "format"), OllamaJson.text(d, "family"),
                OllamaJson.strings(d, "families"), OllamaJson.text(d, "parameter_size"),
                OllamaJson.text(d, "quantization_level"), OllamaJson.text(d, "parent_model"));
    }
}
