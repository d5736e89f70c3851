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
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.cluster.ApiServerCheck;
import dev.outpost.stack.cluster.KubeconfigMerge;
import dev.outpost.stack.kube.ApiServerReadiness;
import dev.outpost.stack.cluster.ClusterManager;
import dev.outpost.stack.cluster.ClusterProviders;
import dev.outpost.stack.cluster.OwnedClusters;
import dev.outpost.stack.docker.DockerEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    private ClusterEnvironmentEngine clusterEngine;

    public EnvironmentService(HostEnvironment host, Path dataDirectory, Supplier<TokenStore> tokens, String outpostVersion) {
        this(new EndpointHolder(host), host, dataDirectory, tokens, outpostVersion, new ApiServerReadiness());
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
                new OwnedClusters(dataDirectory), apiServer, KubeconfigMerge.defaultTarget(host), Clock.systemUTC());
    }

    public EnvironmentService(Supplier<DockerClient> client, Supplier<TokenStore> tokens, String outpostVersion,
                              Function<DockerClient, ImageSource> images, Supplier<ClusterManager> clusters) {
        this.client = client;
        this.tokens = tokens;
        this.outpostVersion = outpostVersion;
        this.images = images;
        this.clusterManager = clusters;
    }

    private volatile Supplier<java.net.URI> inferenceGateway = () -> null;

    /** Where the inference gateway listens, for environments whose profile uses models. */
    public EnvironmentService withInferenceGateway(Supplier<java.net.URI> gateway) {
        this.inferenceGateway = gateway;
        return this;
    }

    /**
     * The plan's connection strings, plus, for a profile with models, the inference gateway: one stable local
     * URL (Ollama API, and OpenAI-compatible under /v1) whether models run locally or remotely.
     */
    public Map<String, Map<String, String>> connections(Plan plan) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>(forPlan(plan).connections(plan));
        java.net.URI gateway = inferenceGateway.get();
        if (plan.inference().isPresent() && gateway != null) {
            Map<String, String> inference = new java.util.LinkedHashMap<>();
            inference.put("ollama", gateway.toString());
            inference.put("openai", gateway + "/v1");
            out.put("inference", inference);
        }
        return out;
    }

    /** KEY=value lines for a .env file, the gateway's URLs included. */
    public List<String> dotEnv(Plan plan) {
        List<String> lines = new java.util.ArrayList<>();
        connections(plan).forEach((service, conns) -> conns.forEach((name, value) -> lines.add(
                (service + "_" + name).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "=" + value)));
        return lines;
    }

    /** Pulls images onto the engine through the user's registry logins, with progress. */
    public ImageSource images() {
        return images.apply(docker());
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

    public synchronized ClusterEnvironmentEngine clusterEngine() {
        if (clusterEngine == null) {
            clusterEngine = new ClusterEnvironmentEngine(clusters(), new SecretStore(tokens.get()), this::builtLocally);
        }
        return clusterEngine;
    }

    /** Where a plan runs: its own cluster for kind and k3d, containers otherwise. */
    public EnvironmentRuntime forPlan(Plan plan) {
        return plan.runtime().needsCluster() ? clusterEngine() : engine();
    }

    /** Where an existing environment runs: in a cluster Outpost made for it, else as containers. */
    public EnvironmentRuntime forEnvironment(String env) {
        return clusters().owned().forEnvironment(env).isPresent() ? clusterEngine() : engine();
    }

    /**
     * Every environment: container ones from the engine's labels, cluster ones from the clusters Outpost owns.
     * One side failing (no engine answering, a tool missing) does not hide the other.
     */
    public List<EnvironmentStatus> listAll() {
        List<EnvironmentStatus> all = new java.util.ArrayList<>();
        RuntimeException first = null;
        try {
            all.addAll(engine().list());
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            all.addAll(clusterEngine().list());
        } catch (RuntimeException e) {
            first = first == null ? e : first;
        }
        if (all.isEmpty() && first != null) {
            throw first;
        }
        all.sort(java.util.Comparator.comparing(EnvironmentStatus::name));
        return all;
    }

    /**
     * An image that exists on this engine with no registry digest was built here: nodes could not pull it, so
     * it is loaded into them. Everything else the nodes pull, through the mirror.
     */
    private boolean builtLocally(String image) {
        try {
            var inspect = docker().inspectImageCmd(image).exec();
            return inspect.getRepoDigests() == null || inspect.getRepoDigests().isEmpty();
        } catch (com.github.dockerjava.api.exception.NotFoundException absent) {
            return false;
        }
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
