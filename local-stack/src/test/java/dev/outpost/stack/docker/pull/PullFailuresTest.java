package dev.outpost.stack.docker.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.profiles.resolve.ImageReference;
import dev.outpost.stack.docker.pull.ImagePullException.Reason;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's own words (Docker 20.10 and Docker Hub), as they arrive, sorted into reasons. */
class PullFailuresTest {
    private static final AuthConfig ALICE = new AuthConfig().withUsername("alice").withPassword("s3cret-pw");

    private static PullFailures pulling(String image, Optional<AuthConfig> auth) {
        return new PullFailures(ImageReference.parse(image), auth);
    }

    @Test
    void refusedCredentialsNameTheRegistryAndTheImage() {
        ImagePullException e = pulling("127.0.0.1:5000/library/postgres:16", Optional.of(ALICE))
                .engineSaid("unauthorized: authentication required", 500, null);

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("registry 127.0.0.1:5000 refused the credentials for library/postgres:16 "
                + "(unauthorized: authentication required). Check the user name and password, or log in again with "
                + "`docker login 127.0.0.1:5000`.");
        assertThat(e.image()).isEqualTo("127.0.0.1:5000/library/postgres:16");
        assertThat(e.registry()).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void missingCredentialsSayHowToLogIn() {
        ImagePullException e = pulling("127.0.0.1:5000/test/tiny:1", Optional.empty()).engineSaid(
                "Head \"http://127.0.0.1:5000/v2/test/tiny/manifests/1\": no basic auth credentials", 500, null);

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).startsWith("registry 127.0.0.1:5000 wants credentials for test/tiny:1 and none "
                + "were found").endsWith("Log in with `docker login 127.0.0.1:5000`.");
    }

    @Test
    void anUnknownManifestIsNotFound() {
        ImagePullException e = pulling("127.0.0.1:5000/test/nope:1", Optional.empty()).thrown(new NotFoundException(
                "{\"message\":\"manifest for 127.0.0.1:5000/test/nope:1 not found: manifest unknown: manifest unknown\"}"
                        + "\n"), false);

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("image test/nope:1 not found in registry 127.0.0.1:5000 (manifest for "
                + "127.0.0.1:5000/test/nope:1 not found: manifest unknown: manifest unknown)");
    }

    @Test
    void dockerHubsDeniedAccessIsNotFoundWithAHintForPrivateImages() {
        ImagePullException e = pulling("acme/secret-tool:2", Optional.empty()).engineSaid("pull access denied for "
                + "acme/secret-tool, repository does not exist or may require 'docker login': denied: requested access "
                + "to the resource is denied", 404, null);

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).startsWith("image acme/secret-tool:2 not found in registry docker.io (pull access")
                .endsWith("If it is private, log in with `docker login docker.io`.");
    }

    @Test
    void connectionProblemsMeanTheRegistryCannotBeReached() {
        PullFailures f = pulling("127.0.0.1:5998/test/tiny:1", Optional.empty());
        assertThat(f.thrown(new InternalServerErrorException("{\"message\":\"Get \\\"http://127.0.0.1:5998/v2/\\\": "
                + "dial tcp 127.0.0.1:5998: connect: connection refused\"}\n"), false).getMessage())
                .isEqualTo("registry 127.0.0.1:5998 cannot be reached (Get \"http://127.0.0.1:5998/v2/\": dial tcp "
                        + "127.0.0.1:5998: connect: connection refused)");

        PullFailures hub = pulling("postgres:16", Optional.empty());
        for (String said : new String[] {
                "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host",
                "Get \"https://registry-1.docker.io/v2/\": net/http: TLS handshake timeout",
                "Get \"https://registry.corp/v2/\": x509: certificate signed by unknown authority",
                "Get \"https://127.0.0.1:5000/v2/\": http: server gave HTTP response to HTTPS client"}) {
            assertThat(hub.engineSaid(said, 500, null).reason()).as(said).isEqualTo(Reason.REGISTRY_UNREACHABLE);
        }
    }

    @Test
    void dockerHubsPullLimitIsRateLimited() {
        ImagePullException e = pulling("postgres:16", Optional.empty()).engineSaid("toomanyrequests: You have reached "
                + "your pull rate limit. You may increase the limit by authenticating and upgrading: "
                + "https://www.docker.com/increase-rate-limit", 500, null);

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.getMessage()).startsWith("registry docker.io refused the pull of library/postgres:16 for now");
    }

    @Test
    void theCredentialsNeverAppearEvenWhenTheEngineRepeatsThem() {
        AuthConfig token = new AuthConfig().withIdentityToken("eyJhbGciOiJSUzI1NiJ9.token-value");
        ImagePullException e = pulling("ghcr.io/acme/app:1", Optional.of(ALICE)).engineSaid(
                "unauthorized: user alice with password s3cret-pw denied", 500, null);
        ImagePullException t = pulling("ghcr.io/acme/app:1", Optional.of(token)).engineSaid(
                "error: token eyJhbGciOiJSUzI1NiJ9.token-value is expired", 500, null);

        assertThat(e.getMessage()).doesNotContain("s3cret-pw").contains("***");
        assertThat(t.getMessage()).doesNotContain("eyJhbGciOiJSUzI1NiJ9.token-value");
    }

    @Test
    void aLostConnectionIsTheEngineGoingAway() {
        PullFailures f = pulling("redis:7", Optional.empty());
        RuntimeException lost = new RuntimeException(new IOException("Premature end of chunk coded message body"));

        ImagePullException during = f.thrown(lost, true);
        ImagePullException before = f.thrown(lost, false);

        assertThat(during.reason()).isEqualTo(Reason.ENGINE_GONE);
        assertThat(during.getMessage()).isEqualTo("the container engine stopped answering during the pull of "
                + "docker.io/library/redis:7 (IOException: Premature end of chunk coded message body)");
        assertThat(before.getMessage()).startsWith("the container engine did not answer the pull of ");
    }

    @Test
    void anythingElseIsAFailureInTheEnginesWords() {
        ImagePullException e = pulling("redis:7", Optional.empty()).engineSaid(
                "failed to register layer: Error processing tar file(exit status 1): no space left on device", 500, null);

        assertThat(e.reason()).isEqualTo(Reason.FAILED);
        assertThat(e.getMessage()).isEqualTo("pull of docker.io/library/redis:7 failed: failed to register layer: "
                + "Error processing tar file(exit status 1): no space left on device");
    }

    @Test
    void theEnginesMessageIsTakenOutOfDockerJavasText() {
        assertThat(PullFailures.bodyMessage("Status 500: {\"message\":\"boom\"}\n")).isEqualTo("boom");
        assertThat(PullFailures.bodyMessage("Status 502: Bad Gateway")).isEqualTo("Bad Gateway");
        assertThat(PullFailures.bodyMessage(null)).isEmpty();
    }
}
