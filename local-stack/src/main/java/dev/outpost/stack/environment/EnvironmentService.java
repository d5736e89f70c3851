package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.pull.ImagePuller;
import dev.outpost.stack.docker.pull.RegistryCredentials;
import dev.outpost.stack.docker.pull.TokenStoreCredentials;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.cluster.ApiServerCheck;
import dev.outpost.stack.cluster.ClusterManager;
import dev.outpost.stack.cluster.ClusterProviders;
import dev.outpost.stack.cluster.OwnedClusters;
import dev.outpost.stack.docker.DockerEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the environment engine on first use, against the engine the docker CLI would use, so that
 * commands which never touch containers never connect to one.
 */
public final class EnvironmentService {
    private final Supplier<DockerClient> client;
    private final Supplier<TokenStore> tokens;
    private final String outpostVersion;
    private final Function<DockerClient, ImageSource> images;
    private final Supplier<ClusterManager> clusterManager;
    private DockerClient docker;
    private EnvironmentEngine engine;
    private ClusterManager clusters;

    public EnvironmentService(HostEnvironment host, Path dataDirectory, Supplier<TokenStore> tokens, String outpostVersion,
                              ApiServerCheck apiServer) {
        this(new EndpointHolder(host), host, dataDirectory, tokens, outpostVersion, apiServer);
    }

    private EnvironmentService(EndpointHolder endpoint, HostEnvironment host, Path dataDirectory, Supplier<TokenStore> tokens,
                               String outpostVersion, ApiServerCheck apiServer) {
        // No response timeout: pulls, logs and waits are long by nature; each has its own limit.
        this.client = () -> DockerClients.create(endpoint.get(), Duration.ZERO);
        this.tokens = tokens;
        this.outpostVersion = outpostVersion;
        this.images = docker -> new PullingImageSource(new ImagePuller(docker),
                new RegistryCredentials(host, new LocalProcessRunner(), new TokenStoreCredentials(tokens.get())));
        this.clusterManager = () -> new ClusterManager(
                new ClusterProviders(host, new LocalProcessRunner(), this::docker, endpoint.toolEnvironment()),
                new OwnedClusters(dataDirectory), apiServer, Clock.systemUTC());
    }

    public EnvironmentService(Supplier<DockerClient> client, Supplier<TokenStore> tokens, String outpostVersion,
                              Function<DockerClient, ImageSource> images, Supplier<ClusterManager> clusters) {
        this.client = client;
        this.tokens = tokens;
        this.outpostVersion = outpostVersion;
        this.images = images;
        this.clusterManager = clusters;
    }

    public synchronized DockerClient docker() {
        if (docker == null) {
            docker = client.get();
        }
        return docker;
    }

    public synchronized EnvironmentEngine engine() {
        if (engine == null) {
            engine = new EnvironmentEngine(docker(), new SecretStore(tokens.get()), images.apply(docker()), outpostVersion);
        }
        return engine;
    }

    /** kind and k3d clusters; building this runs nothing, and the engine is reached only when a tool needs it. */
    public synchronized ClusterManager clusters() {
        if (clusters == null) {
            clusters = clusterManager.get();
        }
        return clusters;
    }

    /** The engine endpoint, resolved once, and what kind and k3d need to reach the same engine. */
    private static final class EndpointHolder implements Supplier<DockerEndpoint> {
        private final HostEnvironment host;
        private DockerEndpoint endpoint;

        EndpointHolder(HostEnvironment host) {
            this.host = host;
        }

        @Override
        public synchronized DockerEndpoint get() {
            if (endpoint == null) {
                endpoint = new DockerEndpointResolver(host).resolve();
            }
            return endpoint;
        }

        /**
         * The tools read DOCKER_HOST and docker contexts as the docker CLI does; only an engine Outpost found on its
         * own (a Podman or Colima socket at a well-known place) has to be named for them.
         */
        Map<String, String> toolEnvironment() {
            try {
                DockerEndpoint e = get();
                return e.source() == DockerEndpoint.Source.WELL_KNOWN ? Map.of("DOCKER_HOST", e.uri().toString()) : Map.of();
            } catch (RuntimeException noEngine) {
                // The tool then reports the missing engine in its own words, which KnownFailures maps.
                return Map.of();
            }
        }
    }
}
