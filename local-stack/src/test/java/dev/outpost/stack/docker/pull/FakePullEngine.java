package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.DockerClient;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpoint;
import dev.outpost.stack.docker.DockerTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An engine on a real loopback socket that answers the two requests a pull makes: image inspect
 * ({@code GET /images/NAME/json}) and pull ({@code POST /images/create}), the latter with a scripted stream in
 * the engine's chunked NDJSON that can pause, or break off as an engine that dies does. Unknown requests get
 * a 500, so a client that asks for something else fails.
 */
final class FakePullEngine implements AutoCloseable {
    sealed interface Step permits Line, Hold, Drop {
    }

    /** One message, sent as its own chunk. */
    record Line(String json) implements Step {
    }

    /** Sends nothing until the gate opens; ends the stream if the client goes away first. */
    record Hold(CompletableFuture<Void> gate) implements Step {
    }

    /** Closes the connection without ending the chunked body: the engine died. */
    record Drop() implements Step {
    }

    /** What a pull request asked for; {@code auth} is the decoded X-Registry-Auth JSON. */
    record PullRequest(String fromImage, String tag, Optional<String> auth) {
    }

    private record Reply(int status, String body) {
    }

    private static final Pattern API_PREFIX = Pattern.compile("^/v\\d+\\.\\d+");

    private final ServerSocket server;
    private final Map<String, String> present = new ConcurrentHashMap<>();
    private final Map<String, List<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Reply> refusals = new ConcurrentHashMap<>();
    private final List<PullRequest> pulls = new CopyOnWriteArrayList<>();
    private final AtomicInteger hangUps = new AtomicInteger();
    private final CompletableFuture<Void> firstHangUp = new CompletableFuture<>();
    private final CompletableFuture<Void> firstPullStreaming = new CompletableFuture<>();

    FakePullEngine() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-pull-engine").start(this::serve);
    }

    static Line line(String json) {
        return new Line(json);
    }

    static List<Step> lines(String ndjson) {
        return ndjson.lines().filter(l -> !l.isBlank()).<Step>map(Line::new).toList();
    }

    DockerEndpoint endpoint() {
        return new DockerEndpoint(URI.create("tcp://127.0.0.1:" + server.getLocalPort()),
                DockerEndpoint.Source.DOCKER_HOST, "fake engine", Optional.empty(), DockerTls.none());
    }

    DockerClient client() {
        return DockerClients.create(endpoint(), Duration.ZERO);
    }

    /** Inspect finds {@code reference} (as the client normalised it) with this id. */
    void imagePresent(String reference, String id) {
        present.put(reference, id);
    }

    /**
     * What a pull of {@code reference} ({@code fromImage:tag}) streams; after the last step the body ends and the
     * image is present, unless the script dropped or the client left.
     */
    void onPull(String reference, List<Step> steps) {
        scripts.put(reference, List.copyOf(steps));
    }

    /** A pull of {@code reference} is answered with an HTTP error, as the engine does before streaming. */
    void refusePull(String reference, int status, String engineMessage) {
        refusals.put(reference, new Reply(status, "{\"message\":" + jsonString(engineMessage) + "}"));
    }

    List<PullRequest> pulls() {
        return List.copyOf(pulls);
    }

    /** Clients that closed a pull stream while it was held open. */
    int hangUps() {
        return hangUps.get();
    }

    boolean awaitHangUp(Duration d) throws Exception {
        try {
            firstHangUp.get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Completes once a pull's response headers and first script step have gone out. */
    CompletableFuture<Void> pullStreaming() {
        return firstPullStreaming;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().name("fake-pull-engine-conn").start(() -> handle(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String requestLine = readLine(in);
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            readBody(in, headers);
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            URI uri = URI.create(parts[1]);
            String path = API_PREFIX.matcher(uri.getRawPath()).replaceFirst("");
            if (method.equals("GET") && path.startsWith("/images/") && path.endsWith("/json")) {
                inspect(out, URLDecoder.decode(path.substring("/images/".length(), path.length() - "/json".length()),
                        StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.equals("/images/create")) {
                pull(socket, in, out, query(uri.getRawQuery()), Optional.ofNullable(headers.get("x-registry-auth")));
            } else {
                reply(out, new Reply(500, "{\"message\":\"fake engine: unexpected " + method + " " + path + "\"}"));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void inspect(OutputStream out, String name) throws IOException {
        String id = present.get(name);
        reply(out, id == null ? new Reply(404, "{\"message\":\"No such image: " + name + "\"}")
                : new Reply(200, "{\"Id\":\"" + id + "\",\"RepoTags\":[\"" + name + "\"]}"));
    }

    private void pull(Socket socket, InputStream in, OutputStream out, Map<String, String> query,
                      Optional<String> authHeader) throws IOException {
        String reference = query.get("fromImage") + ":" + query.get("tag");
        pulls.add(new PullRequest(query.get("fromImage"), query.get("tag"), authHeader.map(FakePullEngine::decode)));
        Reply refusal = refusals.get(reference);
        if (refusal != null) {
            reply(out, refusal);
            return;
        }
        List<Step> script = scripts.get(reference);
        if (script == null) {
            reply(out, new Reply(404, "{\"message\":\"fake engine: no script for " + reference + "\"}"));
            return;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        CompletableFuture<Void> clientGone = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                while (in.read() >= 0) {
                    // a client sends nothing more after its request; reading only tells when it leaves
                }
            } catch (IOException e) {
                // reset: gone as well
            }
            clientGone.complete(null);
        });
        boolean first = true;
        for (Step step : script) {
            switch (step) {
                case Line l -> {
                    byte[] data = (l.json() + "\n").getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(data);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case Hold h -> {
                    CompletableFuture.anyOf(h.gate(), clientGone).join();
                    if (clientGone.isDone()) {
                        hangUps.incrementAndGet();
                        firstHangUp.complete(null);
                        return;
                    }
                }
                case Drop d -> {
                    socket.close();
                    return;
                }
            }
            if (first) {
                first = false;
                firstPullStreaming.complete(null);
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        present.put(reference, "sha256:" + "f".repeat(64));
    }

    private static void reply(OutputStream out, Reply r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + r.status() + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String decode(String header) {
        try {
            return new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = readLine(in); size != null; size = readLine(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                in.readNBytes(n);
                readLine(in);
                if (n == 0) {
                    return;
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
