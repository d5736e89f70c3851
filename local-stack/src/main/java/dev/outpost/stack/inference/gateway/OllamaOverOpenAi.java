package dev.outpost.stack.inference.gateway;

import dev.outpost.stack.inference.gateway.OllamaShapes.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Ollama client talking to an OpenAI-compatible route (vLLM, a hosted API): each {@code /api} endpoint
 * becomes its {@code /v1} counterpart, and the answer is re-shaped into what the Ollama client expects.
 *
 * <p>{@code /api/generate} goes to {@code /v1/chat/completions} (the prompt as a user message) rather than
 * {@code /v1/completions}: Ollama applies the model's chat template to a generate prompt, and only the chat
 * route does so upstream. Tool calls are refused with a clear 501 instead of half-translated.
 */
final class OllamaOverOpenAi {
    /** The Ollama API level whose shapes the gateway produces; answered for /api/version on OpenAI routes. */
    static final String OLLAMA_API_VERSION = "0.32.15";
    private static final String JSON = "application/json; charset=utf-8";

    private OllamaOverOpenAi() {
    }

    static Plan plan(IncomingRequest in, Route route) {
        return switch (in.path()) {
            case "/api/chat" -> chat(in, Kind.CHAT);
            case "/api/generate" -> chat(in, Kind.GENERATE);
            case "/api/tags" -> new Plan.Forward(UpstreamRequest.json("GET", "/v1/models", new byte[0]),
                    new JsonRelay((body, t) -> new JsonRelay.Answer(200, tags(body, false))));
            case "/api/ps" -> new Plan.Forward(UpstreamRequest.json("GET", "/v1/models", new byte[0]),
                    new JsonRelay((body, t) -> new JsonRelay.Answer(200, tags(body, true))));
            case "/api/show" -> show(in);
            case "/api/embed" -> embed(in);
            case "/api/version" -> answer(200, Json.object().put("version", OLLAMA_API_VERSION));
            default -> answer(501, ErrorBodies.node(ApiKind.OLLAMA, 501, in.path() + " is not available through route '"
                    + route.name() + "', which speaks the OpenAI-compatible API"));
        };
    }

    private static Plan chat(IncomingRequest in, Kind kind) {
        JsonNode req = in.json();
        if (req == null) {
            return badRequest(in.body().length == 0 ? "missing request body" : "request body is not a JSON object");
        }
        String model = in.model();
        if (model == null) {
            return badRequest("model is required");
        }
        if (hasTools(req)) {
            return answer(501, ErrorBodies.node(ApiKind.OLLAMA, 501,
                    "tool calls are not translated to OpenAI-compatible routes; use a route that speaks the Ollama API"));
        }
        ArrayNode messages = kind == Kind.CHAT ? chatMessages(req) : generateMessages(req);
        if (messages.isEmpty()) {
            // Ollama's "load the model" request; an OpenAI server has nothing to load on demand
            return answer(200, OllamaShapes.loaded(kind, model));
        }
        boolean stream = !(req.path("stream").isBoolean() && !req.path("stream").booleanValue());
        ObjectNode out = Json.object();
        out.put("model", model);
        out.set("messages", messages);
        out.put("stream", stream);
        if (stream) {
            // usage arrives only when asked for; it becomes the done line's prompt_eval_count/eval_count
            out.putObject("stream_options").put("include_usage", true);
        }
        options(req, out);
        UpstreamRequest request = UpstreamRequest.json("POST", "/v1/chat/completions", Json.bytes(out));
        Relay relay = stream ? new SseToNdjsonRelay(kind, model)
                : new JsonRelay((body, elapsed) -> new JsonRelay.Answer(200, completion(kind, model, body, elapsed)));
        return new Plan.Forward(request, relay);
    }

    private static boolean hasTools(JsonNode req) {
        if (req.path("tools").isArray() && !req.path("tools").isEmpty()) {
            return true;
        }
        for (JsonNode m : req.path("messages")) {
            if (m.path("tool_calls").isArray() && !m.path("tool_calls").isEmpty() || "tool".equals(Json.text(m, "role"))) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode chatMessages(JsonNode req) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode m : req.path("messages")) {
            ObjectNode o = out.addObject();
            o.put("role", Json.text(m, "role") == null ? "user" : Json.text(m, "role"));
            String content = Json.text(m, "content") == null ? "" : Json.text(m, "content");
            JsonNode images = m.path("images");
            if (images.isArray() && !images.isEmpty()) {
                // Ollama sends bare base64; OpenAI wants content parts with data URLs
                ArrayNode parts = o.putArray("content");
                parts.addObject().put("type", "text").put("text", content);
                for (JsonNode image : images) {
                    parts.addObject().put("type", "image_url").putObject("image_url")
                            .put("url", "data:" + imageType(image.asString()) + ";base64," + image.asString());
                }
            } else {
                o.put("content", content);
            }
        }
        return out;
    }

