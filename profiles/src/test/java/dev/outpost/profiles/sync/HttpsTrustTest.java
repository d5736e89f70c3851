package dev.outpost.profiles.sync;

import static dev.outpost.profiles.sync.Upstream.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.outpost.profiles.credentials.MapTokenStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS is always verified: a company CA is trusted only when configured, and never by turning checks off. */
class HttpsTrustTest {
    private static final String TOKEN = "ghp_https-token-value";

    @TempDir
    static Path certDir;

    @TempDir
    Path tmp;

    private static SelfSignedCertificate cert;
    private Upstream upstream;
    private TokenGitServer server;
    private final MapTokenStore tokens = new MapTokenStore();

    @BeforeAll
    static void certificate() throws Exception {
        cert = SelfSignedCertificate.create(certDir);
    }

    @BeforeEach
    void start() throws Exception {
        upstream = Upstream.create(tmp.resolve("server"));
        upstream.commit("Initial platform", files("platform.yaml", "name: acme\n"));
        server = TokenGitServer.https(upstream.bareRepository(), TOKEN, cert.keyStore(), cert.password());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        upstream.close();
    }

    @Test
    void aServerSignedByAnUnknownCaIsRefused() {
        PlatformConfig config = PlatformConfig.of(server.url(), "ann");
        tokens.put(config.tokenAccount(), TOKEN);
        PlatformRepository platform = new PlatformRepository(config, tmp.resolve("clone"), tokens, new MarkedInvalid());

        UntrustedServerException e = catchThrowableOfType(UntrustedServerException.class,
                () -> platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(e).hasMessageStartingWith("The certificate of 127.0.0.1 could not be verified");
        assertThat(server.userNamesSeen).isEmpty();
        assertThat(platform.lastGood()).isEmpty();
    }

    @Test
    void theConfiguredCompanyCaIsTrusted() {
        PlatformConfig config = PlatformConfig.of(server.url(), "ann").withCaCertificates(cert.pem());
        tokens.put(config.tokenAccount(), TOKEN);
        PlatformRepository platform = new PlatformRepository(config, tmp.resolve("clone"), tokens, new MarkedInvalid());

        assertThat(platform.sync(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(SyncResult.Updated.class);
        assertThat(platform.currentTree().orElseThrow().resolve("platform.yaml")).hasContent("name: acme");
    }
}
