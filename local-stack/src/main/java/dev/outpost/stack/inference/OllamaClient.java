package dev.outpost.stack.inference;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's native REST API, one typed method per endpoint. Streaming calls ({@link #chat}, {@link #generate},
 * {@link #pull}) hand each NDJSON line to a callback as it arrives, after checking it for an {@code error} field.
 * Every failure is an {@link OllamaException} with a {@link OllamaException.Kind}.
 *
 * <p>For a remote server behind an authenticating proxy, pass a bearer-token supplier: it is asked on every
 * request, sent as {@code Authorization: Bearer ...}, and never logged or put into a message. For a server whose
 * certificate comes from a private CA, pass an {@link SSLContext} trusting that CA ({@link OllamaTls}); host
 * names are still verified.
 *
 * <p>Blocking methods run on the caller's thread; {@link #pull} runs on its own. Thread-safe.
 */
public final class OllamaClient implements AutoCloseable {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** For the quick calls (version, tags, ps, delete); streaming, show and embed may load a model and wait. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final OllamaTransport transport;

    /**
     * @param baseUri     e.g. {@code http://127.0.0.1:11434} or {@code https://gpu.example:443/ollama}
     * @param bearerToken asked for the token on each request; null (or a null/blank answer) sends none
     * @param sslContext  trust for HTTPS servers; null uses the JDK's default trust store
     */
    public OllamaClient(URI baseUri, Supplier<String> bearerToken, SSLContext sslContext) {
        this(baseUri, bearerToken, sslContext, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public OllamaClient(URI baseUri, Supplier<String> bearerToken, SSLContext sslContext, Duration connectTimeout,
                        Duration requestTimeout) {
        Objects.requireNonNull(baseUri, "baseUri");
        this.transport = new OllamaTransport(baseUri, bearerToken, sslContext, connectTimeout, requestTimeout);
    }

    /** A local server, no token, default trust. */
    public OllamaClient(URI baseUri) {
        this(baseUri, null, null);
    }

    /** The server OLLAMA_HOST names (see {@link OllamaHost}). */
    public static OllamaClient forHost(OllamaHost host) {
        return new OllamaClient(host.baseUri());
    }

    /** host:port, as messages name the server. */
    public String address() {
        return transport.address();
    }

    /** {@code GET /api/version}: the server's version, e.g. {@code 0.32.15}. */
    public String version() throws InterruptedException {
        return OllamaJson.text(transport.get("/api/version"), "version");
    }

    /** {@code GET /api/tags}: the models stored on the server. */
    public List<LocalModel> tags() throws InterruptedException {
        List<LocalModel> out = new ArrayList<>();
        for (JsonNode m : transport.get("/api/tags").path("models")) {
            out.add(LocalModel.fromJson(m));
        }
        return List.copyOf(out);
    }

    /** {@code GET /api/ps}: the models loaded in memory now. */
    public List<RunningModel> ps() throws InterruptedException {
        List<RunningModel> out = new ArrayList<>();
        for (JsonNode m : transport.get("/api/ps").path("models")) {
            out.add(RunningModel.fromJson(m));
        }
        return List.copyOf(out);
    }

    /** {@code POST /api/show}. */
    public ModelInfo show(String model) throws InterruptedException {
        ObjectNode body = OllamaTransport.JSON.createObjectNode().put("model", model);
        return ModelInfo.fromJson(model, transport.post("/api/show", body, null));
    }

    /**
     * {@code POST /api/pull}, in the background: progress goes to {@code listener}; stalls and dropped connections
     * re-issue the pull as {@code options} say.
     */
    public PullHandle pull(String model, PullListener listener, PullOptions options) {
        return new ModelPull(transport, Objects.requireNonNull(model, "model"),
                listener == null ? PullListener.NONE : listener, options).start();
    }

    public PullHandle pull(String model, PullListener listener) {
        return pull(model, listener, PullOptions.DEFAULTS);
    }

    /** {@code DELETE /api/delete}; an unknown model is {@link OllamaException.Kind#MODEL_NOT_FOUND}. */
    public void delete(String model) throws InterruptedException {
        transport.delete("/api/delete", OllamaTransport.JSON.createObjectNode().put("model", model));
    }

    /**
     * {@code POST /api/chat}, streamed: {@code onChunk} gets each chunk as it arrives, the final one included
     * ({@code done} set), on the caller's thread.
     */
    public ChatResult chat(ChatRequest request, Consumer<ChatChunk> onChunk) throws InterruptedException {
        StringBuilder content = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        String[] model = {request.model()};
        GenerationStats stats = stream("/api/chat", request.toJson(), (line, timer) -> {
            ChatChunk c = ChatChunk.fromJson(line);
            timer.chunk(!c.content().isEmpty() || !c.thinking().isEmpty());
            content.append(c.content());
            thinking.append(c.thinking());
            if (!c.model().isEmpty()) {
                model[0] = c.model();
            }
            onChunk.accept(c);
            return c.done();
        });
        return new ChatResult(model[0], ChatMessage.assistant(content.toString()), thinking.toString(), stats);
    }

    /** {@code POST /api/generate}, streamed like {@link #chat}. */
    public GenerateResult generate(GenerateRequest request, Consumer<GenerateChunk> onChunk)
            throws InterruptedException {
        StringBuilder response = new StringBuilder();
        String[] model = {request.model()};
        GenerationStats stats = stream("/api/generate", request.toJson(), (line, timer) -> {
            GenerateChunk c = GenerateChunk.fromJson(line);
            timer.chunk(!c.response().isEmpty() || !c.thinking().isEmpty());
            response.append(c.response());
            if (!c.model().isEmpty()) {
                model[0] = c.model();
            }
            onChunk.accept(c);
            return c.done();
        });
        return new GenerateResult(model[0], response.toString(), stats);
    }

    /** {@code POST /api/embed}: one vector per input. */
    public Embeddings embed(String model, List<String> inputs) throws InterruptedException {
        ObjectNode body = OllamaTransport.JSON.createObjectNode().put("model", model);
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        JsonNode r = transport.post("/api/embed", body, null);
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode v : r.path("embeddings")) {
            float[] f = new float[v.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) v.get(i).asDouble();
            }
            vectors.add(f);
        }
        String name = OllamaJson.text(r, "model");
        return new Embeddings(name.isEmpty() ? model : name, vectors, OllamaJson.number(r, "prompt_eval_count"));
    }

    @Override
    public void close() {
        transport.close();
    }

    private interface LineStep {
        /** @return true for the last line */
        boolean accept(JsonNode line, StreamTimer timer);
    }

    /**
     * Runs one streamed call to its {@code done} line and returns the stats from it. A stream that ends without
     * one was cut short: the answer is incomplete, so that is an error, not a short answer.
     */
    private GenerationStats stream(String path, JsonNode body, LineStep step) throws InterruptedException {
        StreamTimer timer = new StreamTimer(System::nanoTime);
        JsonNode[] last = {null};
        try (NdjsonCall call = transport.stream(path, body)) {
            call.open();
            call.lines(line -> {
                if (step.accept(line, timer)) {
                    last[0] = line;
                    return false;
                }
                return true;
            });
        }
        if (last[0] == null) {
            throw OllamaErrors.droppedStream(transport.address(), "POST " + path, null);
        }
        return timer.stats(last[0]);
    }
}
