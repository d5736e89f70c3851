package dev.outpost.stack.inference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unreachable and failing routes, fallback, streams that break, and credentials kept out of errors. */
class GatewayFailureTest {
    private static final String CHAT = "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}";
    private static final String SECRET = "s3cret-t0ken-ya29";

    private StubUpstream local;
    private StubUpstream remote;
    private InferenceGateway gateway;

    @AfterEach
    void tearDown() {
        for (AutoCloseable c : new AutoCloseable[] {gateway, local, remote}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // teardown
            }
        }
    }

    /** A port that was free a moment ago and has nothing listening now. */
    private static URI deadAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void anUnreachableRouteIsA502InOllamasShape() throws Exception {
        RecordingListener events = new RecordingListener();
        gateway = InferenceGateway.builder(Route.of("local", deadAddress(), ApiKind.OLLAMA)).listener(events).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", CHAT);

        assertThat(a.status()).isEqualTo(502);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.json().size()).isEqualTo(1);
        assertThat(a.json().path("error").asString()).startsWith("cannot reach route 'local' at http://127.0.0.1:")
                .endsWith("connection refused");
        RequestFailed failed = RecordingListener.next(events.failures);
        assertThat(failed.target()).isEqualTo(Target.LOCAL);
        assertThat(failed.midStream()).isFalse();
        assertThat(failed.model()).isEqualTo("llama3.2");
    }

    @Test
    void anUnreachableRouteIsA502InTheOpenAiEnvelopeForOpenAiClients() throws Exception {
        gateway = InferenceGateway.builder(Route.of("local", deadAddress(), ApiKind.OLLAMA)).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/v1/chat/completions", CHAT);

        assertThat(a.status()).isEqualTo(502);
        JsonNode error = a.json().path("error");
        assertThat(error.path("message").asString()).contains("cannot reach route 'local'");
        assertThat(error.path("type").asString()).isEqualTo("api_error");
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void a5xxBeforeStreamingIsA502ThatSaysWhatTheUpstreamSaid() throws Exception {
        local = StubUpstream.ollama();
        local.failStatus = 500;
        local.failMessage = "model requires more system memory (9.1 GiB) than is available (4.0 GiB)";
        gateway = InferenceGateway.builder(local.route("local")).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", CHAT);

        assertThat(a.status()).isEqualTo(502);
        assertThat(a.json().path("error").asString())
                .isEqualTo("route 'local' answered 500: " + local.failMessage);
    }

    @Test
    void withFallbackAllowedTheOtherRouteServesAndTheListenerIsTold() throws Exception {
        remote = StubUpstream.openAi();
        remote.tokens = List.of("from", " remote");
        RecordingListener events = new RecordingListener();
        gateway = InferenceGateway.builder(Route.of("local", deadAddress(), ApiKind.OLLAMA)).remote(remote.route("gke"))
                .allowFallback(true).listener(events).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", CHAT);

        assertThat(a.status()).isEqualTo(200);
        assertThat(TestClient.ollamaText(a.ndjson())).isEqualTo("from remote");
        assertThat(a.ndjson().getLast().path("done").asBoolean()).isTrue();
        Fallback f = RecordingListener.next(events.fallbacks);
        assertThat(f.from()).isEqualTo(Target.LOCAL);
        assertThat(f.to()).isEqualTo(Target.REMOTE);
        assertThat(f.toRoute()).isEqualTo("gke");
        assertThat(f.cause()).contains("cannot reach route 'local'");
        RequestRouted routed = RecordingListener.next(events.routed);
        assertThat(routed.fellBack()).isTrue();
        assertThat(routed.target()).isEqualTo(Target.REMOTE);
        assertThat(events.failures).isEmpty();
    }

    @Test
    void withoutFallbackTheOtherRouteIsNotAsked() throws Exception {
        remote = StubUpstream.openAi();
        RecordingListener events = new RecordingListener();
        gateway = InferenceGateway.builder(Route.of("local", deadAddress(), ApiKind.OLLAMA)).remote(remote.route("gke"))
                .listener(events).start(0);

        assertThat(TestClient.call(gateway.url(), "/api/chat", CHAT).status()).isEqualTo(502);
        assertThat(remote.requests).isEmpty();
        assertThat(events.fallbacks).isEmpty();

        gateway.allowFallback(true);
        assertThat(TestClient.call(gateway.url(), "/api/chat", CHAT).status()).isEqualTo(200);
        assertThat(remote.requests).hasSize(1);
    }

    @Test
    void whenBothRoutesFailTheErrorNamesBoth() throws Exception {
        remote = StubUpstream.openAi();
        remote.failStatus = 503;
        remote.failMessage = "no capacity";
        gateway = InferenceGateway.builder(Route.of("local", deadAddress(), ApiKind.OLLAMA)).remote(remote.route("gke"))
                .allowFallback(true).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", CHAT);

        assertThat(a.status()).isEqualTo(502);
        assertThat(a.json().path("error").asString()).contains("cannot reach route 'local'", "route 'gke' answered 503: no capacity");
    }

    @Test
    void anOllamaStreamThatDiesMidWayEndsWithAnErrorLine() throws Exception {
        local = StubUpstream.ollama();
        local.dieAfterFirstToken = true;
        RecordingListener events = new RecordingListener();
        gateway = InferenceGateway.builder(local.route("local")).listener(events).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", CHAT);

        assertThat(a.status()).isEqualTo(200);
        List<JsonNode> lines = a.ndjson();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("message").path("content").asString()).isEqualTo("The");
        assertThat(lines.get(1).path("error").asString()).startsWith("the answer from route 'local' broke off");
        RequestFailed failed = RecordingListener.next(events.failures);
        assertThat(failed.midStream()).isTrue();
        assertThat(RecordingListener.next(events.completed).complete()).isFalse();
    }

    @Test
    void anSseStreamThatDiesMidWayEndsWithAnOpenAiErrorEvent() throws Exception {
        local = StubUpstream.ollama();
        local.dieAfterFirstToken = true;
        gateway = InferenceGateway.builder(local.route("local")).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/v1/chat/completions",
                "{\"model\":\"m\",\"stream\":true,\"messages\":[]}");

        String[] events = a.body().split("\n\n");
        assertThat(events).hasSize(2);
        JsonNode error = StubUpstream.JSON.readTree(events[1].substring("data: ".length()));
        assertThat(error.path("error").path("message").asString()).contains("broke off");
        assertThat(error.path("error").path("type").asString()).isEqualTo("api_error");
    }

    @Test
    void aTranslatedStreamThatStopsBeforeItsFinishEndsWithAnErrorLineAndNoDoneLine() throws Exception {
        remote = StubUpstream.openAi();
        remote.endWithoutFinish = true;
        gateway = InferenceGateway.builder(remote.route("gke")).start(0);

        List<JsonNode> lines = TestClient.call(gateway.url(), "/api/chat", CHAT).ndjson();

        assertThat(TestClient.ollamaText(lines.subList(0, lines.size() - 1))).isEqualTo("The sky is blue");
        assertThat(lines.getLast().path("error").asString()).contains("ended before the answer was finished");
        assertThat(lines).noneMatch(l -> l.path("done").asBoolean());
    }

    @Test
    void theRoutesCredentialsGoUpstreamAndNeverIntoAnError() throws Exception {
        remote = StubUpstream.openAi();
        RecordingListener events = new RecordingListener();
        Route route = Route.of("gke", remote.uri(), ApiKind.OPENAI, AuthHeaders.bearer(() -> SECRET), null);
        gateway = InferenceGateway.builder(route).listener(events).start(0);

        TestClient.call(gateway.url(), "/v1/chat/completions", CHAT, "Authorization", "Bearer ollama");
        assertThat(remote.last().headers().get("Authorization")).containsExactly("Bearer " + SECRET);

        remote.failStatus = 500;
        remote.failMessage = "token Bearer " + SECRET + " expired";
        TestClient.Answer fivehundred = TestClient.call(gateway.url(), "/api/chat", CHAT);
        assertThat(fivehundred.status()).isEqualTo(502);
        assertThat(fivehundred.body()).doesNotContain(SECRET).contains("expired");
        assertThat(RecordingListener.next(events.failures).message()).doesNotContain(SECRET);

        remote.failStatus = 401;
        remote.failMessage = "invalid api key " + SECRET;
        TestClient.Answer unauthorized = TestClient.call(gateway.url(), "/v1/chat/completions", CHAT);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.body()).doesNotContain(SECRET).contains("invalid api key ***");
        TestClient.Answer translated = TestClient.call(gateway.url(), "/api/chat", CHAT);
        assertThat(translated.status()).isEqualTo(401);
        assertThat(translated.body()).doesNotContain(SECRET);
        assertThat(route.toString()).doesNotContain(SECRET);
    }

    @Test
    void credentialsThatCannotBeHadFailTheRouteWithoutAConnection() throws Exception {
        remote = StubUpstream.openAi();
        Route route = Route.of("gke", remote.uri(), ApiKind.OPENAI, () -> {
            throw new IOException("gcloud is not logged in");
        }, null);
        gateway = InferenceGateway.builder(route).start(0);

        TestClient.Answer a = TestClient.call(gateway.url(), "/api/chat", CHAT);

        assertThat(a.status()).isEqualTo(502);
        assertThat(a.json().path("error").asString()).isEqualTo("could not get the credentials for route 'gke': gcloud is not logged in");
        assertThat(remote.requests).isEmpty();
    }
}
