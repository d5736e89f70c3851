package dev.outpost.stack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyVariablesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "http://user:password@proxy:3128            | http://***@proxy:3128",
            "http://user@proxy:3128                     | http://***@proxy:3128",
            "https://u%40corp:p%3Ass@proxy.corp:443/    | https://***@proxy.corp:443/",
            "socks5://alice:s3cret@127.0.0.1:1080       | socks5://***@127.0.0.1:1080",
            "user:password@proxy:3128                   | ***@proxy:3128",
            "http://u:pa/ss@proxy:3128                  | http://***@proxy:3128",
            "http://u:p@ss,w0rd@proxy:3128              | http://***@proxy:3128",
            "http://proxy:3128                          | http://proxy:3128",
            "localhost,127.0.0.1,.corp.example          | localhost,127.0.0.1,.corp.example",
            "``                                         | ``",
    })
    void masksCredentials(String value, String shown) {
        assertThat(ProxyVariables.redact(value)).isEqualTo(shown);
    }

    @Test
    void listsBothSpellingsInAFixedOrderWithoutSecrets() {
        HostEnvironment env = new HostEnvironment(OperatingSystem.LINUX, Map.of(
                "no_proxy", "localhost",
                "http_proxy", "http://bob:hunter2@proxy:3128",
                "HTTPS_PROXY", "http://bob:hunter2@proxy:3128",
                "ALL_PROXY", "socks5://proxy:1080",
                "PATH", "/usr/bin",
                "HTTP_PROXY_EXTRA", "not a proxy variable"), Path.of("/home/u"));

        Map<String, String> proxies = ProxyVariables.from(env);

        assertThat(proxies).containsExactly(
                entry("HTTPS_PROXY", "http://***@proxy:3128"),
                entry("http_proxy", "http://***@proxy:3128"),
                entry("no_proxy", "localhost"),
                entry("ALL_PROXY", "socks5://proxy:1080"));
        assertThat(proxies.toString()).doesNotContain("hunter2").doesNotContain("bob");
    }

    @Test
    void windowsNamesAreCaseInsensitiveSoEachIsListedOnce() {
        HostEnvironment env = new HostEnvironment(OperatingSystem.WINDOWS,
                Map.of("Https_Proxy", "http://proxy:8080"), Path.of("C:\\Users\\u"));

        assertThat(ProxyVariables.from(env)).containsExactly(entry("Https_Proxy", "http://proxy:8080"));
    }

    @Test
    void noneSetGivesNothing() {
        HostEnvironment env = new HostEnvironment(OperatingSystem.LINUX, Map.of("HTTP_PROXY", " "), Path.of("/home/u"));

        assertThat(ProxyVariables.from(env)).isEmpty();
    }
}
