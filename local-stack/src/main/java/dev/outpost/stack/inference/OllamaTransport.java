package dev.outpost.stack.inference;

import dev.outpost.stack.secrets.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of {@link OllamaClient}: builds requests (with the bearer token when there is one), sends them,
 * and turns every failure into an {@link OllamaException} whose text has been scrubbed of the token.
 */
final class OllamaTransport implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int ERROR_BODY_CHARS = 300;
    private static final String USER_AGENT = "outpost-ollama-client";

    private final String base;
    private final String address;
    private final Supplier<String> token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final SSLContext sslContext;
    /** Streams in flight, so that closing the client also ends them (a pull would otherwise run on). */
    private final Set<NdjsonCall> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    OllamaTransport(URI baseUri, Supplier<String> token, SSLContext sslContext, Duration connectTimeout,
                    Duration requestTimeout) {
        String b = baseUri.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.address = address(baseUri);
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout;
        this.sslContext = sslContext;
        this.http = newClient();
    }

    /** A client with this server's settings. */
    HttpClient newClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Ollama speaks HTTP/1.1; asking for h2c would add an Upgrade header that some proxies mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout);
        if (sslContext != null) {
            // Only the trust changes: the client still checks that the certificate names the host.
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    /** host:port as people name the server in messages; user-info is never part of it. */
    String address() {
        return address;
    }

    JsonNode get(String path) throws InterruptedException {
        return send("GET", path, null, requestTimeout);
    }

    /** POST with a JSON body; {@code timeout} null waits as long as the server takes (model loads are slow). */
    JsonNode post(String path, JsonNode body, Duration timeout) throws InterruptedException {
        return send("POST", path, body, timeout);
    }

    void delete(String path, JsonNode body) throws InterruptedException {
        send("DELETE", path, body, requestTimeout);
    }

    /**
     * A streaming POST, not yet sent: {@link NdjsonCall#open()} sends it. Each stream gets a client of its own:
     * closing an HTTP/1.1 response stream half-read does not reliably close the JDK client's connection, and
     * Ollama only stops generating (or downloading) when the connection goes. Shutting that client down does
     * close it, at the price of one connection (and handshake) per stream, which streams can afford.
     */
    NdjsonCall stream(String path, JsonNode body) {
        ensureOpen();
        String bearer = bearer();
        HttpRequest request = request("POST", path, body, null, bearer)
                .header("Accept", "application/x-ndjson")
                .build();
        return new NdjsonCall(this, request, "POST " + path, bearer);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Ollama client is closed");
        }
    }

    void opened(NdjsonCall call) {
        open.add(call);
    }

    void closed(NdjsonCall call) {
        open.remove(call);
    }

    private JsonNode send(String method, String path, JsonNode body, Duration timeout) throws InterruptedException {
        ensureOpen();
        String call = method + " " + path;
        String bearer = bearer();
        HttpRequest request = request(method, path, body, timeout, bearer).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw scrubbed(OllamaErrors.fromIo(address, call, e), bearer);
        }
        if (response.statusCode() / 100 != 2) {
            throw statusError(call, response.statusCode(), response.body(), bearer);
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            // DELETE /api/delete answers 200 with an empty body.
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new OllamaException(OllamaException.Kind.OTHER, call + " at " + address
                    + " did not answer with JSON: " + excerpt(scrub(text, bearer)), response.statusCode(), null, null);
        }
    }

    private HttpRequest.Builder request(String method, String path, JsonNode body, Duration timeout, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("User-Agent", USER_AGENT);
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return b;
    }

    /** Asked per request, so a token that is rotated (or fetched from a keychain late) is always current. */
    private String bearer() {
        if (token == null) {
            return null;
        }
        String t = token.get();
        return t == null || t.isBlank() ? null : t.strip();
    }

    OllamaException statusError(String call, int status, String body, String bearer) {
        return OllamaErrors.fromStatus(address, call, status, errorText(body, bearer));
    }

    OllamaException streamLineError(String call, String error, String bearer) {
        return OllamaErrors.fromStreamLine(address, call, scrub(error, bearer));
    }

    /** Ollama's {@code {"error":"..."}}, its OpenAI routes' {@code {"error":{"message":...}}}, or an excerpt. */
    String errorText(String body, String bearer) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            String e = errorField(JSON.readTree(body));
            if (e != null) {
                return scrub(e, bearer);
            }
        } catch (JacksonException ignored) {
            // a proxy's HTML or plain-text page: fall through to an excerpt
        }
        return excerpt(scrub(body, bearer));
    }

    /** The text of a line's {@code error} field, or null when the line is not an error. */
    static String errorField(JsonNode node) {
        JsonNode e = node.path("error");
        if (e.isString()) {
            return e.asString();
        }
        if (e.isObject()) {
            return e.path("message").asString(e.toString());
        }
        return e.isMissingNode() || e.isNull() ? null : e.toString();
    }

    /** Defence in depth: a proxy might echo the Authorization header into an error page. */
    static String scrub(String text, String bearer) {
        if (text == null) {
            return null;
        }
        String out = bearer == null ? text : text.replace(bearer, Redaction.MASK);
        return Redaction.redact(out);
    }

    private OllamaException scrubbed(OllamaException e, String bearer) {
        if (bearer == null || e.getMessage() == null || !e.getMessage().contains(bearer)) {
            return e;
        }
        return new OllamaException(e.kind(), scrub(e.getMessage(), bearer), e.httpStatus().orElse(-1),
                scrub(e.serverMessage(), bearer), null);
    }

    static String excerpt(String s) {
        String t = s.strip();
        return t.length() <= ERROR_BODY_CHARS ? t : t.substring(0, ERROR_BODY_CHARS) + "…";
    }

    static String readSome(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(64 * 1024);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String address(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + port;
    }

    @Override
    public void close() {
        closed = true;
        // shutdownNow: close() would wait for open streams, and a stalled one may never end by itself.
        http.shutdownNow();
        open.forEach(NdjsonCall::abort);
    }
}
