package dev.outpost.stack.docker.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temp DOCKER_CONFIG directories, and a fake {@code docker-credential-test} on a PATH of its own, run through
 * the real process runner. The helper only answers when it is asked with {@code get} and the exact server
 * address on stdin, and records what it was given.
 */
@Timeout(60)
class RegistryCredentialsTest {
    @TempDir
    Path home;

    private Path bin;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectories(home.resolve("bin"));
        config = Files.createDirectories(home.resolve("docker-config"));
        helper("test", """
                [ "$1" = "get" ] || { echo "unexpected arguments: $*" >&2; exit 2; }
                server=$(cat; echo x)
                server=${server%%x}
                printf '%%s' "$server" > '%s'
                case "$server" in
                  "127.0.0.1:5000") echo '{"ServerURL":"127.0.0.1:5000","Username":"alice","Secret":"helper-pw"}' ;;
                  "https://index.docker.io/v1/") echo '{"ServerURL":"https://index.docker.io/v1/","Username":"<token>","Secret":"hub-token"}' ;;
                  *) echo "credentials not found in native keychain"; exit 1 ;;
                esac""".formatted(home.resolve("stdin.txt")));
        helper("broken", """
                echo "error getting credentials - err: exit status 1, out: keychain locked (secret=abc123)"
                exit 1""");
    }

    private void helper(String name, String body) throws IOException {
        Path p = bin.resolve("docker-credential-" + name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }

    private void configJson(String json) throws IOException {
        Files.writeString(config.resolve("config.json"), json);
    }

    private HostEnvironment env() {
        return new HostEnvironment(OperatingSystem.LINUX, Map.of("DOCKER_CONFIG", config.toString(),
                "PATH", bin + ":/usr/bin:/bin"), home);
    }

    private RegistryCredentials credentials() {
        return new RegistryCredentials(env(), new LocalProcessRunner());
    }

    private String stdinSeen() throws IOException {
        return Files.readString(home.resolve("stdin.txt"));
    }

    private static String basic(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCredentialHelperForTheHostIsAskedWithTheServerAddressOnStdin() throws Exception {
        configJson("""
                {"credHelpers": {"127.0.0.1:5000": "test"}, "auths": {"127.0.0.1:5000": {"auth": "%s"}}}"""
                .formatted(basic("file-user:file-pw")));

        AuthConfig auth = credentials().forImage("127.0.0.1:5000/library/postgres:16").orElseThrow();

        assertThat(stdinSeen()).isEqualTo("127.0.0.1:5000");
        assertThat(auth.getUsername()).isEqualTo("alice");
        assertThat(auth.getPassword()).isEqualTo("helper-pw");
        assertThat(auth.getRegistryAddress()).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void dockerHubIsAskedForUnderItsV1AddressAndATokenUsernameMeansAnIdentityToken() throws Exception {
        configJson("""
                {"credHelpers": {"docker.io": "test"}}""");

        AuthConfig auth = credentials().forImage("postgres:16").orElseThrow();

        assertThat(stdinSeen()).isEqualTo("https://index.docker.io/v1/");
        assertThat(auth.getIdentitytoken()).isEqualTo("hub-token");
        assertThat(auth.getUsername()).isNull();
        assertThat(auth.getPassword()).isNull();
    }

    @Test
    void theCredentialsStoreServesHostsWithoutAHelperOfTheirOwn() throws Exception {
        configJson("""
                {"credsStore": "test", "credHelpers": {"ghcr.io": "missing"}}""");

        AuthConfig auth = credentials().forRegistry("127.0.0.1:5000").orElseThrow();

        assertThat(auth.getUsername()).isEqualTo("alice");
        assertThat(auth.getPassword()).isEqualTo("helper-pw");
    }

    @Test
    void whenTheStoreHasNothingTheAuthsEntryIsUsed() throws Exception {
        configJson("""
                {"credsStore": "test", "auths": {"https://registry.example.com/v1/": {"auth": "%s"}}}"""
                .formatted(basic("bob:pa:ss")));

        AuthConfig auth = credentials().forRegistry("registry.example.com").orElseThrow();

        assertThat(stdinSeen()).isEqualTo("registry.example.com");
        assertThat(auth.getUsername()).isEqualTo("bob");
        assertThat(auth.getPassword()).as("only the first colon separates").isEqualTo("pa:ss");
    }

    @Test
    void anExactAuthsKeyWinsOverOneThatOnlyNamesTheSameHost() throws Exception {
        configJson("""
                {"auths": {"http://ghcr.io/v2/": {"auth": "%s"}, "ghcr.io": {"auth": "%s"}}}"""
                .formatted(basic("old:old"), basic("new:new")));

        assertThat(credentials().forRegistry("ghcr.io").orElseThrow().getUsername()).isEqualTo("new");
    }

    @Test
    void anIdentityTokenInAuthsIsPassedOn() throws Exception {
        configJson("""
                {"auths": {"myregistry.azurecr.io": {"auth": "%s", "identitytoken": "refresh-token"}}}"""
                .formatted(basic("00000000-0000-0000-0000-000000000000:")));

        AuthConfig auth = credentials().forRegistry("myregistry.azurecr.io").orElseThrow();

        assertThat(auth.getIdentitytoken()).isEqualTo("refresh-token");
    }

    @Test
    void noConfigurationOrNoEntryMeansAnAnonymousPull() throws Exception {
        assertThat(credentials().forRegistry("127.0.0.1:5000")).isEmpty();

        configJson("""
                {"auths": {"ghcr.io": {"auth": "%s"}, "quay.io": {}}}""".formatted(basic("a:b")));
        assertThat(credentials().forRegistry("127.0.0.1:5000")).isEmpty();
        assertThat(credentials().forRegistry("quay.io")).isEmpty();
    }

    @Test
    void withoutDockerConfigTheFileUnderHomeIsRead() throws Exception {
        Path dotDocker = Files.createDirectories(home.resolve(".docker"));
        Files.writeString(dotDocker.resolve("config.json"), """
                {"auths": {"https://index.docker.io/v1/": {"auth": "%s"}}}""".formatted(basic("hubuser:hubpw")));
        HostEnvironment plain = new HostEnvironment(OperatingSystem.LINUX, Map.of("PATH", bin.toString()), home);

        AuthConfig auth = new RegistryCredentials(plain, new LocalProcessRunner()).forImage("library/redis:7")
                .orElseThrow();

        assertThat(auth.getUsername()).isEqualTo("hubuser");
        assertThat(auth.getRegistryAddress()).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void outpostsOwnSourceComesFirstAndTheDockerConfigurationIsNotEvenRead() throws Exception {
        configJson("{ this is not json");
        Map<String, AuthConfig> keychain = new HashMap<>();
        keychain.put("127.0.0.1:5000", new AuthConfig().withUsername("from-keychain").withPassword("k"));
        CredentialSource inMemory = host -> Optional.ofNullable(keychain.get(host));

        RegistryCredentials creds = new RegistryCredentials(env(), new LocalProcessRunner(), inMemory);

        assertThat(creds.forRegistry("127.0.0.1:5000").orElseThrow().getUsername()).isEqualTo("from-keychain");
        assertThatThrownBy(() -> creds.forRegistry("ghcr.io")).isInstanceOf(RegistryCredentialsException.class);
    }

    @Test
    void aHelperThatIsNotInstalledIsNamedWithWhereItIsConfigured() throws Exception {
        configJson("""
                {"credsStore": "desktop"}""");

        assertThatThrownBy(() -> credentials().forRegistry("ghcr.io"))
                .isInstanceOf(RegistryCredentialsException.class)
                .hasMessageContaining("docker-credential-desktop")
                .hasMessageContaining("credsStore in ~/docker-config/config.json")
                .hasMessageContaining("not on PATH");
    }

    @Test
    void aFailingHelperIsReportedWithItsExitCodeAndRedactedOutput() throws Exception {
        configJson("""
                {"credHelpers": {"ghcr.io": "broken"}}""");

        assertThatThrownBy(() -> credentials().forRegistry("ghcr.io"))
                .isInstanceOf(RegistryCredentialsException.class)
                .hasMessageContaining("docker-credential-broken (credHelpers in ~/docker-config/config.json)")
                .hasMessageContaining("exit code 1")
                .hasMessageContaining("keychain locked")
                .hasMessageNotContaining("abc123");
    }

    @Test
    void aCorruptConfigurationIsReportedWithoutQuotingItsSecrets() throws Exception {
        String secret = basic("carol:do-not-leak");
        configJson("{\"auths\": {\"ghcr.io\": {\"auth\": \"" + secret + "\"}}\n oops }");

        assertThatThrownBy(() -> credentials().forRegistry("ghcr.io"))
                .isInstanceOf(RegistryCredentialsException.class)
                .hasMessageContaining("~/docker-config/config.json is corrupt: it is not valid JSON (line 2)")
                .hasMessageNotContaining(secret);

        configJson("{\"auths\": {\"ghcr.io\": {\"auth\": \"not*base64\"}}}");
        assertThatThrownBy(() -> credentials().forRegistry("ghcr.io"))
                .hasMessageContaining("the auth of ghcr.io is not valid base64")
                .hasMessageNotContaining("not*base64");
    }
}
