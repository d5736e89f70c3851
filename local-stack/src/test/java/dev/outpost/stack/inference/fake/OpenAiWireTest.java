package dev.outpost.stack.inference.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-style routes of both doubles answer the way the documented servers do. */
class OpenAiWireTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void openAiStreamsChunksThenDone() throws Exception {
        try (OpenAiDouble openai = OpenAiDouble.start("sk-test-key").models("gpt-4o-mini").reply("Hi there")) {
            HttpResponse<List<String>> r = post(openai.baseUrl() + "/chat/completions", "sk-test-key",
                    "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            List<String> data = r.body().stream().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
            assertThat(data.getLast()).isEqualTo("[DONE]");
            List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
            assertThat(chunks).allSatisfy(c -> {
                assertThat(c.path("object").asString()).isEqualTo("chat.completion.chunk");
                assertThat(c.path("choices").get(0).path("index").asInt()).isZero();
            });
            assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("role").asString())
                    .isEqualTo("assistant");
            StringBuilder text = new StringBuilder();
            chunks.forEach(c -> text.append(c.path("choices").get(0).path("delta").path("content").asString("")));
            assertThat(text).hasToString("Hi there");
            assertThat(chunks.getLast().path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
            assertThat(chunks.get(1).path("choices").get(0).path("finish_reason").isNull()).isTrue();
            // Every event is followed by the blank line that ends it.
            assertThat(r.body().stream().filter(String::isEmpty).count()).isEqualTo(data.size());
        }
    }

    @Test
    void openAiRefusesAWrongKey() throws Exception {
        try (OpenAiDouble openai = OpenAiDouble.start("sk-test-key")) {
            HttpResponse<List<String>> r = get(openai.baseUrl() + "/models", "sk-wrong");
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode error = JSON.readTree(String.join("\n", r.body())).path("error");
            assertThat(error.path("code").asString()).isEqualTo("invalid_api_key");
            assertThat(error.toString()).doesNotContain("sk-wrong");

            JsonNode models = JSON.readTree(String.join("\n", get(openai.baseUrl() + "/models", "sk-test-key").body()));
            assertThat(models.path("data").get(0).path("id").asString()).isEqualTo("gpt-4o-mini");
        }
    }

    @Test
    void ollamaV1RoutesUseItsFlavour() throws Exception {
        try (OllamaDouble ollama = OllamaDouble.start()) {
            JsonNode empty = JSON.readTree(String.join("\n", get(ollama.uri() + "/v1/models", null).body()));
            assertThat(empty.path("data").isNull()).isTrue();

            ollama.model("llama3.2", 1_000).reply("The sky");
            JsonNode models = JSON.readTree(String.join("\n", get(ollama.uri() + "/v1/models", null).body()));
            assertThat(models.path("data").get(0).path("owned_by").asString()).isEqualTo("library");

            HttpResponse<List<String>> r = post(ollama.uri() + "/v1/chat/completions", null,
                    "{\"model\":\"llama3.2\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            List<JsonNode> chunks = new ArrayList<>();
            r.body().stream().filter(l -> l.startsWith("data: {")).forEach(l -> chunks.add(JSON.readTree(l.substring(6))));
            JsonNode first = chunks.getFirst().path("choices").get(0).path("delta");
            assertThat(first.path("role").asString()).isEqualTo("assistant");
            assertThat(first.path("content").asString()).isEqualTo("The");
            assertThat(chunks.getFirst().path("system_fingerprint").asString()).isEqualTo("fp_ollama");
            assertThat(chunks.getLast().path("choices")).isEmpty();
            assertThat(chunks.getLast().path("usage").path("completion_tokens").asInt()).isEqualTo(2);

            HttpResponse<List<String>> missing = post(ollama.uri() + "/v1/chat/completions", null,
                    "{\"model\":\"nope\",\"messages\":[]}");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(String.join("", missing.body())).path("error").path("type").asString())
                    .isEqualTo("not_found_error");
        }
    }

    /** The body split at each newline, blank lines kept (they end SSE events), the final newline dropped. */
    private static HttpResponse<List<String>> lines(HttpResponse<String> r) {
        List<String> lines = new ArrayList<>(List.of(r.body().split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return new HttpResponse<>() {
            public int statusCode() {
                return r.statusCode();
            }

            public HttpRequest request() {
                return r.request();
            }

            public java.util.Optional<HttpResponse<List<String>>> previousResponse() {
                return java.util.Optional.empty();
            }

            public java.net.http.HttpHeaders headers() {
                return r.headers();
            }

            public List<String> body() {
                return lines;
            }

            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return r.sslSession();
            }

            public URI uri() {
                return r.uri();
            }

            public HttpClient.Version version() {
                return r.version();
            }
        };
    }

    private HttpResponse<List<String>> get(String uri, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return lines(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<List<String>> post(String uri, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return lines(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
