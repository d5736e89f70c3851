package dev.outpost.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.outpost.stack.docker.EngineAttempt.Failure;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS as the docker CLI sets it up, against a real TLS server that insists on a client certificate. */
class DockerClientsTlsTest {
    @TempDir
    static Path keys;
    static TestIdentity server;
    static TestIdentity client;
    static TestIdentity stranger;

    @TempDir
    Path tmp;

    @BeforeAll
    static void identities() throws Exception {
        server = TestIdentity.create(keys, "engine");
        client = TestIdentity.create(keys, "client");
        stranger = TestIdentity.create(keys, "stranger");
    }

    private EngineProbe probe(Map<String, String> vars) {
        HostEnvironment env = new HostEnvironment(OperatingSystem.LINUX, vars, tmp);
        return new EngineProbe(new DockerEndpointResolver(env, p -> false), Duration.ofSeconds(5));
    }

    private Path certDir(TestIdentity trusted, boolean withClientPair) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("certs"));
        trusted.writeCertificate(dir.resolve("ca.pem"));
        if (withClientPair) {
            client.writeCertificate(dir.resolve("cert.pem"));
            client.writeKey(dir.resolve("key.pem"));
        }
        return dir;
    }

    private FakeEngine engine() throws Exception {
        return FakeEngine.onTls(server.serverContext(client), true, FakeEngine.docker("25.0.3", "/var/lib/docker"));
    }

    @Test
    void dockerTlsVerifyWithTheEnginesCaAndAClientPairConnects() throws Exception {
        try (FakeEngine engine = engine()) {
            EngineInfo info = probe(Map.of("DOCKER_HOST", engine.tcpAddress(), "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", certDir(server, true).toString())).probe();

            assertThat(info.serverVersion()).isEqualTo("25.0.3");
            assertThat(info.endpoint().tls().verifyServer()).isTrue();
        }
    }

    @Test
    void anEngineCertificateFromAnotherCaIsRejected() throws Exception {
        try (FakeEngine engine = engine()) {
            EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                    () -> probe(Map.of("DOCKER_HOST", engine.tcpAddress(), "DOCKER_TLS_VERIFY", "1",
                            "DOCKER_CERT_PATH", certDir(stranger, true).toString())).probe());

            assertThat(e.attempts()).singleElement().extracting(EngineAttempt::failure).isEqualTo(Failure.TLS);
            assertThat(engine.hits("/_ping")).isZero();
        }
    }

    @Test
    void skipTlsVerifyInAContextAcceptsAnyEngineCertificate() throws Exception {
        try (FakeEngine engine = engine()) {
            Path dockerDir = tmp.resolve(".docker");
            String hash = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("remote".getBytes(StandardCharsets.UTF_8)));
            Path meta = dockerDir.resolve("contexts/meta").resolve(hash).resolve("meta.json");
            Files.createDirectories(meta.getParent());
            Files.writeString(meta, "{\"Name\":\"remote\",\"Endpoints\":{\"docker\":{\"Host\":\"" + engine.tcpAddress()
                    + "\",\"SkipTLSVerify\":true}}}");
            Path tls = dockerDir.resolve("contexts/tls").resolve(hash).resolve("docker");
            stranger.writeCertificate(tls.resolve("ca.pem"));
            client.writeCertificate(tls.resolve("cert.pem"));
            client.writeKey(tls.resolve("key.pem"));

            EngineInfo info = probe(Map.of("DOCKER_CONTEXT", "remote")).probe();

            assertThat(info.endpoint().tls()).isEqualTo(DockerTls.forContext(Optional.of(tls), true));
            assertThat(info.serverVersion()).isEqualTo("25.0.3");
        }
    }

    @Test
    void withoutAClientCertificateTheEngineRefuses() throws Exception {
        try (FakeEngine engine = engine()) {
            EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                    () -> probe(Map.of("DOCKER_HOST", engine.tcpAddress(), "DOCKER_TLS_VERIFY", "1",
                            "DOCKER_CERT_PATH", certDir(server, false).toString())).probe());

            assertThat(e.attempts()).singleElement().extracting(EngineAttempt::failure).isEqualTo(Failure.TLS);
            assertThat(engine.hits("/_ping")).isZero();
        }
    }
}
