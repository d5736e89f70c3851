package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against a real local HTTP server that answers like Ollama (ollama.md §3.1). */
class OllamaApiCheckTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private int serve(String path, int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            respond(exchange, status, contentType, body);
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HostEnvironment host(OperatingSystem os, String ollamaHost) {
        return new HostEnvironment(os, ollamaHost == null ? Map.of() : Map.of("OLLAMA_HOST", ollamaHost), Path.of("/home/u"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void answersLikeOllama() throws Exception {
        int port = serve("/api/version", 200, "application/json; charset=utf-8", "{\"version\":\"0.32.15\"}");

        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "127.0.0.1:" + port)).run();

        assertThat(c.id()).isEqualTo("ollama-api");
        assertThat(c.title()).isEqualTo("Ollama server");
        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("Ollama 0.32.15 at http://127.0.0.1:" + port);
        assertThat(c.facts()).containsEntry("version", "0.32.15").containsEntry("address", "http://127.0.0.1:" + port);
        assertThat(requests).containsExactly("GET /api/version");
    }

    @ParameterizedTest(name = "OLLAMA_HOST={0}")
    @CsvSource({"':'", "'0.0.0.0:'"})
    void unspecifiedAddressesAreDialledLocally(String prefix) throws Exception {
        int port = serve("/api/version", 200, "application/json", "{\"version\":\"0.32.15\"}");

        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, prefix + port)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(requests).containsExactly("GET /api/version");
    }

    @Test
    void aPathPrefixIsKept() throws Exception {
        int port = serve("/ollama/api/version", 200, "application/json", "{\"version\":\"0.32.15\"}");

        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "http://127.0.0.1:" + port + "/ollama")).run();

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).endsWith("/ollama");
        assertThat(requests).containsExactly("GET /ollama/api/version");
    }

    @Test
    void nothingListeningIsMissingWithAnOsHint() throws Exception {
        int port = closedPort();

        Check linux = new OllamaApiCheck(host(OperatingSystem.LINUX, "127.0.0.1:" + port)).run();
        Check mac = new OllamaApiCheck(host(OperatingSystem.MACOS, "127.0.0.1:" + port)).run();
        Check windows = new OllamaApiCheck(host(OperatingSystem.WINDOWS, "127.0.0.1:" + port)).run();

        assertThat(linux.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(linux.summary()).isEqualTo("Nothing is answering at http://127.0.0.1:" + port);
        assertThat(linux.fix()).contains("ollama serve").contains("systemctl").contains("OLLAMA_HOST");
        assertThat(mac.fix()).contains("Ollama app").contains("OLLAMA_HOST");
        assertThat(windows.fix()).contains("Start menu").contains("OLLAMA_HOST");
    }

    @Test
    void theDefaultAddressIsUsedWhenOllamaHostIsUnset() throws Exception {
        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, null)).run();

        // Whether or not an Ollama runs on this machine, the probe must have dialled the default address.
        assertThat(c.facts()).containsEntry("address", "http://127.0.0.1:11434");
    }

    @Test
    void anErrorStatusIsFailedWithOllamasMessage() throws Exception {
        int port = serve("/api/version", 500, "application/json", "{\"error\":\"something went wrong\"}");

        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "127.0.0.1:" + port)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("HTTP 500").contains("something went wrong");
        assertThat(c.fix()).isNotBlank();
    }

    @Test
    void anotherServiceOnThePortIsFailed() throws Exception {
        int port = serve("/", 200, "text/html", "<html><body>It works!</body></html>");

        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "127.0.0.1:" + port)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("does not answer like Ollama").contains("It works!");
    }

    @Test
    void aServerThatNeverAnswersIsFailedAfterTheTimeout() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();

        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "127.0.0.1:" + port), Duration.ofMillis(300)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("did not answer");
    }

    @Test
    void anUnusableOllamaHostIsFailed() throws Exception {
        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "exa mple.com")).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("OLLAMA_HOST");
        assertThat(c.fix()).contains("127.0.0.1:11434");
    }

    @Test
    void aNonHttpSchemeIsFailed() throws Exception {
        Check c = new OllamaApiCheck(host(OperatingSystem.LINUX, "tcp://127.0.0.1:11434")).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("tcp");
    }
}
