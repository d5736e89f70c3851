package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Samples from ollama.md §5, verbatim. */
class OllamaCliVersionTest {

    @Test
    void clientAndServerAgree() {
        OllamaCliVersion v = OllamaCliVersion.parse("ollama version is 0.32.15\n");

        assertThat(v).isEqualTo(new OllamaCliVersion("0.32.15", Optional.of("0.32.15")));
        assertThat(v.serverReachable()).isTrue();
        assertThat(v.versionsDiffer()).isFalse();
    }

    @Test
    void clientDiffersFromServer() {
        OllamaCliVersion v = OllamaCliVersion.parse("""
                ollama version is 0.32.15
                Warning: client version is 0.32.14
                """);

        assertThat(v.clientVersion()).isEqualTo("0.32.14");
        assertThat(v.serverVersion()).contains("0.32.15");
        assertThat(v.versionsDiffer()).isTrue();
    }

    @Test
    void noServerRunning() {
        OllamaCliVersion v = OllamaCliVersion.parse("""
                Warning: could not connect to a running Ollama instance
                Warning: client version is 0.32.15
                """);

        assertThat(v.clientVersion()).isEqualTo("0.32.15");
        assertThat(v.serverVersion()).isEmpty();
        assertThat(v.serverReachable()).isFalse();
        assertThat(v.versionsDiffer()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Warning: could not connect to a running Ollama instance", "ollama 0.32.15",
            "ollama version is", "Error: unknown flag: --version"})
    void rejectsAnythingElse(String output) {
        assertThatThrownBy(() -> OllamaCliVersion.parse(output))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("ollama --version");
    }
}
