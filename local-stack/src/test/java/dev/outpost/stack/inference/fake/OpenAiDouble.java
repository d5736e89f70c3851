package dev.outpost.stack.inference.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible server for tests (what a gateway or a hosted endpoint looks like): {@code GET /v1/models}
 * and {@code POST /v1/chat/completions}, streamed as SSE exactly like OpenAI ({@code chat.completion.chunk}
 * objects, a first chunk with the role, a last with {@code finish_reason}, then {@code data: [DONE]}), behind a
 * required bearer key. Not modelled: tools, logprobs values, {@code n > 1}, moderation, rate limits, every other
 * route.
 */
public final class OpenAiDouble extends FakeHttp {
    private final List<String> models = new CopyOnWriteArrayList<>(List.of("gpt-4o-mini"));
    private final AtomicReference<StreamFault> streamFault = new AtomicReference<>();
    private volatile String reply = OllamaDouble.DEFAULT_REPLY;
    private volatile Duration tokenDelay = Duration.ZERO;

    private OpenAiDouble(String apiKey, javax.net.ssl.SSLContext tls) {
        super(tls);
        bearer(apiKey);
    }

    /** Plain HTTP; requests need {@code Authorization: Bearer apiKey} (null accepts any). */
    public static OpenAiDouble start(String apiKey) {
        return new OpenAiDouble(apiKey, null);
    }

    public static OpenAiDouble startHttps(String apiKey, TestCa ca) {
        return new OpenAiDouble(apiKey, ca.serverContext());
    }

    /** The base URL OpenAI clients take, ending in {@code /v1}. */
    public URI baseUrl() {
        return URI.create(uri() + "/v1");
    }

    public OpenAiDouble models(String... ids) {
        models.clear();
        models.addAll(List.of(ids));
        return this;
    }

    public OpenAiDouble reply(String text) {
        reply = text;
        return this;
    }

    public OpenAiDouble tokenDelay(Duration d) {
        tokenDelay = d;
        return this;
    }

    /** The next stream sends {@code data: {"error":{...}}} after {@code afterTokens} tokens and ends. */
    public OpenAiDouble errorMidStream(int afterTokens, String message) {
        streamFault.set(new StreamFault(StreamFault.Kind.ERROR, afterTokens, message, null));
        return this;
    }

    public OpenAiDouble dropNextStream(int afterTokens) {
        streamFault.set(new StreamFault(StreamFault.Kind.DROP, afterTokens, null, null));
        return this;
    }

    public Gate holdNextStream(int afterTokens) {
        Gate gate = new Gate();
        streamFault.set(new StreamFault(StreamFault.Kind.HOLD, afterTokens, null, gate));
        return gate;
    }

    @Override
    void unauthorized(HttpExchange ex, String path) throws IOException {
        // OpenAI echoes a masked key; this double leaves it out altogether.
        OpenAiWire.error(ex, 401, "Incorrect API key provided.", "invalid_api_key");
    }

    @Override
    void handle(HttpExchange ex, String path, String body) throws IOException, InterruptedException {
        switch (ex.getRequestMethod() + " " + path) {
            case "GET /v1/models" -> OpenAiWire.models(ex, List.copyOf(models), 1_700_000_000L, "system",
                    OpenAiWire.Flavor.OPENAI);
            case "POST /v1/chat/completions" -> chat(ex, body);
            default -> OpenAiWire.error(ex, 404, "Invalid URL (" + ex.getRequestMethod() + " " + path + ")", null);
        }
    }

    private void chat(HttpExchange ex, String body) throws IOException, InterruptedException {
        JsonNode r;
        try {
            r = JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            OpenAiWire.error(ex, 400, "We could not parse the JSON body of your request.", null);
            return;
        }
        String model = r.path("model").asString("");
        if (!models.contains(model)) {
            OpenAiWire.error(ex, 404, "The model `" + model + "` does not exist or you do not have access to it.",
                    "model_not_found");
            return;
        }
        OpenAiWire.chat(this, ex, r, reply, tokenDelay, streamFault, OpenAiWire.Flavor.OPENAI);
    }
}
