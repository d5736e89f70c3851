package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * A whole JSON answer from an OpenAI-compatible route, rewritten into Ollama's shape. Read completely
 * first, so a broken or unreadable upstream answer can still become a proper 502.
 */
final class JsonRelay implements Relay {
    /** An Ollama-shaped answer built from the upstream's JSON. */
    record Answer(int status, JsonNode body) {
    }

    @FunctionalInterface
    interface Translation {
        /** @param elapsedNanos since the gateway received the request (Ollama reports total_duration) */
        Answer translate(JsonNode upstream, long elapsedNanos);
    }

    private final Translation translation;

    JsonRelay(Translation translation) {
        this.translation = translation;
    }

    @Override
    public Outcome relay(HttpResponse<InputStream> upstream, ClientStream client, String route)
            throws ClientGoneException {
        byte[] body;
        InputStream in = upstream.body();
        try {
            body = in.readAllBytes();
        } catch (IOException e) {
            String message = "the answer from route '" + route + "' broke off: " + Upstream.describe(e);
            client.error(502, message);
            return new Outcome(message, false);
        } finally {
            Upstream.closeQuietly(in);
        }
        if (upstream.statusCode() >= 400) {
            // an error in the OpenAI envelope, re-shaped for the Ollama client with the same status
            client.error(upstream.statusCode(), ErrorBodies.messageOf(body));
            return Outcome.COMPLETE;
        }
        Answer answer;
        try {
            answer = translation.translate(Json.MAPPER.readTree(body), System.nanoTime() - client.startNanos());
        } catch (RuntimeException e) {
            String message = "route '" + route + "' answered something the gateway cannot translate: " + e.getMessage();
            client.error(502, message);
            return new Outcome(message, false);
        }
        client.answer(answer.status(), "application/json; charset=utf-8", Json.bytes(answer.body()));
        return Outcome.COMPLETE;
    }
}
