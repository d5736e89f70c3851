package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible chat stream (SSE) re-emitted as Ollama NDJSON: one line per content event, written
 * and flushed when its event arrives, then the {@code done:true} line once the upstream says it finished.
 *
 * <p>Handles both ways servers end: {@code finish_reason} on its own empty-delta chunk (current Ollama,
 * OpenAI) or on the last content chunk (older Ollama, some vLLM builds), with or without a usage chunk.
 * A stream that ends before {@code [DONE]} or a finish_reason did not finish: the client gets an error line.
 */
final class SseToNdjsonRelay implements Relay {
    private static final String NDJSON = "application/x-ndjson";

    private final OllamaShapes.Kind kind;
    private final String model;

    SseToNdjsonRelay(OllamaShapes.Kind kind, String model) {
        this.kind = kind;
        this.model = model;
    }

    @Override
    public Outcome relay(HttpResponse<InputStream> upstream, ClientStream client, String route)
            throws ClientGoneException {
        InputStream in = upstream.body();
        try {
            if (upstream.statusCode() >= 400) {
                byte[] body = readError(in);
                client.error(upstream.statusCode(), ErrorBodies.messageOf(body));
                return Outcome.COMPLETE;
            }
            client.begin(upstream.statusCode(), NDJSON);
            return stream(new LineReader(in), client, route);
        } finally {
            Upstream.closeQuietly(in);
        }
    }

    private Outcome stream(LineReader lines, ClientStream client, String route) throws ClientGoneException {
        State state = new State();
        StringBuilder data = new StringBuilder();
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() && event(data.toString(), state, client, !lines.ready())) {
                        break;
                    }
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
                }
                // "event:", "id:", "retry:" and ": comment" lines carry nothing a chat client needs
            }
            if (line == null && !data.isEmpty()) {
                event(data.toString(), state, client, true);
            }
        } catch (IOException e) {
            return fail(client, "the stream from route '" + route + "' broke off: " + Upstream.describe(e));
        } catch (UpstreamReported e) {
            return fail(client, "route '" + route + "' reported an error mid-stream: " + e.getMessage());
        } catch (RuntimeException e) {
            return fail(client, "route '" + route + "' sent an event the gateway cannot read: " + e.getMessage());
        }
        if (!state.done && state.finishReason == null) {
            return fail(client, "the stream from route '" + route + "' ended before the answer was finished");
        }
        client.writeLine(Json.bytes(OllamaShapes.done(kind, model, "", null, state.finishReason, state.usage,
                System.nanoTime() - client.startNanos())));
        return Outcome.COMPLETE;
    }

    /**
     * @param flush false when more events have already arrived: their lines go out together with this one
     * @return true at {@code [DONE]}, the end of the stream
     */
    private boolean event(String data, State state, ClientStream client, boolean flush)
            throws ClientGoneException, UpstreamReported {
        if (data.equals("[DONE]")) {
            state.done = true;
            return true;
        }
        JsonNode event = Json.MAPPER.readTree(data);
        JsonNode error = event.get("error");
        if (error != null && !error.isNull()) {
            throw new UpstreamReported(ErrorBodies.messageOf(Json.bytes(event)));
        }
        JsonNode usage = event.get("usage");
        if (usage != null && usage.isObject()) {
            state.usage = usage;
        }
        JsonNode choice = event.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String content = Json.text(delta, "content");
        String thinking = Json.text(delta, "reasoning");
        if (thinking == null) {
            thinking = Json.text(delta, "reasoning_content");
        }
        if ((content != null && !content.isEmpty()) || (thinking != null && !thinking.isEmpty())) {
            client.writeLine(Json.bytes(OllamaShapes.chunk(kind, model, content, thinking)), flush);
        } else if (flush) {
            client.flush();
        }
        String finish = Json.text(choice, "finish_reason");
        if (finish != null) {
            state.finishReason = finish;
        }
        return false;
    }

    private static Outcome fail(ClientStream client, String message) throws ClientGoneException {
        client.streamEnd(StreamFormat.NDJSON, message);
        return new Outcome(message, false);
    }

    private static byte[] readError(InputStream in) {
        try {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static final class State {
        boolean done;
        String finishReason;
        JsonNode usage;
    }

    /** An {@code {"error":...}} event inside the stream. */
    private static final class UpstreamReported extends Exception {
        UpstreamReported(String message) {
            super(message, null, false, false);
        }
    }
}
