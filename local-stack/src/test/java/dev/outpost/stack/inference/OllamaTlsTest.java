package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.inference.OllamaException.Kind;
import dev.outpost.stack.inference.fake.OllamaDouble;
import dev.outpost.stack.inference.fake.TestCa;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaTlsTest {
    private final TestCa ca = TestCa.shared();
    private final OllamaDouble ollama = OllamaDouble.startHttps(ca).model("llama3.2", 1_000);

    @AfterEach
    void close() {
        ollama.close();
    }

    @Test
    void httpsWorksWithTheCaTrusted() throws Exception {
        try (OllamaClient client = new OllamaClient(ollama.uri(), null, OllamaTls.trustingPem(ca.caPem()))) {
            assertThat(client.version()).isEqualTo(OllamaDouble.DEFAULT_VERSION);
            ChatResult r = client.chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("hi"))), c -> { });
            assertThat(r.message().content()).isEqualTo(OllamaDouble.DEFAULT_REPLY);
        }
    }

    @Test
    void untrustedCertificateSaysWhichHostAndHowToFixIt() {
        try (OllamaClient client = new OllamaClient(ollama.uri())) {
            assertThatThrownBy(client::version)
                    .isInstanceOfSatisfying(OllamaException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.TLS_UNTRUSTED);
                        assertThat(e.getMessage()).contains(ollama.address(), "CA", "PEM");
                    });
        }
    }
}
