package dev.outpost.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.outpost.stack.docker.EngineAttempt.Failure;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The error shapes docker-java's transports were seen to throw, wrapped as they arrive. */
class FailuresTest {
    private static final DockerEndpoint ENDPOINT = new DockerEndpoint(URI.create("unix:///var/run/docker.sock"),
            DockerEndpoint.Source.DEFAULT, "default socket", Optional.empty(), DockerTls.none());

    private static EngineAttempt classify(Throwable t) {
        return Failures.classify(ENDPOINT, new RuntimeException(t.toString(), t));
    }

    @Test
    void unixSocketErrorsAreReadFromTheirText() {
        assertThat(classify(new SocketException("No such file or directory")).failure()).isEqualTo(Failure.NO_SUCH_FILE);
        assertThat(classify(new SocketException("Permission denied")).failure()).isEqualTo(Failure.PERMISSION_DENIED);
        assertThat(classify(new ConnectException("Connection refused")).failure()).isEqualTo(Failure.CONNECTION_REFUSED);
    }

    @Test
    void networkErrorsAreReadFromTheirType() {
        assertThat(classify(new SocketTimeoutException("Read timed out")).failure()).isEqualTo(Failure.TIMED_OUT);
        assertThat(classify(new UnknownHostException("build.example")).describe())
                .endsWith("unknown host (build.example)");
        assertThat(classify(new SSLHandshakeException("PKIX path building failed")).describe())
                .endsWith("TLS handshake failed (PKIX path building failed)");
    }

    @Test
    void anEngineErrorKeepsTheEnginesMessage() {
        EngineAttempt a = classify(new InternalServerErrorException("Status 500: {\"message\":\"boom\"}"));

        assertThat(a.failure()).isEqualTo(Failure.ENGINE_ERROR);
        assertThat(a.detail()).contains("boom");
    }

    @Test
    void anythingElseKeepsTheFirstLineOfItsMessage() {
        EngineAttempt a = Failures.classify(ENDPOINT, new IllegalStateException("odd\nsecond line"));

        assertThat(a.failure()).isEqualTo(Failure.OTHER);
        assertThat(a.describe()).isEqualTo("unix:///var/run/docker.sock (default socket): failed (odd)");
    }
}
