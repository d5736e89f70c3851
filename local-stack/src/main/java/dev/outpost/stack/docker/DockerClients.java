package dev.outpost.stack.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;

/**
 * The one place Outpost builds docker-java clients: httpclient5 transport, our timeouts, TLS from
 * the endpoint. Built from the endpoint alone, never from docker-java's own reading of the environment,
 * so what {@link DockerEndpointResolver} decided is what gets used.
 */
public final class DockerClients {
    /** A local socket connects at once; a tcp engine that takes longer is as good as absent. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * Longest wait for a reply to one request. The docker CLI has none, but a wedged engine should not
     * hang Outpost; calls that may block longer (wait, followed logs, events) ask for {@link Duration#ZERO}.
     * Only tcp honours it: docker-java's unix and npipe sockets ignore read timeouts, so callers that must
     * not hang bound the call themselves, as {@link EngineProbe} does.
     */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_CONNECTIONS = 20;

    private DockerClients() {
    }

    public static DockerClient create(DockerEndpoint endpoint) {
        return create(endpoint, RESPONSE_TIMEOUT);
    }

    /**
     * @param responseTimeout longest wait for a reply; {@link Duration#ZERO} waits forever
     * @throws DockerEndpointException if the endpoint's scheme is not one Outpost can connect to
     */
    public static DockerClient create(DockerEndpoint endpoint, Duration responseTimeout) {
        if (!endpoint.supported()) {
            throw new DockerEndpointException("Outpost cannot connect to " + endpoint.scheme() + ":// engines ("
                    + endpoint.describe() + "); it speaks unix, npipe and tcp.");
        }
        DefaultDockerClientConfig.Builder config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.uri().toString())
                .withDockerTlsVerify(false);
        if (endpoint.tls().enabled()) {
            config.withCustomSslConfig(new PemTlsConfig(endpoint.tls()));
        }
        DefaultDockerClientConfig built = config.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(built, http);
    }
}
