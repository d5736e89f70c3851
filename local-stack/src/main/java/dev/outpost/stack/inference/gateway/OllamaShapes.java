package dev.outpost.stack.inference.gateway;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Ollama's answer objects for {@code /api/chat} and {@code /api/generate}: the chunks of a stream and
 * the final {@code done:true} object, with the field that differs between the two (message vs response).
 */
final class OllamaShapes {
    enum Kind {
        CHAT, GENERATE
    }

    private OllamaShapes() {
    }

    /** One streamed piece: content and/or thinking text, {@code done:false}. */
    static ObjectNode chunk(Kind kind, String model, String content, String thinking) {
        ObjectNode n = head(model);
        if (kind == Kind.CHAT) {
            ObjectNode message = n.putObject("message");
            message.put("role", "assistant");
            message.put("content", content == null ? "" : content);
            if (thinking != null) {
                message.put("thinking", thinking);
            }
        } else {
            n.put("response", content == null ? "" : content);
            if (thinking != null) {
                n.put("thinking", thinking);
            }
        }
        n.put("done", false);
        return n;
    }

    /**
     * The last object: {@code done:true}, why it stopped, and the counts the upstream reported (OpenAI's
     * usage); Ollama leaves zero metrics out, so absent counts stay absent instead of becoming 0.
     */
    static ObjectNode done(Kind kind, String model, String content, String thinking, String finishReason,
                           JsonNode usage, long elapsedNanos) {
        ObjectNode n = chunk(kind, model, content, thinking);
        n.put("done", true);
        n.put("done_reason", doneReason(finishReason));
        n.put("total_duration", elapsedNanos);
        if (usage != null && usage.isObject()) {
            if (usage.path("prompt_tokens").isNumber()) {
                n.put("prompt_eval_count", usage.path("prompt_tokens").asLong());
            }
            if (usage.path("completion_tokens").isNumber()) {
                n.put("eval_count", usage.path("completion_tokens").asLong());
            }
        }
        return n;
    }

    /** Ollama's answer to a request with nothing to generate: it only loads the model. */
    static ObjectNode loaded(Kind kind, String model) {
        ObjectNode n = chunk(kind, model, "", null);
        n.put("done", true);
        n.put("done_reason", "load");
        return n;
    }

    /** OpenAI's finish_reason in Ollama's words: only "length" differs from "stop" for a client. */
    static String doneReason(String finishReason) {
        return "length".equals(finishReason) ? "length" : "stop";
    }

    private static ObjectNode head(String model) {
        ObjectNode n = Json.object();
        n.put("model", model);
        n.put("created_at", Instant.now().toString());
        return n;
    }
}
