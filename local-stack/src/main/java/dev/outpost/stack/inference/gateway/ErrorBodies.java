package dev.outpost.stack.inference.gateway;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors in the shape each client already parses: Ollama's {@code {"error":"..."}} and the OpenAI envelope
 * {@code {"error":{"message","type","param","code"}}} with Ollama's status-to-type mapping.
 */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static byte[] json(ApiKind dialect, int status, String message) {
        return Json.bytes(node(dialect, status, message));
    }

    /** The line (NDJSON) or event (SSE) that ends a stream which broke after it started. */
    static byte[] streamEnd(StreamFormat format, String message) {
        if (format == StreamFormat.SSE) {
            String event = "data: " + new String(json(ApiKind.OPENAI, 500, message), StandardCharsets.UTF_8) + "\n\n";
            return event.getBytes(StandardCharsets.UTF_8);
        }
        byte[] line = json(ApiKind.OLLAMA, 500, message);
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, line.length);
        out[line.length] = '\n';
        return out;
    }

    static JsonNode node(ApiKind dialect, int status, String message) {
        ObjectNode root = Json.object();
        if (dialect == ApiKind.OLLAMA) {
            root.put("error", message);
            return root;
        }
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", switch (status) {
            case 400 -> "invalid_request_error";
            case 404 -> "not_found_error";
            default -> "api_error";
        });
        error.putNull("param");
        error.putNull("code");
        return root;
    }

    /** The message out of an error body in either dialect, else the body itself, shortened. */
    static String messageOf(byte[] body) {
        String raw = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            JsonNode error = node.get("error");
            if (error != null && error.isString()) {
                return error.stringValue();
            }
            if (error != null && error.isObject() && error.path("message").isString()) {
                return error.path("message").stringValue();
            }
            if (node.path("message").isString()) {
                return node.path("message").stringValue();
            }
        } catch (RuntimeException notJson) {
            // an HTML page from a proxy, plain text from a load balancer: shown as is, shortened
        }
        return raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
    }
}
