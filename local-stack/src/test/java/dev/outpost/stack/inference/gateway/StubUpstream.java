package dev.outpost.stack.inference.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small upstream on 127.0.0.1:0 that streams the way real servers do: Ollama-like NDJSON on
 * {@code /api/chat}/{@code /api/generate} (and Ollama's own SSE on {@code /v1/chat/completions}), or
 * OpenAI-like SSE (vLLM) with a role chunk, content chunks, a finish chunk, a usage chunk and {@code [DONE]}.
 * Each piece is written and flushed alone, and a latch can hold the stream after its first token.
 *
 * <p>{@code {model}} in a token becomes the request's model, which tells concurrent streams apart.
 */
final class StubUpstream implements AutoCloseable {
    enum Kind {
        OLLAMA, OPENAI
    }

    record Recorded(String method, String path, Headers headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Kind kind;
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    /** Counted down when a stream has sent its first token (before any hold). */
    final CountDownLatch firstTokenSent = new CountDownLatch(1);
    volatile List<String> tokens = List.of("The", " sky", " is", " blue");
    /** When set, every stream waits on it after its first token. */
    volatile CountDownLatch hold;
    /** When not 0, every request is answered with this status and {@link #failMessage} before streaming. */
    volatile int failStatus;
    volatile String failMessage = "boom";
    /** Drop the connection after the first token, as a crashed server would. */
    volatile boolean dieAfterFirstToken;
    /** Omit the finish chunk and [DONE] but end the HTTP body cleanly (an OpenAI stream cut short). */
    volatile boolean endWithoutFinish;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    StubUpstream(Kind kind) throws IOException {
        // Go's net/http (Ollama) and uvicorn (vLLM) both send each write at once; so does the stub.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.kind = kind;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StubUpstream ollama() throws IOException {
        return new StubUpstream(Kind.OLLAMA);
    }

    static StubUpstream openAi() throws IOException {
        return new StubUpstream(Kind.OPENAI);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Route route(String name) {
        return Route.of(name, uri(), kind == Kind.OLLAMA ? ApiKind.OLLAMA : ApiKind.OPENAI);
    }

    Recorded last() {
        return requests.getLast();
    }

    @Override
    public void close() {
        CountDownLatch h = hold;
        if (h != null) {
            while (h.getCount() > 0) {
                h.countDown();
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(new Recorded(ex.getRequestMethod(), path, ex.getRequestHeaders(), body));
        try {
            answer(ex, path, body);
        } catch (Dies e) {
            // leave the exchange unclosed: the JDK server then drops the connection without the last chunk
            throw new IOException(e.getMessage());
        }
        ex.close();
    }

    private void answer(HttpExchange ex, String path, String body) throws IOException {
        {
            if (failStatus != 0) {
                json(ex, failStatus, kind == Kind.OLLAMA && !path.startsWith("/v1/")
                        ? "{\"error\":" + quote(failMessage) + "}"
                        : "{\"error\":{\"message\":" + quote(failMessage) + ",\"type\":\"api_error\"}}");
                return;
            }
            JsonNode req = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            boolean stream = !req.path("stream").isBoolean() || req.path("stream").booleanValue();
            switch (path) {
                case "/api/chat", "/api/generate" -> {
                    require(Kind.OLLAMA);
                    if (stream) {
                        ndjson(ex, req, path.equals("/api/chat"));
                    } else {
                        json(ex, 200, JSON.writeValueAsString(ollamaChunk(req, path.equals("/api/chat"),
                                String.join("", tokens(req)), true)));
                    }
                }
                case "/api/tags" -> json(ex, 200, "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\","
                        + "\"size\":2019393189,\"digest\":\"a80c\",\"details\":{\"family\":\"llama\"}}]}");
                case "/api/version" -> json(ex, 200, "{\"version\":\"0.32.15\"}");
                case "/api/pull" -> {
                    ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
                    ex.sendResponseHeaders(200, 0);
                    for (String status : List.of("pulling manifest", "verifying sha256 digest", "success")) {
                        ex.getResponseBody().write(("{\"status\":\"" + status + "\"}\n").getBytes(StandardCharsets.UTF_8));
                        ex.getResponseBody().flush();
                    }
                }
                case "/v1/chat/completions" -> {
                    if (stream) {
                        sse(ex, req);
                    } else {
                        json(ex, 200, completion(req));
                    }
                }
                case "/v1/models" -> json(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5:7b\",\"object\":\"model\","
                        + "\"created\":1700000000,\"owned_by\":\"vllm\",\"max_model_len\":32768}]}");
                case "/v1/embeddings" -> json(ex, 200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":1,"
                        + "\"embedding\":[0.3,0.4]},{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2]}],"
                        + "\"model\":\"e\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}");
                default -> json(ex, 404, "{\"error\":\"404 page not found\"}");
            }
        }
    }

    private void require(Kind k) {
        if (kind != k) {
            throw new IllegalStateException("this stub speaks " + kind);
        }
    }

    private List<String> tokens(JsonNode req) {
        String model = req.path("model").asString("");
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            out.add(t.replace("{model}", model));
        }
        return out;
    }

    private void ndjson(HttpExchange ex, JsonNode req, boolean chat) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        List<String> ts = tokens(req);
        for (int i = 0; i < ts.size(); i++) {
            os.write((JSON.writeValueAsString(ollamaChunk(req, chat, ts.get(i), false)) + "\n").getBytes(StandardCharsets.UTF_8));
            os.flush();
            if (i == 0) {
                afterFirstToken();
            }
        }
        os.write((JSON.writeValueAsString(ollamaChunk(req, chat, "", true)) + "\n").getBytes(StandardCharsets.UTF_8));
        os.flush();
    }

    private ObjectNode ollamaChunk(JsonNode req, boolean chat, String content, boolean done) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", req.path("model").asString(""));
        n.put("created_at", Instant.now().toString());
        if (chat) {
            n.putObject("message").put("role", "assistant").put("content", content);
        } else {
            n.put("response", content);
        }
        n.put("done", done);
        if (done) {
            n.put("done_reason", "stop");
            n.put("eval_count", tokens.size());
        }
        return n;
    }

    private void sse(HttpExchange ex, JsonNode req) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        String model = req.path("model").asString("");
        List<String> ts = tokens(req);
        for (int i = 0; i < ts.size(); i++) {
            String delta = i == 0 ? "{\"role\":\"assistant\",\"content\":" + quote(ts.get(i)) + "}"
                    : "{\"content\":" + quote(ts.get(i)) + "}";
            event(os, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
                    + quote(model) + ",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}");
            if (i == 0) {
                afterFirstToken();
            }
        }
        if (endWithoutFinish) {
            return;
        }
        event(os, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
                + quote(model) + ",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        if (req.path("stream_options").path("include_usage").asBoolean(false)) {
            event(os, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
                    + quote(model) + ",\"choices\":[],\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":" + ts.size()
                    + ",\"total_tokens\":" + (26 + ts.size()) + "}}");
        }
        event(os, "[DONE]");
    }

    private String completion(JsonNode req) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":"
                + quote(req.path("model").asString("")) + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + quote(String.join("", tokens(req))) + "},\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":4,\"total_tokens\":30}}";
    }

    private void afterFirstToken() throws IOException {
        firstTokenSent.countDown();
        CountDownLatch h = hold;
        if (h != null) {
            try {
                if (!h.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("stub held for 30 s and nobody released it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        if (dieAfterFirstToken) {
            throw new Dies();
        }
    }

    /** Thrown after the first token to cut the connection as a crashed server would. */
    private static final class Dies extends RuntimeException {
        Dies() {
            super("stub dies mid-stream");
        }
    }

    private static void event(OutputStream os, String data) throws IOException {
        os.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        os.flush();
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    static String quote(String s) {
        return JSON.writeValueAsString(s);
    }
}
