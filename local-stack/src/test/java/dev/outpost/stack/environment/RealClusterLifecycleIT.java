package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.cluster.ClusterListener;
import dev.outpost.stack.cluster.ClusterManager;
import dev.outpost.stack.cluster.ClusterProviders;
import dev.outpost.stack.cluster.OwnedClusters;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.kube.ApiServerReadiness;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.LocalProcessRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle against the REAL kind or k3d: a real cluster, Redis from Docker Hub, real readiness, a real
 * port-forward answering PONG, stop, start, delete. It cannot run on the development machines (no internet,
 * no kind or k3d); the GitHub Actions workflow `real-clusters.yml` runs it with OUTPOST_REAL_KIND or
 * OUTPOST_REAL_K3D set to the tool's path. Without them it is skipped.
 */
class RealClusterLifecycleIT {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"kind", "k3d"})
    void realToolRealClusterRealForward(String tool) throws Exception {
        String executable = System.getenv("OUTPOST_REAL_" + tool.toUpperCase(java.util.Locale.ROOT));
        assumeTrue(executable != null && !executable.isBlank(), "OUTPOST_REAL_" + tool.toUpperCase(java.util.Locale.ROOT) + " not set");
        Runtime runtime = Runtime.fromId(tool);

        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", Path.of(executable).getParent() + ":" + System.getenv("PATH"));
        HostEnvironment host = new HostEnvironment(HostEnvironment.current().os(), env, HostEnvironment.current().home());
        DockerClient docker = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
        MapTokenStore tokens = new MapTokenStore();
        ClusterManager clusters = new ClusterManager(new ClusterProviders(host, new LocalProcessRunner(), () -> docker, Map.of()),
                new OwnedClusters(tmp.resolve("data")), new ApiServerReadiness(), tmp.resolve("kubeconfig"), Clock.systemUTC());
        ClusterEnvironmentEngine engine = new ClusterEnvironmentEngine(clusters, new SecretStore(tokens), image -> false);

        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        Plan web = new Resolver(catalog, ResolveOptions.defaults()).resolve(catalog.profile("web-backend").orElseThrow().profile());
        Plan plan = new Plan("real-" + tool, runtime, List.of(web.service("redis").orElseThrow()),
                Optional.of(new Plan.Cluster("outpost-real-" + tool, null, 0, List.of(), List.of())),
                Optional.empty(), Plan.Idle.DEFAULTS, web.digest());
        try {
            EnvironmentStatus up = engine.up(plan, UpOptions.defaults(), (s, step, d) -> System.out.println(s + " " + step + " " + d));
            assertThat(up.state()).isEqualTo("running");
            assertThat(pong(engine, plan, tokens)).isEqualTo("+PONG");

            assertThat(engine.stop(plan.profile()).state()).isEqualTo("stopped");
            assertThat(engine.up(plan, UpOptions.defaults(), UpListener.NONE).state()).isEqualTo("running");
            assertThat(pong(engine, plan, tokens)).isEqualTo("+PONG");
            assertThat(engine.logs(plan.profile(), "redis", 50)).anyMatch(l -> l.contains("Ready to accept connections"));
        } finally {
            engine.closeAll();
            clusters.delete(runtime, "outpost-real-" + tool, ClusterListener.NONE);
        }
        assertThat(clusters.find(runtime, "outpost-real-" + tool)).isEmpty();
    }

    private static String pong(ClusterEnvironmentEngine engine, Plan plan, MapTokenStore tokens) throws Exception {
        var forward = engine.forwards(plan.profile()).getFirst();
        String password = tokens.get(SecretStore.account(plan.profile(), "redis", "password")).orElseThrow();
        try (Socket s = new Socket(forward.local().getAddress(), forward.local().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("AUTH " + password + "\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("+OK");
            return in.readLine();
        }
    }
}
