package dev.outpost.stack.inference.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI chat-completions wire format, shared by Ollama's {@code /v1} routes and {@link OpenAiDouble}. The two
 * differ in small ways, kept as a flavour: Ollama's first chunk already carries the first token and its
 * {@code system_fingerprint} is {@code fp_ollama}; OpenAI's first chunk is {@code role} with empty
 * {@code content} and {@code refusal: null}, and its choices carry {@code logprobs: null}.
 */
final class OpenAiWire {
    enum Flavor { OLLAMA, OPENAI }

    private static final String SSE = "text/event-stream";

    private OpenAiWire() {
    }

    /** {@code {"error":{"message":..,"type":..,"param":null,"code":..}}}, the envelope both use. */
    static void error(HttpExchange ex, int status, String message, String code) throws IOException {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "invalid_request_error";
            case 404 -> "not_found_error";
            default -> "api_error";
        };
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("type", type);
        e.put("param", null);
        e.put("code", code);
        FakeHttp.json(ex, status, Map.of("error", e));
    }

    /** {@code GET /v1/models}; Ollama leaves {@code data} null when it has no models. */
    static void models(HttpExchange ex, List<String> ids, long created, String ownedBy, Flavor flavor)
            throws IOException {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String id : ids) {
            data.add(Map.of("id", id, "object", "model", "created", created, "owned_by", ownedBy));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data.isEmpty() && flavor == Flavor.OLLAMA ? null : data);
        FakeHttp.json(ex, 200, body);
    }

    /** {@code POST /v1/chat/completions}, streamed as SSE or answered in one object. */
    static void chat(FakeHttp server, HttpExchange ex, JsonNode request, String reply, Duration tokenDelay,
                     AtomicReference<StreamFault> faults, Flavor flavor) throws IOException, InterruptedException {
        String model = request.path("model").asString("");
        String id = "chatcmpl-" + Math.abs(model.hashCode() % 999);
        long created = System.currentTimeMillis() / 1000;
        String[] tokens = StreamFault.tokens(reply);
        Map<String, Object> usage = Map.of("prompt_tokens", 26, "completion_tokens", tokens.length,
                "total_tokens", 26 + tokens.length);
        if (!request.path("stream").asBoolean(false)) {
            Map<String, Object> body = base(id, "chat.completion", created, model, flavor);
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("index", 0);
            choice.put("message", Map.of("role", "assistant", "content", reply));
            if (flavor == Flavor.OPENAI) {
                choice.put("logprobs", null);
            }
            choice.put("finish_reason", "stop");
            body.put("choices", List.of(choice));
            body.put("usage", usage);
            FakeHttp.json(ex, 200, body);
            return;
        }
        FakeHttp.Lines out = FakeHttp.stream(ex, SSE);
        StreamFault fault = faults.getAndSet(null);
        if (flavor == Flavor.OPENAI) {
            Map<String, Object> delta = new LinkedHashMap<>();
            delta.put("role", "assistant");
            delta.put("content", "");
            delta.put("refusal", null);
            event(out, chunk(id, created, model, flavor, delta, null));
        }
        for (int i = 0; i < tokens.length; i++) {
            if (fault != null && fault.afterTokens() == i) {
                apply(out, fault);
                if (fault.kind() == StreamFault.Kind.ERROR) {
                    return;
                }
            }
            Map<String, Object> delta = new LinkedHashMap<>();
            if (i == 0 && flavor == Flavor.OLLAMA) {
                delta.put("role", "assistant");
            }
            delta.put("content", tokens[i]);
            event(out, chunk(id, created, model, flavor, delta, null));
            if (!tokenDelay.isZero()) {
                server.pause(tokenDelay);
            }
        }
        event(out, chunk(id, created, model, flavor, Map.of(), "stop"));
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            Map<String, Object> u = base(id, "chat.completion.chunk", created, model, flavor);
            u.put("choices", List.of());
            u.put("usage", usage);
            event(out, u);
        }
        out.line("data: [DONE]\n");
    }

    private static void apply(FakeHttp.Lines out, StreamFault fault) throws InterruptedException {
        switch (fault.kind()) {
            case ERROR -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("message", fault.message());
                e.put("type", "api_error");
                e.put("param", null);
                e.put("code", null);
                event(out, Map.of("error", e));
            }
            case DROP -> throw new FakeHttp.Drop();
            case HOLD -> fault.gate().hold();
        }
    }

    private static Map<String, Object> chunk(String id, long created, String model, Flavor flavor,
                                             Map<String, Object> delta, String finishReason) {
        Map<String, Object> c = base(id, "chat.completion.chunk", created, model, flavor);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        if (flavor == Flavor.OPENAI) {
            choice.put("logprobs", null);
        }
        choice.put("finish_reason", finishReason);
        c.put("choices", List.of(choice));
        return c;
    }

    private static Map<String, Object> base(String id, String object, long created, String model, Flavor flavor) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("object", object);
        c.put("created", created);
        c.put("model", model);
        c.put("system_fingerprint", flavor == Flavor.OLLAMA ? "fp_ollama" : "fp_outpost_test");
        return c;
    }

    private static void event(FakeHttp.Lines out, Object data) {
        // One event per flush: "data: {...}" and the blank line that ends it.
        out.line("data: " + FakeHttp.JSON.writeValueAsString(data) + "\n");
    }
}