    private static ArrayNode generateMessages(JsonNode req) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        String system = Json.text(req, "system");
        if (system != null && !system.isEmpty()) {
            out.addObject().put("role", "system").put("content", system);
        }
        String prompt = Json.text(req, "prompt");
        if (prompt != null && !prompt.isEmpty()) {
            out.addObject().put("role", "user").put("content", prompt);
        }
        return out;
    }

    /** The media type of base64 image data, from its first bytes (the data URL needs one). */
    static String imageType(String base64) {
        if (base64.startsWith("iVBOR")) {
            return "image/png";
        }
        if (base64.startsWith("R0lG")) {
            return "image/gif";
        }
        if (base64.startsWith("UklG")) {
            return "image/webp";
        }
        return "image/jpeg";
    }

    /** Ollama's options and format in OpenAI's names; options OpenAI has no name for are left out. */
    private static void options(JsonNode req, ObjectNode out) {
        JsonNode o = req.path("options");
        for (String same : List.of("temperature", "top_p", "seed", "stop", "frequency_penalty", "presence_penalty")) {
            if (o.has(same)) {
                out.set(same, o.get(same));
            }
        }
        if (o.path("num_predict").isNumber() && o.path("num_predict").asLong() > 0) {
            out.put("max_tokens", o.path("num_predict").asLong());
        }
        JsonNode format = req.get("format");
        if (format != null && format.isString() && format.stringValue().equals("json")) {
            out.putObject("response_format").put("type", "json_object");
        } else if (format != null && format.isObject()) {
            ObjectNode rf = out.putObject("response_format");
            rf.put("type", "json_schema");
            ObjectNode schema = rf.putObject("json_schema");
            schema.put("name", "response");
            schema.set("schema", format);
        }
    }

    private static ObjectNode completion(Kind kind, String model, JsonNode body, long elapsed) {
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.isMissingNode()) {
            throw new IllegalArgumentException("no choices[0].message in the completion");
        }
        String thinking = Json.text(message, "reasoning") != null ? Json.text(message, "reasoning")
                : Json.text(message, "reasoning_content");
        return OllamaShapes.done(kind, model, Json.text(message, "content"), thinking,
                Json.text(choice, "finish_reason"), body.get("usage"), elapsed);
    }

    /** {@code /v1/models} as {@code /api/tags}, or as {@code /api/ps}: what an OpenAI server lists is loaded. */
    static ObjectNode tags(JsonNode body, boolean running) {
        ObjectNode out = Json.object();
        ArrayNode models = out.putArray("models");
        for (JsonNode m : modelList(body)) {
            models.add(tag(m, running));
        }
        return out;
    }

    private static List<JsonNode> modelList(JsonNode body) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode data = body.path("data");
        if (!data.isArray() && !data.isNull() && !data.isMissingNode()) {
            throw new IllegalArgumentException("no data list in the model list");
        }
        data.forEach(list::add);
        return list;
    }

    private static ObjectNode tag(JsonNode m, boolean running) {
        String id = Json.text(m, "id");
        ObjectNode t = Json.object();
        t.put("name", id);
        t.put("model", id);
        if (m.path("created").isNumber()) {
            t.put("modified_at", Instant.ofEpochSecond(m.path("created").asLong()).toString());
        }
        t.put("size", 0);
        t.put("digest", "");
        ObjectNode details = t.putObject("details");
        details.put("parent_model", "");
        details.put("format", "");
        details.put("family", "");
        details.putNull("families");
        details.put("parameter_size", "");
        details.put("quantization_level", "");
        if (running) {
            t.put("size_vram", 0);
            if (m.path("max_model_len").isNumber()) {
                t.put("context_length", m.path("max_model_len").asLong());
            }
        }
        return t;
    }

    /** {@code /api/show} from the model list: little is known beyond that the model exists and completes. */
    private static Plan show(IncomingRequest in) {
        String model = in.model();
        if (model == null) {
            return badRequest("model is required");
        }
        return new Plan.Forward(UpstreamRequest.json("GET", "/v1/models", new byte[0]), new JsonRelay((body, t) -> {
            for (JsonNode m : modelList(body)) {
                if (model.equals(Json.text(m, "id"))) {
                    ObjectNode s = Json.object();
                    s.put("modelfile", "");
                    s.put("parameters", "");
                    s.put("template", "");
                    s.set("details", tag(m, false).get("details"));
                    ObjectNode info = s.putObject("model_info");
                    if (m.path("max_model_len").isNumber()) {
                        info.put("general.context_length", m.path("max_model_len").asLong());
                    }
                    s.putArray("capabilities").add("completion");
                    return new JsonRelay.Answer(200, s);
                }
            }
            return new JsonRelay.Answer(404, ErrorBodies.node(ApiKind.OLLAMA, 404, "model '" + model + "' not found"));
        }));
    }

    private static Plan embed(IncomingRequest in) {
        JsonNode req = in.json();
        String model = in.model();
        if (req == null || model == null || !req.has("input")) {
            return badRequest(req == null ? "missing request body" : model == null ? "model is required" : "invalid input type");
        }
        ObjectNode out = Json.object();
        out.put("model", model);
        out.set("input", req.get("input"));
        if (req.path("dimensions").isNumber()) {
            out.set("dimensions", req.get("dimensions"));
        }
        return new Plan.Forward(UpstreamRequest.json("POST", "/v1/embeddings", Json.bytes(out)),
                new JsonRelay((body, elapsed) -> {
                    List<JsonNode> data = new ArrayList<>();
                    body.path("data").forEach(data::add);
                    data.sort((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt()));
                    ObjectNode e = Json.object();
                    e.put("model", model);
                    ArrayNode embeddings = e.putArray("embeddings");
                    data.forEach(d -> embeddings.add(d.path("embedding")));
                    e.put("total_duration", elapsed);
                    if (body.path("usage").path("prompt_tokens").isNumber()) {
                        e.put("prompt_eval_count", body.path("usage").path("prompt_tokens").asLong());
                    }
                    return new JsonRelay.Answer(200, e);
                }));
    }

    private static Plan badRequest(String message) {
        return answer(400, ErrorBodies.node(ApiKind.OLLAMA, 400, message));
    }

    private static Plan answer(int status, JsonNode body) {
        return new Plan.Answer(status, JSON, Json.bytes(body));
    }
}
