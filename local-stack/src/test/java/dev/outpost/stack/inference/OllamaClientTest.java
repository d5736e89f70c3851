package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.inference.OllamaException.Kind;
import dev.outpost.stack.inference.fake.Gate;
import dev.outpost.stack.inference.fake.OllamaDouble;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaClientTest {
    private final OllamaDouble ollama = OllamaDouble.start().model("llama3.2", 2_019_393_189L);
    private final OllamaClient client = new OllamaClient(ollama.uri());

    @AfterEach
    void close() {
        client.close();
        ollama.close();
    }

    @Test
    void readsVersionTagsPsAndShow() throws Exception {
        ollama.version("0.32.15").loaded("llama3.2", 1_000_000_000L, Duration.ofMinutes(5));

        assertThat(client.version()).isEqualTo("0.32.15");

        List<LocalModel> tags = client.tags();
        assertThat(tags).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("llama3.2:latest");
            assertThat(m.size()).isEqualTo(2_019_393_189L);
            assertThat(m.digest()).hasSize(64);
            assertThat(m.modifiedAt()).isPresent();
            assertThat(m.details().family()).isEqualTo("llama");
            assertThat(m.details().parameterSize()).isEqualTo("3.2B");
            assertThat(m.details().quantizationLevel()).isEqualTo("Q4_K_M");
        });

        List<RunningModel> ps = client.ps();
        assertThat(ps).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("llama3.2:latest");
            assertThat(m.sizeVram()).isEqualTo(1_000_000_000L);
            assertThat(m.gpuShare()).isBetween(0.49, 0.5);
            assertThat(m.expiresAt()).isPresent();
            assertThat(m.contextLength()).isEqualTo(4096);
        });

        ModelInfo info = client.show("llama3.2");
        assertThat(info.capabilities()).contains("completion");
        assertThat(info.contextLength()).hasValue(131072);
        assertThat(info.details().family()).isEqualTo("llama");
    }

    @Test
    void deletesAndEmbeds() throws Exception {
        Embeddings e = client.embed("llama3.2", List.of("a", "b"));
        assertThat(e.vectors()).hasSize(2);
        assertThat(e.vectors().getFirst()).hasSize(4);
        assertThat(e.vectors().get(0)).isNotEqualTo(e.vectors().get(1));

        client.delete("llama3.2");
        assertThat(client.tags()).isEmpty();
        assertThat(ollama.requests("/api/delete")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"model\":\"llama3.2\""));
    }

    @Test
    void unknownModelIsModelNotFound() {
        assertThatThrownBy(() -> client.show("nope"))
                .isInstanceOfSatisfying(OllamaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
                    assertThat(e.httpStatus()).hasValue(404);
                    assertThat(e.getMessage()).contains("model 'nope' not found");
                });
        assertThatThrownBy(() -> client.delete("nope"))
                .isInstanceOfSatisfying(OllamaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND));
        assertThatThrownBy(() -> client.chat(ChatRequest.of("nope", List.of(ChatMessage.user("hi"))), c -> { }))
                .isInstanceOfSatisfying(OllamaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND));
    }

    @Test
    void chatStreamsTokenByToken() throws Exception {
        ollama.reply("The sky is blue.");
        Gate gate = ollama.holdNextStream(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        boolean[] serverHeldWhenFirstArrived = {false};

        ChatResult result = client.chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("why?")))
                .withKeepAlive(Duration.ofMinutes(10)).withOptions(Map.of("temperature", 0)), chunk -> {
            if (seen.isEmpty()) {
                try {
                    // The double stops after the first token until released: a client that waited for the whole
                    // body would not be here yet.
                    serverHeldWhenFirstArrived[0] = gate.awaitReached(Duration.ofSeconds(5)) && gate.isHolding();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                gate.release();
            }
            seen.add(chunk.content());
        });

        assertThat(serverHeldWhenFirstArrived[0]).isTrue();
        assertThat(gate.timedOut()).isFalse();
        assertThat(seen).containsExactly("The", " sky", " is", " blue.", "");
        assertThat(result.message()).isEqualTo(ChatMessage.assistant("The sky is blue."));
        assertThat(result.model()).isEqualTo("llama3.2:latest");
        assertThat(result.stats().tokensPerSecondFromServer()).isTrue();
        assertThat(result.stats().evalCount()).isEqualTo(4);
        assertThat(result.stats().tokensPerSecond()).isPositive();
        assertThat(result.stats().timeToFirstToken()).isPositive();
        assertThat(result.stats().doneReason()).isEqualTo("stop");
        assertThat(ollama.requests("/api/chat")).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"keep_alive\":\"600s\"", "\"temperature\":0", "\"stream\":true"));
    }

    @Test
    void measuresTokensPerSecondWhenTheServerSendsNoCounters() throws Exception {
        ollama.reply("one two three four").omitEvalCounters().tokenDelay(Duration.ofMillis(5));

        GenerateResult result = client.generate(GenerateRequest.of("llama3.2", "count"), c -> { });

        assertThat(result.response()).isEqualTo("one two three four");
        assertThat(result.stats().tokensPerSecondFromServer()).isFalse();
        assertThat(result.stats().evalCount()).isEqualTo(4);
        assertThat(result.stats().tokensPerSecond()).isPositive();
    }

    @Test
    void errorLineMidStreamIsStreamError() {
        ollama.errorMidStream(2, "an error was encountered while running the model");
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> client.chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("hi"))),
                c -> seen.add(c.content())))
                .isInstanceOfSatisfying(OllamaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
                    assertThat(e.serverMessage()).isEqualTo("an error was encountered while running the model");
                    assertThat(e.httpStatus()).isEmpty();
                });
        assertThat(seen).hasSize(2);
    }

    @Test
    void droppedChatStreamIsStreamError() {
        ollama.dropNextStream(1);

        assertThatThrownBy(() -> client.generate(GenerateRequest.of("llama3.2", "hi"), c -> { }))
                .isInstanceOfSatisfying(OllamaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
                    assertThat(e.getMessage()).contains(ollama.address());
                });
    }

    @Test
    void aCallbackThatThrowsEndsTheStreamAndHangsUp() throws Exception {
        ollama.reply("word ".repeat(400).strip()).tokenDelay(Duration.ofMillis(5));
        IllegalStateException stop = new IllegalStateException("enough");

        assertThatThrownBy(() -> client.chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("talk"))), c -> {
            throw stop;
        })).isSameAs(stop);
        // Ollama stops generating when the client goes away; the double notices the same way.
        assertThat(ollama.awaitClientDisconnects(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void outOfMemoryLoadIsRecognised() {
        ollama.failLoads("model requires more system memory (15.3 GiB) than is available (11.2 GiB)");

        assertThatThrownBy(() -> client.chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("hi"))), c -> { }))
                .isInstanceOfSatisfying(OllamaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.OUT_OF_MEMORY);
                    assertThat(e.httpStatus()).hasValue(500);
                    assertThat(e.getMessage()).contains("15.3 GiB");
                });
    }

    @Test
    void unreachablePortNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (OllamaClient nobody = new OllamaClient(URI.create("http://127.0.0.1:" + port))) {
            assertThatThrownBy(nobody::version)
                    .isInstanceOfSatisfying(OllamaException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                        assertThat(e.getMessage()).contains("127.0.0.1:" + port);
                    });
        }
    }

    @Test
    void wrongTokenIsUnauthorizedWithoutTheTokenInTheMessage() throws Exception {
        ollama.requireBearer("right-token-0123456789");
        try (OllamaClient wrong = new OllamaClient(ollama.uri(), () -> "wrong-token-9876543210", null)) {
            assertThatThrownBy(wrong::tags)
                    .isInstanceOfSatisfying(OllamaException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
                        assertThat(e.httpStatus()).hasValue(401);
                        assertThat(e.getMessage()).doesNotContain("wrong-token-9876543210", "right-token");
                        assertThat(String.valueOf(e.serverMessage())).doesNotContain("wrong-token-9876543210");
                    });
        }
        try (OllamaClient right = new OllamaClient(ollama.uri(), () -> "right-token-0123456789", null)) {
            assertThat(right.tags()).hasSize(1);
        }
        assertThat(ollama.requests("/api/tags").getLast().header("Authorization"))
                .hasValue("Bearer right-token-0123456789");
    }

    @Test
    void tokenEchoedByAProxyIsScrubbed() {
        String scrubbed = OllamaTransport.scrub("bad header: Bearer abcdefgh-secret", "abcdefgh-secret");
        assertThat(scrubbed).doesNotContain("abcdefgh-secret");
    }
}
