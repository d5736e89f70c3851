package dev.outpost.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.docker.DockerEndpoint.Source;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEndpointResolverTest {
    @TempDir
    Path tmp;
    Path home;
    Path dockerDir;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        dockerDir = home.resolve(".docker");
    }

    private HostEnvironment env(OperatingSystem os, Map<String, String> vars) {
        return new HostEnvironment(os, vars, home);
    }

    private HostEnvironment linux(Map<String, String> vars) {
        return env(OperatingSystem.LINUX, vars);
    }

    /** Only files under the temp dir, plus the absolute paths a test pretends exist. */
    private Predicate<Path> onDisk(Path... pretend) {
        Set<Path> fake = Set.of(pretend);
        return p -> fake.contains(p) || (p.startsWith(tmp) && Files.exists(p));
    }

    private DockerEndpoint resolve(HostEnvironment env) {
        return new DockerEndpointResolver(env, onDisk()).resolve();
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private Path writeContext(Path configDir, String name, String host, boolean skipTlsVerify) throws Exception {
        Path meta = configDir.resolve("contexts/meta").resolve(sha256(name)).resolve("meta.json");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, """
                {"Name":"%s","Metadata":{"Description":"%s"},
                 "Endpoints":{"docker":{"Host":"%s","SkipTLSVerify":%s}}}""".formatted(name, name, host, skipTlsVerify));
        return meta;
    }

    private void writeConfig(Path configDir, String json) throws IOException {
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("config.json"), json);
    }

    @Test
    void dockerHostBeatsDockerContextAndConfig() throws Exception {
        writeContext(dockerDir, "colima", "unix:///ctx/colima.sock", false);
        writeConfig(dockerDir, "{\"currentContext\":\"colima\"}");

        DockerEndpoint e = resolve(linux(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375", "DOCKER_CONTEXT", "colima")));

        assertThat(e.uri()).isEqualTo(URI.create("tcp://10.0.0.5:2375"));
        assertThat(e.source()).isEqualTo(Source.DOCKER_HOST);
        assertThat(e.origin()).isEqualTo("DOCKER_HOST");
        assertThat(e.tls().enabled()).isFalse();
    }

    @Test
    void dockerContextBeatsConfigCurrentContext() throws Exception {
        writeContext(dockerDir, "colima", "unix:///ctx/colima.sock", false);
        writeContext(dockerDir, "other", "unix:///ctx/other.sock", false);
        writeConfig(dockerDir, "{\"currentContext\":\"other\"}");

        DockerEndpoint e = resolve(linux(Map.of("DOCKER_CONTEXT", "colima")));

        assertThat(e.uri()).isEqualTo(URI.create("unix:///ctx/colima.sock"));
        assertThat(e.source()).isEqualTo(Source.DOCKER_CONTEXT);
        assertThat(e.origin()).isEqualTo("docker context 'colima' from DOCKER_CONTEXT (~/.docker/contexts/meta/"
                + sha256("colima") + "/meta.json)");
        assertThat(e.product()).contains(Product.COLIMA);
    }

    @Test
    void configCurrentContextBeatsDefault() throws Exception {
        writeContext(dockerDir, "desktop-linux", "unix:///home/me/.docker/desktop/docker.sock", false);
        writeConfig(dockerDir, "{\"auths\":{},\"currentContext\":\"desktop-linux\"}");

        DockerEndpoint e = resolve(linux(Map.of()));

        assertThat(e.uri()).isEqualTo(URI.create("unix:///home/me/.docker/desktop/docker.sock"));
        assertThat(e.source()).isEqualTo(Source.CONFIG_CONTEXT);
        assertThat(e.origin()).startsWith("docker context 'desktop-linux' (~/.docker/contexts/meta/");
        assertThat(e.product()).contains(Product.DOCKER_DESKTOP);
    }

    @Test
    void nothingConfiguredGivesTheDefaultSocket() throws Exception {
        writeConfig(dockerDir, "{\"auths\":{}}");

        for (OperatingSystem os : new OperatingSystem[] {OperatingSystem.LINUX, OperatingSystem.MACOS}) {
            DockerEndpoint e = resolve(env(os, Map.of()));
            assertThat(e.uri()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
            assertThat(e.source()).isEqualTo(Source.DEFAULT);
            assertThat(e.origin()).isEqualTo("default socket");
            assertThat(e.product()).isEmpty();
        }
    }

    @Test
    void windowsDefaultIsTheDockerEnginePipe() {
        DockerEndpoint e = resolve(env(OperatingSystem.WINDOWS, Map.of()));

        assertThat(e.uri()).isEqualTo(URI.create("npipe:////./pipe/docker_engine"));
        assertThat(e.source()).isEqualTo(Source.DEFAULT);
        assertThat(e.supported()).isTrue();
    }

    @Test
    void contextIsFoundUnderTheSha256OfItsName() throws Exception {
        // Stored under another directory name, the context must not be found: the name's hash is the key.
        Path wrong = dockerDir.resolve("contexts/meta/colima/meta.json");
        Files.createDirectories(wrong.getParent());
        Files.writeString(wrong, "{\"Name\":\"colima\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///wrong.sock\"}}}");
        assertThatThrownBy(() -> resolve(linux(Map.of("DOCKER_CONTEXT", "colima"))))
                .isInstanceOf(DockerEndpointException.class);

        writeContext(dockerDir, "colima", "unix:///Users/me/.colima/default/docker.sock", false);

        assertThat(resolve(linux(Map.of("DOCKER_CONTEXT", "colima"))).uri())
                .isEqualTo(URI.create("unix:///Users/me/.colima/default/docker.sock"));
        assertThat(sha256("colima")).isEqualTo(ContextStore.hash("colima"));
    }

    @Test
    void defaultContextMeansThePlatformDefault() throws Exception {
        writeConfig(dockerDir, "{\"currentContext\":\"default\"}");

        DockerEndpoint fromConfig = resolve(linux(Map.of()));
        DockerEndpoint fromEnv = resolve(env(OperatingSystem.WINDOWS, Map.of("DOCKER_CONTEXT", "default")));

        assertThat(fromConfig.uri()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
        assertThat(fromConfig.source()).isEqualTo(Source.CONFIG_CONTEXT);
        assertThat(fromEnv.uri()).isEqualTo(URI.create("npipe:////./pipe/docker_engine"));
        assertThat(fromEnv.source()).isEqualTo(Source.DOCKER_CONTEXT);
    }

    @Test
    void missingContextNamesTheContextAndTheFile() throws Exception {
        writeConfig(dockerDir, "{\"currentContext\":\"gone\"}");
        String expectedFile = "~/.docker/contexts/meta/" + sha256("gone") + "/meta.json";

        assertThatThrownBy(() -> resolve(linux(Map.of())))
                .isInstanceOf(DockerEndpointException.class)
                .hasMessageContaining("docker context 'gone'")
                .hasMessageContaining("currentContext in config.json")
                .hasMessageContaining(expectedFile)
                .hasMessageContaining("docker context use default")
                .satisfies(e -> assertThat(((DockerEndpointException) e).file())
                        .contains(dockerDir.resolve("contexts/meta").resolve(sha256("gone")).resolve("meta.json")));
    }

    @Test
    void corruptConfigJsonIsAnError() throws Exception {
        writeConfig(dockerDir, "{\"currentContext\": \"colima\",");

        assertThatThrownBy(() -> resolve(linux(Map.of())))
                .isInstanceOf(DockerEndpointException.class)
                .hasMessageContaining("~/.docker/config.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void currentContextOfTheWrongTypeIsAnError() throws Exception {
        writeConfig(dockerDir, "{\"currentContext\": 42}");

        assertThatThrownBy(() -> resolve(linux(Map.of())))
                .isInstanceOf(DockerEndpointException.class)
                .hasMessageContaining("currentContext is not a string");
    }

    @Test
    void corruptContextMetaIsAnError() throws Exception {
        Path meta = writeContext(dockerDir, "broken", "x", false);
        Files.writeString(meta, "{\"Name\":\"broken\",\"Endpoints\":");

        assertThatThrownBy(() -> resolve(linux(Map.of("DOCKER_CONTEXT", "broken"))))
                .isInstanceOf(DockerEndpointException.class)
                .hasMessageContaining("docker context 'broken'")
                .hasMessageContaining("is corrupt");
    }

    @Test
    void emptyConfigJsonCountsAsNoConfiguration() throws Exception {
        writeConfig(dockerDir, "  \n");

        assertThat(resolve(linux(Map.of())).source()).isEqualTo(Source.DEFAULT);
    }

    @Test
    void dockerConfigMovesConfigJsonAndTheContextStore() throws Exception {
        Path custom = tmp.resolve("custom-docker");
        writeContext(custom, "rd", "unix:///home/me/.rd/docker.sock", false);
        writeConfig(custom, "{\"currentContext\":\"rd\"}");
        // The usual place says something else, and must be ignored.
        writeConfig(dockerDir, "{\"currentContext\":\"gone\"}");

        DockerEndpoint e = resolve(linux(Map.of("DOCKER_CONFIG", custom.toString())));

        assertThat(e.uri()).isEqualTo(URI.create("unix:///home/me/.rd/docker.sock"));
        assertThat(e.origin()).contains(custom.resolve("contexts/meta").toString());
        assertThat(e.product()).contains(Product.RANCHER_DESKTOP);
    }

    @Test
    void tlsFromDockerCertPath() {
        DockerEndpoint e = resolve(linux(Map.of("DOCKER_HOST", "tcp://build.example:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/etc/docker-certs")));

        assertThat(e.tls()).isEqualTo(DockerTls.verified(Path.of("/etc/docker-certs")));
    }

    @Test
    void tlsVerifyWithoutCertPathUsesTheDockerConfigDirAndTheTlsPort() {
        DockerEndpoint e = resolve(linux(Map.of("DOCKER_HOST", "tcp://build.example", "DOCKER_TLS_VERIFY", "1")));

        assertThat(e.tls()).isEqualTo(DockerTls.verified(dockerDir));
        assertThat(e.uri()).isEqualTo(URI.create("tcp://build.example:2376"));
    }

    @Test
    void tlsMaterialFromTheContextStore() throws Exception {
        writeContext(dockerDir, "remote", "tcp://build.example:2376", false);
        Path tlsDir = Files.createDirectories(dockerDir.resolve("contexts/tls").resolve(sha256("remote")).resolve("docker"));

        DockerEndpoint e = resolve(linux(Map.of("DOCKER_CONTEXT", "remote")));

        assertThat(e.tls()).isEqualTo(new DockerTls(true, true, Optional.of(tlsDir)));
    }

    @Test
    void skipTlsVerifyFromTheContextMeta() throws Exception {
        writeContext(dockerDir, "insecure", "tcp://build.example:2376", true);

        DockerEndpoint e = resolve(linux(Map.of("DOCKER_CONTEXT", "insecure")));

        assertThat(e.tls()).isEqualTo(new DockerTls(true, false, Optional.empty()));
    }

    @Test
    void contextWithoutTlsMaterialSpeaksPlainHttp() throws Exception {
        writeContext(dockerDir, "plain", "tcp://build.example:2375", false);

        assertThat(resolve(linux(Map.of("DOCKER_CONTEXT", "plain"))).tls()).isEqualTo(DockerTls.none());
    }

    @Test
    void dockerHostShorthandsAreCompletedAsTheCliDoes() {
        assertThat(resolve(linux(Map.of("DOCKER_HOST", "tcp://build.example"))).uri())
                .isEqualTo(URI.create("tcp://build.example:2375"));
        assertThat(resolve(linux(Map.of("DOCKER_HOST", "build.example:4243"))).uri())
                .isEqualTo(URI.create("tcp://build.example:4243"));
        assertThat(resolve(linux(Map.of("DOCKER_HOST", "unix://"))).uri())
                .isEqualTo(URI.create("unix:///var/run/docker.sock"));
        assertThat(resolve(linux(Map.of("DOCKER_HOST", "unix:///Users/John Smith/.docker/run/docker.sock")))
                .socketPath()).contains(Path.of("/Users/John Smith/.docker/run/docker.sock"));
    }

    @Test
    void sshIsKeptButUnsupported() {
        DockerEndpoint e = resolve(linux(Map.of("DOCKER_HOST", "ssh://me@build.example")));

        assertThat(e.uri()).isEqualTo(URI.create("ssh://me@build.example"));
        assertThat(e.supported()).isFalse();
        assertThat(e.address()).isEqualTo("ssh://build.example");
    }

    @Test
    void unparsableDockerHostIsAnError() {
        assertThatThrownBy(() -> resolve(linux(Map.of("DOCKER_HOST", "tcp://bad host:x"))))
                .isInstanceOf(DockerEndpointException.class)
                .hasMessageContaining("DOCKER_HOST is not a valid engine address");
        assertThatThrownBy(() -> resolve(linux(Map.of("DOCKER_HOST", "tcp://me:hunter2@bad host:x"))))
                .hasMessageStartingWith("DOCKER_HOST is not a valid engine address: 'tcp://***@bad host:x' (")
                .hasNoCause();
    }

    @Test
    void candidatesStartWithTheCliChoiceThenExistingWellKnownSocketsWithoutDuplicates() throws Exception {
        Path desktop = touch(home.resolve(".docker/desktop/docker.sock"));
        Path colima = touch(home.resolve(".colima/default/docker.sock"));
        Path orbstack = touch(home.resolve(".orbstack/run/docker.sock"));
        Path rootful = Path.of("/run/podman/podman.sock");
        Path rootless = Path.of("/run/user/1000/podman/podman.sock");
        HostEnvironment env = linux(Map.of("DOCKER_HOST", "unix://" + colima, "UID", "1000"));

        var candidates = new DockerEndpointResolver(env, onDisk(rootful, rootless)).candidates();

        assertThat(candidates).extracting(DockerEndpoint::uri).containsExactly(
                DockerEndpoint.unixUri(colima),
                DockerEndpoint.unixUri(desktop),
                DockerEndpoint.unixUri(rootful),
                DockerEndpoint.unixUri(rootless),
                DockerEndpoint.unixUri(orbstack));
        assertThat(candidates).extracting(DockerEndpoint::source).containsExactly(
                Source.DOCKER_HOST, Source.WELL_KNOWN, Source.WELL_KNOWN, Source.WELL_KNOWN, Source.WELL_KNOWN);
        assertThat(candidates).extracting(DockerEndpoint::origin).containsExactly(
                "DOCKER_HOST", "Docker Desktop (Linux)", "Podman (rootful)", "Podman (rootless)", "OrbStack");
        assertThat(candidates.getFirst().product()).contains(Product.COLIMA);
    }

    @Test
    void everyWellKnownSocketIsFoundInOrder() throws Exception {
        Path[] all = {
                touch(home.resolve(".docker/desktop/docker.sock")),
                touch(home.resolve(".docker/run/docker.sock")),
                Path.of("/run/podman/podman.sock"),
                touch(tmp.resolve("xdg/podman/podman.sock")),
                touch(home.resolve(".local/share/containers/podman/machine/podman.sock")),
                touch(home.resolve(".local/share/containers/podman/machine/qemu/podman.sock")),
                touch(home.resolve(".rd/docker.sock")),
                touch(home.resolve(".colima/default/docker.sock")),
                touch(home.resolve(".config/colima/default/docker.sock")),
                touch(home.resolve(".orbstack/run/docker.sock")),
        };
        HostEnvironment env = env(OperatingSystem.MACOS, Map.of("XDG_RUNTIME_DIR", tmp.resolve("xdg").toString()));

        var candidates = new DockerEndpointResolver(env, onDisk(Path.of("/run/podman/podman.sock"))).candidates();

        assertThat(candidates).extracting(DockerEndpoint::uri).startsWith(URI.create("unix:///var/run/docker.sock"));
        assertThat(candidates.subList(1, candidates.size())).extracting(e -> e.socketPath().orElseThrow())
                .containsExactly(all);
        assertThat(candidates.subList(1, candidates.size())).extracting(e -> e.product().orElseThrow())
                .containsExactly(Product.DOCKER_DESKTOP, Product.DOCKER_DESKTOP, Product.PODMAN, Product.PODMAN,
                        Product.PODMAN, Product.PODMAN, Product.RANCHER_DESKTOP, Product.COLIMA, Product.COLIMA,
                        Product.ORBSTACK);
    }

    @Test
    void rootlessPodmanIsSkippedWithoutRuntimeDirOrUid() {
        Path rootless = Path.of("/run/user/1000/podman/podman.sock");

        var candidates = new DockerEndpointResolver(linux(Map.of()), onDisk(rootless)).candidates();

        assertThat(candidates).extracting(DockerEndpoint::origin).containsExactly("default socket");
    }

    @Test
    void aSymlinkToAnotherCandidateIsTheSameEngine() throws Exception {
        Path real = touch(home.resolve(".docker/run/docker.sock"));
        Path link = Files.createSymbolicLink(tmp.resolve("docker.sock"), real);

        var candidates = new DockerEndpointResolver(env(OperatingSystem.MACOS, Map.of("DOCKER_HOST", "unix://" + link)),
                onDisk()).candidates();

        assertThat(candidates).extracting(DockerEndpoint::uri).containsExactly(DockerEndpoint.unixUri(link));
    }

    @Test
    void windowsHasNoWellKnownUnixSockets() throws Exception {
        touch(home.resolve(".docker/run/docker.sock"));

        var candidates = new DockerEndpointResolver(env(OperatingSystem.WINDOWS, Map.of()), onDisk()).candidates();

        assertThat(candidates).extracting(DockerEndpoint::uri)
                .containsExactly(URI.create("npipe:////./pipe/docker_engine"));
    }

    @Test
    void aBrokenContextLeavesTheWellKnownSocketsAndTheError() throws Exception {
        Path orbstack = touch(home.resolve(".orbstack/run/docker.sock"));
        var resolver = new DockerEndpointResolver(linux(Map.of("DOCKER_CONTEXT", "gone")), onDisk());

        Candidates found = resolver.search();

        assertThat(found.endpoints()).extracting(DockerEndpoint::uri).containsExactly(DockerEndpoint.unixUri(orbstack));
        assertThat(found.resolveError()).get().extracting(Throwable::getMessage).asString()
                .contains("docker context 'gone'");
        assertThat(resolver.candidates()).isEqualTo(found.endpoints());
    }

    private static Path touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.exists(p) ? p : Files.createFile(p);
    }

}
