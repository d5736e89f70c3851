package dev.outpost.stack.cluster;

import com.github.dockerjava.api.DockerClient;
import dev.outpost.profiles.Runtime;
import dev.outpost.stack.cluster.k3d.K3dProvider;
import dev.outpost.stack.cluster.kind.KindProvider;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.ProcessRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The one place that picks the provider for a runtime and finds its executable on PATH. */
public final class ClusterProviders {
    private final HostEnvironment host;
    private final ProcessRunner runner;
    private final Supplier<DockerClient> docker;
    private final Map<String, String> engineEnvironment;

    /**
     * @param engineEnvironment variables that point the tools at the engine Outpost uses (DOCKER_HOST when it
     *                          came from a docker context, so kind and k3d talk to the same engine)
     */
    public ClusterProviders(HostEnvironment host, ProcessRunner runner, Supplier<DockerClient> docker,
                            Map<String, String> engineEnvironment) {
        this.host = host;
        this.runner = runner;
        this.docker = docker;
        this.engineEnvironment = Map.copyOf(engineEnvironment);
    }

    public ClusterProvider forRuntime(Runtime runtime) {
        return switch (runtime) {
            case KIND -> new KindProvider(invoker("kind", Map.of("NO_COLOR", "1"), KindProvider::stepOf, KindProvider::errorOf),
                    new NodeContainers(docker, KindProvider.CLUSTER_LABEL, KindProvider.ROLE_LABEL));
            case K3D -> new K3dProvider(invoker("k3d", Map.of("LOG_COLORS", "false"), K3dProvider::stepOf, K3dProvider::errorOf));
            case DOCKER -> throw new IllegalArgumentException("the docker runtime has no cluster");
        };
    }

    private ToolInvoker invoker(String tool, Map<String, String> own,
                                java.util.function.Function<String, java.util.Optional<String>> stepOf,
                                java.util.function.Function<java.util.List<String>, java.util.Optional<String>> errorOf) {
        Path executable = host.findExecutable(tool).orElseThrow(() -> new ClusterException(ClusterFailure.TOOL_MISSING,
                tool + " is not installed (not found on PATH)"));
        Map<String, String> env = new LinkedHashMap<>(engineEnvironment);
        env.putAll(own);
        // The tools read these themselves (kind runs `docker`, both find kubeconfigs and config dirs): give them
        // the values Outpost itself went by.
        for (String name : java.util.List.of("PATH", "HOME", "KUBECONFIG", "XDG_CONFIG_HOME")) {
            host.get(name).ifPresent(v -> env.put(name, v));
        }
        return new ToolInvoker(runner, executable, env, stepOf, errorOf);
    }
}
