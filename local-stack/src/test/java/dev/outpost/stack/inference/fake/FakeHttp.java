package dev.outpost.stack.inference.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both doubles share: a JDK HTTP(S) server on 127.0.0.1 and a free port, one thread per exchange (a stalled
 * stream must not hold up the retry that follows it), a bearer-token check, a request log, and streaming replies
 * flushed line by line as chunked HTTP.
 */
abstract class FakeHttp implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Thrown by a handler to cut the connection without ending the chunked body: a dropped connection. */
    static final class Drop extends RuntimeException {
        Drop() {
            super("dropping the connection on purpose", null, false, false);
        }
    }

    /** The client went away while we were streaming to it. */
    static final class ClientGone extends RuntimeException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object disconnectLock = new Object();
    private final String scheme;
    private int disconnects;
    private volatile String bearer;

    FakeHttp(SSLContext tls) {
        try {
            InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(bind, 0);
                scheme = "http";
            } else {
                HttpsServer https = HttpsServer.create(bind, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
                scheme = "https";
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a test server on 127.0.0.1", e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** {@code http(s)://127.0.0.1:port}, no trailing slash. */
    public URI uri() {
        return URI.create(scheme + "://" + address());
    }

    /** {@code 127.0.0.1:port}, as clients name the server in their messages. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /** The requests to one path, oldest first. */
    public List<RecordedRequest> requests(String path) {
        return log.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** From now on requests without {@code Authorization: Bearer <token>} get 401; null accepts any. */
    void bearer(String token) {
        this.bearer = token;
    }

    /** Waits until a client has gone away in the middle of a stream this many times in all. */
    public boolean awaitClientDisconnects(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (disconnectLock) {
            while (disconnects < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(disconnectLock, left);
            }
            return true;
        }
    }

    /** How often a client went away in the middle of a stream. */
    public int clientDisconnects() {
        synchronized (disconnectLock) {
            return disconnects;
        }
    }

    /** Waits {@code d}, or less if the server is closing; true when the full time passed. */
    boolean pause(Duration d) {
        try {
            return !closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Routes one request; {@code body} is the request body as text. */
    abstract void handle(HttpExchange ex, String path, String body) throws IOException, InterruptedException;

    /** The 401 this kind of server sends. */
    abstract void unauthorized(HttpExchange ex, String path) throws IOException;

    private void exchange(HttpExchange ex) throws IOException {
        boolean drop = false;
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            log.add(new RecordedRequest(ex.getRequestMethod(), path, headers, body));
            String required = bearer;
            if (required != null && !("Bearer " + required).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized(ex, path);
                return;
            }
            handle(ex, path, body);
        } catch (Drop d) {
            drop = true;
            throw d;
        } catch (ClientGone gone) {
            synchronized (disconnectLock) {
                disconnects++;
                disconnectLock.notifyAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!drop) {
                ex.close();
            }
        }
    }

    static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, Map.of("error", message));
    }

    static void send(HttpExchange ex, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Starts a chunked 200 reply; each {@link Lines#line} is flushed on its own. */
    static Lines stream(HttpExchange ex, String contentType) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, 0);
        return new Lines(ex.getResponseBody());
    }

    static final class Lines {
        private final OutputStream out;

        Lines(OutputStream out) {
            this.out = out;
        }

        void json(Object value) {
            line(JSON.writeValueAsString(value));
        }

        void line(String text) {
            try {
                out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
