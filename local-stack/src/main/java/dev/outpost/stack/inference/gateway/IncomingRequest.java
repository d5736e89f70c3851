package dev.outpost.stack.inference.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * A client's request, read whole before routing: the body names the model the placement decides on, and
 * it must be sent again as is when the first route fails. Inference requests are small (prompts, not files).
 *
 * @param json the body as a JSON object, null when it is empty or not one (passed on untouched then)
 */
record IncomingRequest(String method, String path, String rawQuery, String contentType, byte[] body, ApiKind dialect,
                       JsonNode json) {

    static IncomingRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new IncomingRequest(exchange.getRequestMethod(), path, uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, ApiKind.ofClientPath(path), parse(body));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The model the request is for ({@code name} is Ollama's older spelling), null when it names none. */
    String model() {
        String model = Json.text(json, "model");
        if (model == null || model.isBlank()) {
            model = Json.text(json, "name");
        }
        return model == null || model.isBlank() ? null : model;
    }

    String pathAndQuery() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }

    UpstreamRequest unchanged() {
        return new UpstreamRequest(method, pathAndQuery(), contentType, body);
    }
}
