package dev.outpost.stack.inference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Streams through the gateway, same dialect on both ends and translated, with no buffering on the way. */
class GatewayStreamingTest {
    private static final String CHAT = "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}";

    private StubUpstream upstream;
    private InferenceGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void ollamaClientGetsTheFirstTokenWhileTheOllamaUpstreamStillHoldsTheRest() throws Exception {
        upstream = StubUpstream.ollama();
        CountDownLatch release = new CountDownLatch(1);
        upstream.hold = release;
        gateway = InferenceGateway.builder(upstream.route("local")).start(0);

        HttpResponse<InputStream> r = TestClient.open(gateway.url(), "/api/chat", CHAT);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        BufferedReader lines = TestClient.lines(r);
        // The upstream is blocked on `release` until this line has been read: a buffering gateway hangs here.
        JsonNode first = StubUpstream.JSON.readTree(TestClient.readLineWhileHeld(lines));
        assertThat(first.path("message").path("content").asString()).isEqualTo("The");
        assertThat(first.path("done").asBoolean()).isFalse();

        release.countDown();
        List<JsonNode> rest = lines.lines().map(StubUpstream.JSON::readTree).toList();
        assertThat(TestClient.ollamaText(rest)).isEqualTo(" sky is blue");
        assertThat(rest.getLast().path("done").asBoolean()).isTrue();
        assertThat(upstream.last().path()).isEqualTo("/api/chat");
        assertThat(upstream.last().body()).isEqualTo(CHAT);
    }

    @Test
    void openAiClientIsForwardedToTheOllamaUpstreamsOwnV1Api() throws Exception {
        upstream = StubUpstream.ollama();
        gateway = InferenceGateway.builder(upstream.route("local")).start(0);
        String body = "{\"model\":\"llama3.2\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        TestClient.Answer a = TestClient.call(gateway.url(), "/v1/chat/completions", body);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("text/event-stream");
        assertThat(TestClient.sseText(a.body())).isEqualTo("The sky is blue");
        assertThat(upstream.last().path()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.last().body()).isEqualTo(body);

        TestClient.Answer models = TestClient.call(gateway.url(), "/v1/models", null);
        assertThat(models.json().path("data").path(0).path("id").asString()).isEqualTo("qwen2.5:7b");
        assertThat(upstream.last().path()).isEqualTo("/v1/models");
    }

