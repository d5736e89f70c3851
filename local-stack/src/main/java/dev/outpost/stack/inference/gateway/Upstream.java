package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Sends requests to routes with {@code java.net.http}. One client per TLS setup, shared by all requests
 * (HTTP/1.1 keep-alive pools connections). HTTP/1.1 because Ollama and vLLM speak it, and a plain-http
 * HTTP/2 client would first try an h2c upgrade on every new connection.
 *
 * <p>Of the client's headers only Content-Type goes on: the gateway owns upstream auth, so a client's own
 * key (often a dummy such as "ollama") never reaches a target, and the route's headers are the only ones.
 *
 * <p>No request timeout: a model can take minutes to load before its first token, and streams run as
 * long as they run. Only connecting is bounded, so a dead target fails (or falls back) quickly.
 */
final class Upstream implements AutoCloseable {
    private static final Object DEFAULT_TLS = new Object();

    private final Duration connectTimeout;
    private final Map<Object, HttpClient> clients = new ConcurrentHashMap<>();

    Upstream(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * @param headers the route's headers, fetched by the caller (it scrubs their values from errors)
     * @return the response with its body not yet read, whatever its status
     */
    HttpResponse<InputStream> send(Route route, UpstreamRequest request, Map<String, String> headers)
            throws UpstreamException, InterruptedException {
        URI uri = resolve(route.baseUri(), request.pathAndQuery());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        byte[] body = request.body();
        b.method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (request.contentType() != null && body.length > 0) {
            b.header("Content-Type", request.contentType());
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                b.header(h.getKey(), h.getValue());
            } catch (IllegalArgumentException restricted) {
                // the JDK refuses Host, Connection and the like; say which header, never its value
                throw new UpstreamException("route '" + route.name() + "' supplies a header the HTTP client refuses: "
                        + h.getKey());
            }
        }
        try {
            return client(route).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpstreamException("cannot reach route '" + route.name() + "' at "
                    + Redactor.withoutUserInfo(route.baseUri()) + ": " + describe(e));
        }
    }

    /** The route's base with the request's path appended, so a base path prefix ({@code /ollama}) is kept. */
    static URI resolve(URI base, String pathAndQuery) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + pathAndQuery);
    }

    /** An exception in words; java.net.http often leaves the message null (a refused connection). */
    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException && (c.getMessage() == null || c.getMessage().isBlank())) {
                return "connection refused";
            }
        }
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        if (t instanceof SSLException) {
            return "TLS failed: " + t.getMessage();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is how an upstream stream is cancelled; a failure here changes nothing for the client
        }
    }

    private HttpClient client(Route route) {
        Object key = route.sslContext().<Object>map(c -> c).orElse(DEFAULT_TLS);
        return clients.computeIfAbsent(key, k -> {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (k instanceof SSLContext ssl) {
                b.sslContext(ssl);
            }
            return b.build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::shutdownNow);
        clients.clear();
    }
}
