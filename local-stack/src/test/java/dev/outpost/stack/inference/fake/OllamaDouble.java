package dev.outpost.stack.inference.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An Ollama server for tests, speaking the payloads of {@code shared/reference/ollama.md} (Ollama v0.32): version,
 * tags, ps, show, pull (NDJSON per layer, resumable), delete, chat and generate (streamed token by token, then a
 * {@code done:true} line with the eval counters), embed, and the OpenAI-compatible {@code /v1/models} and
 * {@code /v1/chat/completions}. Streams are chunked and flushed line by line, so a client sees each line when it
 * is written.
 *
 * <p>Everything is configurable while it runs, from any thread: models, the reply and its pace, pull layers, and
 * one-shot faults (a stalled or dropped pull, an error line, a dropped or held token stream). Models pulled
 * successfully appear in tags; models chatted with appear in ps until their keep-alive ends or {@code keep_alive}
 * is 0.
 *
 * <p>Not modelled: real tokenization and prompts, thinking and tool calls, {@code format}, images, create/copy/push,
 * blobs, {@code /v1/completions}, {@code /v1/embeddings} and {@code /v1/responses}, the scheduler's queueing (503),
 * real memory errors unless configured with {@link #failLoads(String)}.
 */
public final class OllamaDouble extends FakeHttp {
    public static final String DEFAULT_VERSION = "0.32.15";
    public static final String DEFAULT_REPLY = "The sky is blue because of Rayleigh scattering.";

    private final Map<String, FakeModel> models = new ConcurrentHashMap<>();
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, Long> blobs = new ConcurrentHashMap<>();
    private final Set<String> notInRegistry = ConcurrentHashMap.newKeySet();
    private final AtomicReference<StreamFault> streamFault = new AtomicReference<>();
    private final AtomicReference<PullFault> pullFault = new AtomicReference<>();
    private volatile String version = DEFAULT_VERSION;
    private volatile String reply = DEFAULT_REPLY;
    private volatile Duration tokenDelay = Duration.ZERO;
    private volatile boolean evalCounters = true;
    private volatile List<Long> pullLayers = List.of(4_000_000L, 1_500L, 100L, 500L);
    private volatile long pullChunk = 500_000;
    private volatile Duration pullLineDelay = Duration.ZERO;
    private volatile String loadError;
    private volatile Duration verifyDelay = Duration.ZERO;

    private record Loaded(long sizeVram, Instant expiresAt) {
    }

    private record PullFault(boolean drop, long afterBytes, Duration stall) {
    }

    private OllamaDouble(javax.net.ssl.SSLContext tls) {
        super(tls);
    }

    /** Plain HTTP on 127.0.0.1 and a free port. */
    public static OllamaDouble start() {
        return new OllamaDouble(null);
    }

    /** HTTPS with a certificate {@code ca} signed; clients must trust {@link TestCa#caPem()}. */
    public static OllamaDouble startHttps(TestCa ca) {
        return new OllamaDouble(ca.serverContext());
    }

    // ---- configuration ----

    public OllamaDouble version(String v) {
        version = v;
        return this;
    }

    public OllamaDouble model(String name, long size) {
        return model(FakeModel.of(name, size));
    }

    public OllamaDouble model(FakeModel m) {
        models.put(m.name(), m);
        return this;
    }

    public OllamaDouble removeModel(String name) {
        models.remove(FakeModel.withTag(name));
        return this;
    }

    /** The models present now (what tags lists). */
    public List<FakeModel> models() {
        return List.copyOf(models.values());
    }

    /** Marks a present model loaded (ps lists it) with this much in VRAM, for {@code keepAlive}. */
    public OllamaDouble loaded(String name, long sizeVram, Duration keepAlive) {
        loaded.put(FakeModel.withTag(name), new Loaded(sizeVram, Instant.now().plus(keepAlive)));
        return this;
    }

    /** The assistant's answer to every chat/generate; streamed one word per chunk. */
    public OllamaDouble reply(String text) {
        reply = text;
        return this;
    }

    /** Pause between tokens (the double's pace, not a synchronisation point). */
    public OllamaDouble tokenDelay(Duration d) {
        tokenDelay = d;
        return this;
    }

    /** Leave eval_count/eval_duration off the final line, as proxies and old servers may. */
    public OllamaDouble omitEvalCounters() {
        evalCounters = false;
        return this;
    }

    /** Layer sizes of every pulled model, largest (the weights) usually first. */
    public OllamaDouble pullLayers(long... sizes) {
        List<Long> l = new ArrayList<>();
        for (long s : sizes) {
            l.add(s);
        }
        pullLayers = List.copyOf(l);
        return this;
    }

    /** Bytes per progress line of a pull. */
    public OllamaDouble pullChunk(long bytes) {
        pullChunk = bytes;
        return this;
    }

    /** Pause between pull progress lines (pace). */
    public OllamaDouble pullLineDelay(Duration d) {
        pullLineDelay = d;
        return this;
    }

    /** Silence after "verifying sha256 digest", as hashing a large model takes a while. */
    public OllamaDouble verifyDelay(Duration d) {
        verifyDelay = d;
        return this;
    }

    /** Pulling this name fails the way an unknown name does: "pulling manifest" then an error line. */
    public OllamaDouble notInRegistry(String name) {
        notInRegistry.add(FakeModel.withTag(name));
        return this;
    }

    /** The next pull goes silent for {@code howLong} once {@code afterBytes} are in place (the bytes stay). */
    public OllamaDouble stallNextPull(long afterBytes, Duration howLong) {
        pullFault.set(new PullFault(false, afterBytes, howLong));
        return this;
    }

    /** The next pull's connection is cut once {@code afterBytes} are in place (the bytes stay). */
    public OllamaDouble dropNextPull(long afterBytes) {
        pullFault.set(new PullFault(true, afterBytes, Duration.ZERO));
        return this;
    }

    /** The next token stream sends {@code {"error": message}} after {@code afterTokens} tokens and ends. */
    public OllamaDouble errorMidStream(int afterTokens, String message) {
        streamFault.set(new StreamFault(StreamFault.Kind.ERROR, afterTokens, message, null));
        return this;
    }

    /** The next token stream's connection is cut after {@code afterTokens} tokens. */
    public OllamaDouble dropNextStream(int afterTokens) {
        streamFault.set(new StreamFault(StreamFault.Kind.DROP, afterTokens, null, null));
        return this;
    }

    /** The next token stream stops after {@code afterTokens} tokens until the returned gate is released. */
    public Gate holdNextStream(int afterTokens) {
        Gate gate = new Gate();
        streamFault.set(new StreamFault(StreamFault.Kind.HOLD, afterTokens, null, gate));
        return gate;
    }

    /** Loading any model fails with HTTP 500 and this text, e.g. Ollama's "model requires more system memory...". */
    public OllamaDouble failLoads(String error) {
        loadError = error;
        return this;
    }

    /** Requests without {@code Authorization: Bearer <token>} get 401 (as a proxy in front of Ollama would). */
    public OllamaDouble requireBearer(String token) {
        bearer(token);
        return this;
    }

    // ---- routes ----

    @Override
    void unauthorized(HttpExchange ex, String path) throws IOException {
        if (path.startsWith("/v1/")) {
            OpenAiWire.error(ex, 401, "unauthorized", null);
        } else {
            error(ex, 401, "unauthorized");
        }
    }

    @Override
    void handle(HttpExchange ex, String path, String body) throws IOException, InterruptedException {
        String route = ex.getRequestMethod() + " " + path;
        switch (route) {
            case "GET /", "HEAD /" -> send(ex, 200, "text/plain; charset=utf-8", "Ollama is running");
            case "GET /api/version", "HEAD /api/version" -> json(ex, 200, Map.of("version", version));
            case "GET /api/tags" -> json(ex, 200, Map.of("models", tags()));
            case "GET /api/ps" -> json(ex, 200, Map.of("models", ps()));
            case "POST /api/show" -> withBody(ex, body, r -> show(ex, r));
            case "POST /api/pull" -> withBody(ex, body, r -> pull(ex, r));
            case "DELETE /api/delete" -> withBody(ex, body, r -> delete(ex, r));
            case "POST /api/chat" -> withBody(ex, body, r -> complete(ex, r, true));
            case "POST /api/generate" -> withBody(ex, body, r -> complete(ex, r, false));
            case "POST /api/embed" -> withBody(ex, body, r -> embed(ex, r));
            case "GET /v1/models" -> OpenAiWire.models(ex, models.keySet().stream().sorted().toList(),
                    Instant.now().getEpochSecond(), "library", OpenAiWire.Flavor.OLLAMA);
            case "POST /v1/chat/completions" -> v1Chat(ex, body);
            default -> send(ex, 404, "text/plain", "404 page not found");
        }
    }

    private interface BodyHandler {
        void handle(JsonNode request) throws IOException, InterruptedException;
    }

    private static void withBody(HttpExchange ex, String body, BodyHandler h) throws IOException, InterruptedException {
        if (body.isBlank()) {
            error(ex, 400, "missing request body");
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            error(ex, 400, "invalid character in request body");
            return;
        }
        h.handle(request);
    }

    private static String requestedModel(JsonNode r) {
        // "name" is the legacy key, still accepted.
        String m = r.path("model").asString("");
        return m.isEmpty() ? r.path("name").asString("") : m;
    }

    private List<Map<String, Object>> tags() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FakeModel m : models.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("model", m.name());
            e.put("modified_at", "2025-05-04T17:37:44.706015396-07:00");
            e.put("size", m.size());
            e.put("digest", m.digest());
            e.put("details", details(m));
            out.add(e);
        }
        return out;
    }

    private List<Map<String, Object>> ps() {
        List<Map<String, Object>> out = new ArrayList<>();
        Instant now = Instant.now();
        loaded.entrySet().removeIf(e -> e.getValue().expiresAt().isBefore(now));
        for (var entry : loaded.entrySet()) {
            FakeModel m = models.get(entry.getKey());
            if (m == null) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("model", m.name());
            e.put("size", m.size());
            e.put("digest", m.digest());
            e.put("details", details(m));
            e.put("expires_at", OffsetDateTime.ofInstant(entry.getValue().expiresAt(), ZoneOffset.ofHours(-7)).toString());
            e.put("size_vram", entry.getValue().sizeVram());
            e.put("context_length", 4096);
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> details(FakeModel m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parent_model", "");
        d.put("format", "gguf");
        d.put("family", m.family());
        d.put("families", List.of(m.family()));
        d.put("parameter_size", m.parameterSize());
        d.put("quantization_level", m.quantization());
        return d;
    }

    private FakeModel present(HttpExchange ex, String requested) throws IOException {
        if (requested.isEmpty()) {
            error(ex, 400, "model is required");
            return null;
        }
        FakeModel m = models.get(FakeModel.withTag(requested));
        if (m == null) {
            error(ex, 404, "model '" + requested + "' not found");
        }
        return m;
    }

    private void show(HttpExchange ex, JsonNode r) throws IOException {
        FakeModel m = present(ex, requestedModel(r));
        if (m == null) {
            return;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("general.architecture", m.family());
        info.put("general.parameter_count", 3_212_749_888L);
        info.put(m.family() + ".context_length", 131072);
        info.put(m.family() + ".embedding_length", 3072);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modelfile", "# Modelfile generated by \"ollama show\"\nFROM " + m.name() + "\n");
        body.put("parameters", "stop                           \"<|eot_id|>\"");
        body.put("template", "{{ .Prompt }}");
        body.put("license", "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT");
        body.put("details", details(m));
        body.put("model_info", info);
        body.put("capabilities", List.of("completion", "tools"));
        body.put("modified_at", "2025-05-04T17:37:44.706015396-07:00");
        json(ex, 200, body);
    }

    private void delete(HttpExchange ex, JsonNode r) throws IOException {
        FakeModel m = present(ex, requestedModel(r));
        if (m == null) {
            return;
        }
        models.remove(m.name());
        loaded.remove(m.name());
        send(ex, 200, "application/json; charset=utf-8", "");
    }

    private void pull(HttpExchange ex, JsonNode r) throws IOException {
        String requested = requestedModel(r);
        if (requested.isEmpty()) {
            error(ex, 400, "invalid model name");
            return;
        }
        String name = FakeModel.withTag(requested);
        Lines out = stream(ex, "application/x-ndjson");
        out.json(Map.of("status", "pulling manifest"));
        if (notInRegistry.contains(name)) {
            out.json(Map.of("error", "pull model manifest: file does not exist"));
            return;
        }
        List<Long> sizes = pullLayers;
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            digests.add("sha256:" + FakeModel.sha256(name + "/layer/" + i));
        }
        for (int i = 0; i < sizes.size(); i++) {
            String digest = digests.get(i);
            long size = sizes.get(i);
            String status = "pulling " + digest.substring(7, 19);
            long done = blobs.getOrDefault(digest, 0L);
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("status", status);
            first.put("digest", digest);
            first.put("total", size);
            if (done > 0) {
                // A resumed layer: Ollama reports the bytes it already has.
                first.put("completed", done);
            }
            out.json(first);
            while (done < size) {
                done += Math.min(pullChunk, size - done);
                blobs.put(digest, done);
                faultAt(bytesInPlace(digests));
                out.json(Map.of("status", status, "digest", digest, "total", size, "completed", done));
                if (!pullLineDelay.isZero()) {
                    pause(pullLineDelay);
                }
            }
        }
        out.json(Map.of("status", "verifying sha256 digest"));
        if (!verifyDelay.isZero()) {
            pause(verifyDelay);
        }
        out.json(Map.of("status", "writing manifest"));
        models.put(name, FakeModel.of(name, sizes.stream().mapToLong(Long::longValue).sum()));
        out.json(Map.of("status", "success"));
    }

    private long bytesInPlace(List<String> digests) {
        return digests.stream().mapToLong(d -> blobs.getOrDefault(d, 0L)).sum();
    }

    private void faultAt(long bytes) {
        PullFault f = pullFault.get();
        if (f == null || bytes < f.afterBytes() || !pullFault.compareAndSet(f, null)) {
            return;
        }
        if (f.drop()) {
            throw new Drop();
        }
        pause(f.stall());
    }

    /** chat ({@code chat} true) or generate: load, then stream the reply, then the final line with counters. */
    private void complete(HttpExchange ex, JsonNode r, boolean chat) throws IOException, InterruptedException {
        FakeModel m = present(ex, requestedModel(r));
        if (m == null) {
            return;
        }
        if (loadError != null) {
            error(ex, 500, loadError);
            return;
        }
        long started = System.nanoTime();
        JsonNode keepAlive = r.path("keep_alive");
        boolean unload = keepAlive.isNumber() && keepAlive.asLong() == 0 || "0".equals(keepAlive.asString(""));
        if (unload) {
            loaded.remove(m.name());
        } else {
            loaded.put(m.name(), new Loaded(m.size(), Instant.now().plus(Duration.ofMinutes(5))));
        }
        boolean empty = chat ? r.path("messages").isEmpty() : r.path("prompt").asString("").isEmpty();
        if (empty) {
            // Ollama's load/unload trick: no prompt, one final line.
            Map<String, Object> last = line(m, chat, "", true);
            last.put("done_reason", unload ? "unload" : "load");
            json(ex, 200, last);
            return;
        }
        String[] tokens = StreamFault.tokens(reply);
        if (!r.path("stream").asBoolean(true)) {
            Map<String, Object> last = line(m, chat, reply, true);
            counters(last, tokens.length, System.nanoTime() - started);
            json(ex, 200, last);
            return;
        }
        Lines out = stream(ex, "application/x-ndjson");
        StreamFault fault = streamFault.getAndSet(null);
        long firstToken = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (fault != null && fault.afterTokens() == i) {
                switch (fault.kind()) {
                    case ERROR -> {
                        out.json(Map.of("error", fault.message()));
                        return;
                    }
                    case DROP -> throw new Drop();
                    case HOLD -> fault.gate().hold();
                }
            }
            if (i == 0) {
                firstToken = System.nanoTime();
            }
            out.json(line(m, chat, tokens[i], false));
            if (!tokenDelay.isZero()) {
                pause(tokenDelay);
            }
        }
        Map<String, Object> last = line(m, chat, "", true);
        counters(last, tokens.length, Math.max(1, System.nanoTime() - (firstToken == 0 ? started : firstToken)));
        out.json(last);
    }

    private Map<String, Object> line(FakeModel m, boolean chat, String text, boolean done) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("model", m.name());
        l.put("created_at", Instant.now().toString());
        if (chat) {
            l.put("message", Map.of("role", "assistant", "content", text));
        } else {
            l.put("response", text);
        }
        l.put("done", done);
        if (done) {
            l.put("done_reason", "stop");
        }
        return l;
    }

    private void counters(Map<String, Object> last, int tokens, long evalNanos) {
        if (!evalCounters) {
            return;
        }
        last.put("total_duration", evalNanos + 130_079_000L);
        last.put("load_duration", 1_334_875L);
        last.put("prompt_eval_count", 26);
        last.put("prompt_eval_duration", 130_079_000L);
        last.put("eval_count", tokens);
        last.put("eval_duration", evalNanos);
    }

    private void embed(HttpExchange ex, JsonNode r) throws IOException {
        FakeModel m = present(ex, requestedModel(r));
        if (m == null) {
            return;
        }
        JsonNode input = r.path("input");
        List<String> inputs = new ArrayList<>();
        if (input.isString()) {
            inputs.add(input.asString());
        } else if (input.isArray()) {
            input.forEach(v -> inputs.add(v.asString("")));
        } else {
            error(ex, 400, "invalid input type");
            return;
        }
        List<List<Double>> vectors = new ArrayList<>();
        for (String s : inputs) {
            vectors.add(vector(s));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", m.name());
        body.put("embeddings", vectors);
        body.put("total_duration", 14_143_917L);
        body.put("load_duration", 1_019_500L);
        body.put("prompt_eval_count", 8 * inputs.size());
        json(ex, 200, body);
    }

    /** Four deterministic components from the text's hash: same text, same vector. */
    private static List<Double> vector(String s) {
        byte[] h = FakeModel.sha256(s).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            v.add((h[i] - 80) / 100.0);
        }
        return v;
    }

    private void v1Chat(HttpExchange ex, String body) throws IOException, InterruptedException {
        JsonNode r;
        try {
            r = JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            OpenAiWire.error(ex, 400, "invalid request body", null);
            return;
        }
        String requested = r.path("model").asString("");
        if (!models.containsKey(FakeModel.withTag(requested))) {
            OpenAiWire.error(ex, 404, "model '" + requested + "' not found", null);
            return;
        }
        OpenAiWire.chat(this, ex, r, reply, tokenDelay, streamFault, OpenAiWire.Flavor.OLLAMA);
    }
}
