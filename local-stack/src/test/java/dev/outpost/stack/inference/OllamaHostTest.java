package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cases of ollama.md §1, plus the quoting and IPv6 cases Ollama's own parser handles. */
class OllamaHostTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // value                       | as Ollama reports it               | where a client connects
            "``                            | http://127.0.0.1:11434             | http://127.0.0.1:11434",
            "0.0.0.0                       | http://0.0.0.0:11434               | http://127.0.0.1:11434",
            "example.com                   | http://example.com:11434           | http://example.com:11434",
            ":8080                         | http://:8080                       | http://127.0.0.1:8080",
            "http://example.com            | http://example.com:80              | http://example.com:80",
            "https://example.com           | https://example.com:443            | https://example.com:443",
            "http://host:11434/prefix      | http://host:11434/prefix           | http://host:11434/prefix",
            "https://example.com/ollama    | https://example.com:443/ollama     | https://example.com:443/ollama",
            "http://host:11434/prefix/     | http://host:11434/prefix           | http://host:11434/prefix",
            "ollama.com                    | https://ollama.com:443             | https://ollama.com:443",
            "1.2.3.4                       | http://1.2.3.4:11434               | http://1.2.3.4:11434",
            "1.2.3.4:1234                  | http://1.2.3.4:1234                | http://1.2.3.4:1234",
            "example.com:1234              | http://example.com:1234            | http://example.com:1234",
            "http://1.2.3.4:4321           | http://1.2.3.4:4321                | http://1.2.3.4:4321",
            "https://1.2.3.4:4321          | https://1.2.3.4:4321               | https://1.2.3.4:4321",
            "0.0.0.0:11434                 | http://0.0.0.0:11434               | http://127.0.0.1:11434",
            ":0                            | http://:0                          | http://127.0.0.1:0",
            ":66000                        | http://:11434                      | http://127.0.0.1:11434",
            ":-1                           | http://:11434                      | http://127.0.0.1:11434",
            "example.com:abc               | http://example.com:11434           | http://example.com:11434",
            "https://example.com:99999     | https://example.com:443            | https://example.com:443",
            "[::1]                         | http://[::1]:11434                 | http://[::1]:11434",
            "::1                           | http://[::1]:11434                 | http://[::1]:11434",
            "[::1]:1337                    | http://[::1]:1337                  | http://[::1]:1337",
            "[::]                          | http://[::]:11434                  | http://[::1]:11434",
            "` 1.2.3.4 `                   | http://1.2.3.4:11434               | http://1.2.3.4:11434",
            "\"1.2.3.4\"                   | http://1.2.3.4:11434               | http://1.2.3.4:11434",
            "` \" 1.2.3.4 \" `             | http://1.2.3.4:11434               | http://1.2.3.4:11434",
            "'1.2.3.4'                     | http://1.2.3.4:11434               | http://1.2.3.4:11434",
    })
    void parsesLikeOllama(String value, String reported, String client) {
        OllamaHost host = OllamaHost.parse(value);

        assertThat(host.toString()).isEqualTo(reported);
        assertThat(host.baseUri()).isEqualTo(URI.create(client));
    }

    @Test
    void unsetAndNullGiveTheDefault() {
        HostEnvironment unset = new HostEnvironment(OperatingSystem.LINUX, Map.of(), Path.of("/home/u"));

        assertThat(OllamaHost.fromEnvironment(unset)).isEqualTo(OllamaHost.DEFAULT);
        assertThat(OllamaHost.parse(null)).isEqualTo(OllamaHost.DEFAULT);
        assertThat(OllamaHost.DEFAULT.baseUri()).isEqualTo(URI.create("http://127.0.0.1:11434"));
    }

    @Test
    void readsTheVariableFromTheEnvironment() {
        HostEnvironment env = new HostEnvironment(OperatingSystem.LINUX,
                Map.of("OLLAMA_HOST", "0.0.0.0:11434"), Path.of("/home/u"));

        OllamaHost host = OllamaHost.fromEnvironment(env);

        assertThat(host).isEqualTo(new OllamaHost("http", "0.0.0.0", 11434, ""));
        assertThat(host.baseUri()).isEqualTo(URI.create("http://127.0.0.1:11434"));
    }

    @Test
    void componentsAreKeptApart() {
        OllamaHost host = OllamaHost.parse("https://example.com/ollama");

        assertThat(host.scheme()).isEqualTo("https");
        assertThat(host.host()).isEqualTo("example.com");
        assertThat(host.port()).isEqualTo(443);
        assertThat(host.path()).isEqualTo("/ollama");
    }

    @Test
    void endpointsGoUnderThePathPrefix() {
        assertThat(OllamaHost.parse("http://host:11434/prefix").endpoint("/api/version"))
                .isEqualTo(URI.create("http://host:11434/prefix/api/version"));
        assertThat(OllamaHost.parse("").endpoint("api/tags"))
                .isEqualTo(URI.create("http://127.0.0.1:11434/api/tags"));
    }

    @Test
    void anAddressNoClientCanUseIsATypedError() {
        assertThatThrownBy(() -> OllamaHost.parse("exa mple.com"))
                .isInstanceOf(InvalidOllamaHostException.class)
                .hasMessageContaining("OLLAMA_HOST=\"exa mple.com\"")
                .extracting(e -> ((InvalidOllamaHostException) e).value()).isEqualTo("exa mple.com");
        assertThatThrownBy(() -> OllamaHost.parse("http://[bad"))
                .isInstanceOf(InvalidOllamaHostException.class);
    }
}
