package dev.outpost.stack.inference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Fifty streams at once, all open together, each getting exactly its own tokens in order. */
class GatewayConcurrencyTest {
    private static final int STREAMS = 50;
    private static final int TOKENS = 40;

    @Test
    void fiftyConcurrentStreamsAllCompleteWithTheirOwnTokens() throws Exception {
        List<String> tokens = IntStream.range(0, TOKENS).mapToObj(i -> " {model}-t" + i).toList();
        String expected = String.join("", tokens);
        CountDownLatch allStarted = new CountDownLatch(STREAMS);
        try (StubUpstream ollama = StubUpstream.ollama(); StubUpstream openAi = StubUpstream.openAi()) {
            ollama.tokens = tokens;
            openAi.tokens = tokens;
            // every stream holds after its first token until all fifty have one: they really run at once
            CountDownLatch release = new CountDownLatch(1);
            ollama.hold = release;
            openAi.hold = release;
            RecordingListener events = new RecordingListener();
            try (InferenceGateway gateway = InferenceGateway.builder(ollama.route("local")).remote(openAi.route("gke"))
                    .listener(events).start(0);
                 ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                // even requests go to local Ollama, odd ones are translated to the OpenAI upstream
                gateway.useAuto(model -> Integer.parseInt(model.substring(1)) % 2 == 0
                        ? RouteChoice.local("even") : RouteChoice.remote("odd"));
                List<Future<List<JsonNode>>> answers = new ArrayList<>();
                for (int i = 0; i < STREAMS; i++) {
                    int n = i;
                    answers.add(clients.submit(() -> {
                        String body = "{\"model\":\"m" + n + "\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
                        var r = TestClient.open(gateway.url(), "/api/chat", body);
                        var reader = TestClient.lines(r);
                        List<JsonNode> lines = new ArrayList<>();
                        lines.add(StubUpstream.JSON.readTree(reader.readLine()));
                        allStarted.countDown();
                        reader.lines().map(StubUpstream.JSON::readTree).forEach(lines::add);
                        return lines;
                    }));
                }
                assertThat(allStarted.await(30, TimeUnit.SECONDS)).as("all streams had a first token").isTrue();
                release.countDown();
                for (int i = 0; i < STREAMS; i++) {
                    List<JsonNode> lines = answers.get(i).get(30, TimeUnit.SECONDS);
                    assertThat(TestClient.ollamaText(lines)).as("stream %d", i).isEqualTo(expected.replace("{model}", "m" + i));
                    assertThat(lines.getLast().path("done").asBoolean()).isTrue();
                    assertThat(lines.getLast().path("model").asString()).isEqualTo("m" + i);
                }
                assertThat(ollama.requests).hasSize(STREAMS / 2);
                assertThat(openAi.requests).hasSize(STREAMS / 2);
                for (int i = 0; i < STREAMS; i++) {
                    assertThat(RecordingListener.next(events.completed).complete()).isTrue();
                }
            }
        }
    }
}
