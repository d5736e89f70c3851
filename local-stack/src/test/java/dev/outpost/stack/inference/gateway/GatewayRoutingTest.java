package dev.outpost.stack.inference.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The toggle and the auto placement: where requests go, and that running ones stay where they started. */
class GatewayRoutingTest {
    private static final String CHAT = "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}";

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

    @Test
    void aFlipMovesTheNextRequestAndTheRunningOneFinishesWhereItStarted() throws Exception {
        local = StubUpstream.ollama();
        local.tokens = List.of("local-1", " local-2", " local-3");
        CountDownLatch release = new CountDownLatch(1);
        local.hold = release;
        remote = StubUpstream.openAi();
        remote.tokens = List.of("remote-1", " remote-2");
        RecordingListener events = new RecordingListener();
        gateway = InferenceGateway.builder(local.route("local")).remote(remote.route("gke")).listener(events).start(0);

        HttpResponse<InputStream> running = TestClient.open(gateway.url(), "/api/chat", CHAT);
        BufferedReader runningLines = TestClient.lines(running);
        JsonNode first = StubUpstream.JSON.readTree(TestClient.readLineWhileHeld(runningLines));
        assertThat(first.path("message").path("content").asString()).isEqualTo("local-1");

        gateway.use(Target.REMOTE);
        TestClient.Answer next = TestClient.call(gateway.url(), "/api/chat", CHAT);
        assertThat(TestClient.ollamaText(next.ndjson())).isEqualTo("remote-1 remote-2");

        release.countDown();
        List<JsonNode> rest = runningLines.lines().map(StubUpstream.JSON::readTree).toList();
        assertThat(TestClient.ollamaText(rest)).isEqualTo(" local-2 local-3");
        assertThat(rest.getLast().path("done").asBoolean()).isTrue();
        assertThat(local.requests).hasSize(1);
        assertThat(remote.requests).hasSize(1);

        RequestRouted a = RecordingListener.next(events.routed);
        RequestRouted b = RecordingListener.next(events.routed);
        assertThat(a.target()).isEqualTo(Target.LOCAL);
        assertThat(a.route()).isEqualTo("local");
        assertThat(a.model()).isEqualTo("llama3.2");
        assertThat(a.timeToFirstByte()).isPositive();
        assertThat(b.target()).isEqualTo(Target.REMOTE);
        assertThat(b.route()).isEqualTo("gke");
    }

    @Test
    void autoAsksThePlacementPerModelAndReportsItsReason() throws Exception {
        local = StubUpstream.ollama();
        remote = StubUpstream.openAi();
        remote.tokens = List.of("big");
        RecordingListener events = new RecordingListener();
        gateway = InferenceGateway.builder(local.route("local")).remote(remote.route("gke")).listener(events).start(0);
        gateway.useAuto(model -> model != null && model.startsWith("llama3.3:70b")
                ? RouteChoice.remote("70b does not fit in 8 GiB") : RouteChoice.local("fits locally"));

        String big = TestClient.ollamaText(TestClient.call(gateway.url(), "/api/chat",
                CHAT.replace("llama3.2", "llama3.3:70b")).ndjson());
        String small = TestClient.ollamaText(TestClient.call(gateway.url(), "/api/chat", CHAT).ndjson());

        assertThat(big).isEqualTo("big");
        assertThat(small).isEqualTo("The sky is blue");
        RequestRouted first = RecordingListener.next(events.routed);
        assertThat(first.target()).isEqualTo(Target.REMOTE);
        assertThat(first.reason()).isEqualTo("70b does not fit in 8 GiB");
        assertThat(RecordingListener.next(events.routed).reason()).isEqualTo("fits locally");
        assertThat(gateway.mode()).isInstanceOf(RoutingMode.Auto.class);
    }

    @Test
    void aPlacementThatThrowsIsAnErrorInTheClientsDialect() throws Exception {
        local = StubUpstream.ollama();
        gateway = InferenceGateway.builder(local.route("local")).start(0);
        gateway.useAuto(model -> {
            throw new IllegalStateException("no GPU inventory yet");
        });

        TestClient.Answer a = TestClient.call(gateway.url(), "/v1/chat/completions", CHAT);

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.json().path("error").path("message").asString()).contains("no GPU inventory yet");
        assertThat(local.requests).isEmpty();
    }

    @Test
    void remoteCannotBeUsedWithoutARemoteRoute() throws Exception {
        local = StubUpstream.ollama();
        gateway = InferenceGateway.builder(local.route("local")).start(0);

        assertThatThrownBy(() -> gateway.use(Target.REMOTE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no remote route");
        assertThat(gateway.mode()).isEqualTo(new RoutingMode.Fixed(Target.LOCAL));
    }
}
