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
import java.time.Duration;
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
    private EnvironmentEngine engine;

    public EnvironmentService(HostEnvironment host, Supplier<TokenStore> tokens, String outpostVersion) {
        // No response timeout: pulls, logs and waits are long by nature; each has its own limit.
        this(() -> DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO), tokens,
                outpostVersion, docker -> new PullingImageSource(new ImagePuller(docker),
                        new RegistryCredentials(host, new LocalProcessRunner(), new TokenStoreCredentials(tokens.get()))));
    }

    public EnvironmentService(Supplier<DockerClient> client, Supplier<TokenStore> tokens, String outpostVersion,
                              Function<DockerClient, ImageSource> images) {
        this.client = client;
        this.tokens = tokens;
        this.outpostVersion = outpostVersion;
        this.images = images;
    }

    public synchronized EnvironmentEngine engine() {
        if (engine == null) {
            DockerClient docker = client.get();
            engine = new EnvironmentEngine(docker, new SecretStore(tokens.get()), images.apply(docker), outpostVersion);
        }
        return engine;
    }
}
