package dev.outpost.stack.inference.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An HTTP client for the tests: a streaming answer is read line by line, as a real client would. */
final class TestClient {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return StubUpstream.JSON.readTree(body);
        }

        List<JsonNode> ndjson() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    out.add(StubUpstream.JSON.readTree(line));
                }
            }
            return out;
        }
    }

    static HttpResponse<InputStream> open(URI base, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (json == null) {
            b.GET();
        } else {
            b.POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    static Answer call(URI base, String path, String json, String... headers) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = open(base, path, json, headers);
        try (InputStream in = r.body()) {
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The next line, or a failure if it takes more than 5 s: used while the upstream holds the rest of the
     * stream, so a gateway that buffers fails the test quickly instead of hanging it.
     */
    static String readLineWhileHeld(BufferedReader reader) throws Exception {
        var f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        try {
            return f.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no line reached the client while the upstream held the stream: buffered?");
        }
    }

    static BufferedReader lines(HttpResponse<InputStream> r) {
        return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    }

    /** The concatenated message.content (chat) or response (generate) of an Ollama NDJSON answer. */
    static String ollamaText(List<JsonNode> lines) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode l : lines) {
            sb.append(l.has("message") ? l.path("message").path("content").asString("") : l.path("response").asString(""));
        }
        return sb.toString();
    }

    /** The concatenated delta contents of an OpenAI SSE answer; fails if it does not end with [DONE]. */
    static String sseText(String body) {
        StringBuilder sb = new StringBuilder();
        boolean done = false;
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                String data = line.substring(6);
                if (data.equals("[DONE]")) {
                    done = true;
                } else {
                    JsonNode n = StubUpstream.JSON.readTree(data);
                    sb.append(n.path("choices").path(0).path("delta").path("content").asString(""));
                }
            }
        }
        if (!done) {
            throw new AssertionError("SSE answer without [DONE]: " + body);
        }
        return sb.toString();
    }
}