    @Test
    void ollamaChatToAnOpenAiUpstreamBecomesChatCompletionsAndComesBackAsNdjsonWithADoneLine() throws Exception {
        upstream = StubUpstream.openAi();
        CountDownLatch release = new CountDownLatch(1);
        upstream.hold = release;
        gateway = InferenceGateway.builder(upstream.route("gke")).start(0);
        String body = "{\"model\":\"qwen2.5:7b\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":\"why?\"}],\"options\":{\"temperature\":0.2,\"num_predict\":64,\"seed\":7},"
                + "\"format\":\"json\",\"keep_alive\":\"5m\"}";

        HttpResponse<InputStream> r = TestClient.open(gateway.url(), "/api/chat", body);
        BufferedReader lines = TestClient.lines(r);
        JsonNode first = StubUpstream.JSON.readTree(TestClient.readLineWhileHeld(lines));
        release.countDown();
        List<JsonNode> rest = lines.lines().map(StubUpstream.JSON::readTree).toList();

        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(first.path("model").asString()).isEqualTo("qwen2.5:7b");
        assertThat(first.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(first.path("message").path("content").asString()).isEqualTo("The");
        assertThat(first.path("created_at").asString()).isNotEmpty();
        assertThat(TestClient.ollamaText(rest)).isEqualTo(" sky is blue");
        JsonNode done = rest.getLast();
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("done_reason").asString()).isEqualTo("stop");
        assertThat(done.path("eval_count").asLong()).isEqualTo(4);
        assertThat(done.path("prompt_eval_count").asLong()).isEqualTo(26);
        assertThat(done.path("total_duration").asLong()).isPositive();
        assertThat(rest.subList(0, rest.size() - 1)).allMatch(l -> !l.path("done").asBoolean());

        StubUpstream.Recorded sent = upstream.last();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        JsonNode req = sent.json();
        assertThat(req.path("stream").asBoolean()).isTrue();
        assertThat(req.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(req.path("messages")).hasSize(2);
        assertThat(req.path("messages").path(1).path("content").asString()).isEqualTo("why?");
        assertThat(req.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(req.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(req.path("seed").asInt()).isEqualTo(7);
        assertThat(req.path("response_format").path("type").asString()).isEqualTo("json_object");
        assertThat(req.has("keep_alive")).isFalse();
    }

    @Test
    void nonStreamedOllamaChatToAnOpenAiUpstreamIsOneOllamaObject() throws Exception {
        upstream = StubUpstream.openAi();
        gateway = InferenceGateway.builder(upstream.route("gke")).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat",
                "{\"model\":\"qwen2.5:7b\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(a.status()).isEqualTo(200);
        JsonNode n = a.json();
        assertThat(n.path("message").path("content").asString()).isEqualTo("The sky is blue");
        assertThat(n.path("done").asBoolean()).isTrue();
        assertThat(n.path("done_reason").asString()).isEqualTo("length");
        assertThat(n.path("eval_count").asInt()).isEqualTo(4);
        assertThat(upstream.last().json().path("stream").asBoolean()).isFalse();
    }

    @Test
    void ollamaGenerateToAnOpenAiUpstreamStreamsResponseFields() throws Exception {
        upstream = StubUpstream.openAi();
        gateway = InferenceGateway.builder(upstream.route("gke")).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/generate",
                "{\"model\":\"qwen2.5:7b\",\"prompt\":\"why?\",\"system\":\"terse\"}");

        List<JsonNode> lines = a.ndjson();
        assertThat(lines).allMatch(l -> l.has("response") && !l.has("message"));
        assertThat(TestClient.ollamaText(lines)).isEqualTo("The sky is blue");
        assertThat(lines.getLast().path("done").asBoolean()).isTrue();
        JsonNode req = upstream.last().json();
        assertThat(req.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(req.path("messages").path(1).path("content").asString()).isEqualTo("why?");
    }

    @Test
    void ollamaMetadataEndpointsAreAnsweredFromAnOpenAiUpstream() throws Exception {
        upstream = StubUpstream.openAi();
        gateway = InferenceGateway.builder(upstream.route("gke")).start(0);

        JsonNode tags = TestClient.call(gateway.url(), "/api/tags", null).json();
        assertThat(tags.path("models").path(0).path("name").asString()).isEqualTo("qwen2.5:7b");
        assertThat(tags.path("models").path(0).path("modified_at").asString()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(upstream.last().path()).isEqualTo("/v1/models");

        JsonNode ps = TestClient.call(gateway.url(), "/api/ps", null).json();
        assertThat(ps.path("models").path(0).path("context_length").asInt()).isEqualTo(32768);

        TestClient.Answer show = TestClient.call(gateway.url(), "/api/show", "{\"model\":\"qwen2.5:7b\"}");
        assertThat(show.status()).isEqualTo(200);
        assertThat(show.json().path("capabilities").path(0).asString()).isEqualTo("completion");
        TestClient.Answer missing = TestClient.call(gateway.url(), "/api/show", "{\"model\":\"nope\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asString()).isEqualTo("model 'nope' not found");

        JsonNode embed = TestClient.call(gateway.url(), "/api/embed", "{\"model\":\"e\",\"input\":[\"a\",\"b\"]}").json();
        assertThat(embed.path("embeddings").toString()).isEqualTo("[[0.1,0.2],[0.3,0.4]]");
        assertThat(embed.path("prompt_eval_count").asInt()).isEqualTo(8);
        assertThat(upstream.last().json().path("input").toString()).isEqualTo("[\"a\",\"b\"]");

        int asked = upstream.requests.size();
        assertThat(TestClient.call(gateway.url(), "/api/version", null).json().path("version").asString()).isNotEmpty();
        TestClient.Answer pull = TestClient.call(gateway.url(), "/api/pull", "{\"model\":\"x\"}");
        assertThat(pull.status()).isEqualTo(501);
        assertThat(pull.json().path("error").asString()).contains("/api/pull", "gke");
        assertThat(upstream.requests).hasSize(asked);
    }

    @Test
    void toolCallsToAnOpenAiUpstreamAreRefusedRatherThanHalfTranslated() throws Exception {
        upstream = StubUpstream.openAi();
        gateway = InferenceGateway.builder(upstream.route("gke")).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}");

        assertThat(a.status()).isEqualTo(501);
        assertThat(a.json().path("error").asString()).contains("tool calls");
        assertThat(upstream.requests).isEmpty();
    }

    @Test
    void ollamaPassthroughKeepsOtherEndpointsAndStatuses() throws Exception {
        upstream = StubUpstream.ollama();
        gateway = InferenceGateway.builder(upstream.route("local")).start(0);

        assertThat(TestClient.call(gateway.url(), "/api/tags", null).json().path("models").path(0).path("name").asString())
                .isEqualTo("llama3.2:latest");
        TestClient.Answer nope = TestClient.call(gateway.url(), "/api/nothing-here", null);
        assertThat(nope.status()).isEqualTo(404);
        assertThat(nope.body()).isEqualTo("{\"error\":\"404 page not found\"}");
        TestClient.Answer pull = TestClient.call(gateway.url(), "/api/pull", "{\"model\":\"llama3.2\"}");
        assertThat(pull.ndjson()).extracting(l -> l.path("status").asString())
                .containsExactly("pulling manifest", "verifying sha256 digest", "success");
        assertThat(upstream.last().body()).isEqualTo("{\"model\":\"llama3.2\"}");
        TestClient.Answer root = TestClient.call(gateway.url(), "/", null);
        assertThat(root.body()).isEqualTo("Ollama is running");
    }
}
