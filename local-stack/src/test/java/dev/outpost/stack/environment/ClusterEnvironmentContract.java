package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.files.PrivateFiles;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.cluster.ClusterException;
import dev.outpost.stack.cluster.ClusterFailure;
import dev.outpost.stack.cluster.ClusterManager;
import dev.outpost.stack.cluster.ClusterProviders;
import dev.outpost.stack.cluster.ClusterState;
import dev.outpost.stack.cluster.ClusterView;
import dev.outpost.stack.cluster.OwnedClusters;
import dev.outpost.stack.cluster.fake.FakeClusterTools;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.kube.ApiServerReadiness;
import dev.outpost.stack.kube.FakeApiServer;
import dev.outpost.stack.kube.KubeLabels;
import dev.outpost.stack.kube.WorkloadsNotReadyException;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.LocalProcessRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole life of a cluster environment, driven through Outpost's engine against the kind or k3d test
 * double (node containers on the real engine) and fabric8's mock API server, where the test plays the
 * controllers that make pods ready.
 */
abstract class ClusterEnvironmentContract {
    static final String ENV = "data-pipeline";

    @TempDir
    Path tmp;

    private FakeApiServer api;
    private KubernetesClient kube;
    private DockerClient docker;
    private HostEnvironment host;
    private ClusterManager clusters;
    private ClusterEnvironmentEngine engine;
    private FakeClusterTools tools;
    private Plan plan;
    private final List<String> steps = new CopyOnWriteArrayList<>();

    abstract Runtime runtime();

    /** The docker label every node of the tool's cluster carries, with the cluster's name as value. */
    abstract String clusterLabel();

    /** A step at which the double fails creation half-way. */
    abstract String failingStep();

    /** A node that every image and registry setting reaches, and the files the tool keeps them in there. */
    abstract String firstNode();

    abstract String loadedImagesFile();

    abstract String mirrorFile();

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeApiServer();
        kube = api.client();
        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        Plan resolved = new Resolver(catalog, ResolveOptions.defaults()).resolve(catalog.profile(ENV).orElseThrow().profile());
        Plan.Cluster c = resolved.cluster().orElseThrow();
        // Ports far from the catalog's defaults, so nothing on this machine holds them.
        plan = new Plan(resolved.profile(), runtime(), resolved.services().stream().map(ClusterEnvironmentContract::freePorts).toList(),
                Optional.of(new Plan.Cluster("outpost-it-" + runtime().id(), c.kubernetesVersion(), c.workers(), c.ports(), List.of())),
                resolved.inference(), resolved.idle(), resolved.digest());
        install(FakeClusterTools.Settings.defaults().withServerUrl(api.url()));
        // A run that was killed can leave nodes behind; the tool would then say the cluster already exists.
        removeNodes();
    }

    private void install(FakeClusterTools.Settings settings) throws Exception {
        tools = FakeClusterTools.install(Files.createDirectories(tmp.resolve("bin")), settings);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", tools.dir() + ":" + System.getenv("PATH"));
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.remove("KUBECONFIG");
        host = new HostEnvironment(HostEnvironment.current().os(), env, tmp.resolve("home"));
        if (docker == null) {
            docker = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
        }
        clusters = new ClusterManager(new ClusterProviders(host, new LocalProcessRunner(), () -> docker, Map.of()),
                new OwnedClusters(tmp.resolve("data")), new ApiServerReadiness(), tmp.resolve("home/.kube/config"),
                Clock.systemUTC()).withApiTimeout(Duration.ofSeconds(8));
        engine = new ClusterEnvironmentEngine(clusters, new SecretStore(new MapTokenStore()), image -> false);
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.closeAll();
        }
        removeNodes();
        docker.listNetworksCmd().exec().stream().filter(n -> n.getName().equals("k3d-" + clusterName()))
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        docker.listVolumesCmd().exec().getVolumes().stream().filter(v -> v.getName().startsWith("k3d-" + clusterName()))
                .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
        kube.close();
        api.close();
    }

    private void removeNodes() {
        for (Container c : nodes()) {
            docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    private String clusterName() {
        return plan.cluster().orElseThrow().name();
    }

    private List<Container> nodes() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(clusterLabel(), clusterName())).exec();
    }

    private UpListener record() {
        return (service, step, detail) -> steps.add(service + ":" + step);
    }

    private static Plan.Service freePorts(Plan.Service s) {
        return new Plan.Service(s.name(), s.template(), s.version(), s.image(), s.ports().stream()
                .map(p -> new Plan.Port(p.name(), p.containerPort(), freePort(), p.hostIp(), p.protocol())).toList(),
                s.env(), s.command(), s.args(), s.volumes(), s.readiness(), s.resources(), s.connection(), s.dependsOn(),
                s.gpu(), s.digest());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void createApplyReadyForwardStopStartRepairDelete() throws Exception {
        try (PlayedControllers controllers = new PlayedControllers(api, kube, Set.of())) {
            EnvironmentStatus up = engine.up(plan, UpOptions.defaults(), record());

            assertThat(up.state()).isEqualTo("running");
            assertThat(up.cluster().state()).isEqualTo("running");
            assertThat(up.cluster().context()).isEqualTo(runtime().id() + "-" + clusterName());
            assertThat(up.services()).extracting(ServiceStatus::name).containsExactlyInAnyOrder("kafka", "minio", "warehouse");
            assertThat(steps).contains("cluster:READY", "kafka:READY", "minio:READY", "warehouse:READY");
            assertThat(nodes()).isNotEmpty().allSatisfy(n -> assertThat(n.getState()).isEqualTo("running"));
            Path kubeconfig = Path.of(up.cluster().kubeconfig());
            assertThat(PrivateFiles.widerThanOwnerOnly(kubeconfig)).isEmpty();
            assertThat(Files.readString(kubeconfig)).contains(runtime().id() + "-" + clusterName());
            assertThat(Files.exists(tmp.resolve("home/.kube/config"))).as("the user's kubeconfig is left alone").isFalse();
            assertThat(kube.namespaces().withName(KubeLabels.namespace(ENV)).get()).isNotNull();
            assertThat(tools.invocations()).anySatisfy(line -> assertThat(line).contains("\"create\"").contains("--config"));

            // Every forward listens on loopback, on the plan's host port.
            assertThat(engine.forwards(ENV)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.local().getAddress().isLoopbackAddress()).isTrue();
                try (Socket s = new Socket(f.local().getAddress(), f.local().getPort())) {
                    assertThat(s.isConnected()).isTrue();
                }
            });

            steps.clear();
            api.clearApplies();
            engine.up(plan, UpOptions.defaults(), record());
            assertThat(steps).contains("kafka:UNCHANGED", "minio:UNCHANGED", "warehouse:UNCHANGED")
                    .doesNotContain("cluster:CREATING");

            EnvironmentStatus stopped = engine.stop(ENV);
            assertThat(stopped.state()).isEqualTo("stopped");
            assertThat(nodes()).allSatisfy(n -> assertThat(n.getState()).isNotEqualTo("running"));
            assertThat(engine.forwards(ENV)).isEmpty();

            assertThat(engine.up(plan, UpOptions.defaults(), record()).state()).isEqualTo("running");
            assertThat(nodes()).allSatisfy(n -> assertThat(n.getState()).isEqualTo("running"));
            engine.closeAll();

            // An engine restart that the nodes did not come back from: the containers are stopped.
            nodes().forEach(n -> docker.killContainerCmd(n.getId()).exec());
            assertThat(clusters.find(runtime(), clusterName()).orElseThrow().repairAction()).isEqualTo("start");
            assertThat(clusters.repair(runtime(), clusterName(), dev.outpost.stack.cluster.ClusterListener.NONE)).isEqualTo("start");
            assertThat(nodes()).allSatisfy(n -> assertThat(n.getState()).isEqualTo("running"));

            // A reboot the cluster did not survive at all: nodes gone, and the API server's state with them.
            nodes().forEach(n -> docker.removeContainerCmd(n.getId()).withForce(true).exec());
            kube.namespaces().withName(KubeLabels.namespace(ENV)).delete();
            kube.apps().statefulSets().inAnyNamespace().delete();
            kube.apps().deployments().inAnyNamespace().delete();
            kube.pods().inAnyNamespace().delete();
            ClusterView lost = clusters.list().stream().filter(v -> v.name().equals(clusterName())).findFirst().orElseThrow();
            assertThat(lost.state()).isEqualTo(ClusterState.MISSING);
            assertThat(lost.repairAction()).isEqualTo("recreate");
            assertThat(engine.status(ENV).cluster().state()).isEqualTo("missing");

            assertThat(clusters.repair(runtime(), clusterName(), dev.outpost.stack.cluster.ClusterListener.NONE)).isEqualTo("recreate");
            assertThat(nodes()).isNotEmpty();
            assertThat(engine.up(plan, UpOptions.defaults(), record()).state()).isEqualTo("running");
            assertThat(kube.apps().statefulSets().inNamespace(KubeLabels.namespace(ENV)).withName("warehouse").get()).isNotNull();
            assertThat(engine.logs(ENV, "warehouse", 10)).isNotNull();

            engine.down(ENV, true);
            assertThat(nodes()).isEmpty();
            assertThat(clusters.owned().all()).isEmpty();
            assertThat(Files.exists(clusters.owned().directory(runtime(), clusterName()))).isFalse();
            assertThat(engine.status(ENV).state()).isEqualTo("absent");
        }
    }

    private String nodeFile(String path) {
        var exec = docker.execCreateCmd(firstNode()).withCmd("cat", path).withAttachStdout(true).withAttachStderr(true).exec();
        StringBuilder out = new StringBuilder();
        try {
            docker.execStartCmd(exec.getId()).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame f) {
                    out.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }).awaitCompletion(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    @Test
    void imagesBuiltHereAreLoadedIntoTheNodesAndPullsGoThroughTheMirror() throws Exception {
        String local = "outpost-test/debian-base:bookworm";
        Plan withLocal = new Plan(plan.profile(), plan.runtime(), plan.services().stream().map(s -> !s.name().equals("minio") ? s
                : new Plan.Service(s.name(), s.template(), s.version(), local, s.ports(), s.env(), s.command(), s.args(),
                s.volumes(), s.readiness(), s.resources(), s.connection(), s.dependsOn(), s.gpu(), s.digest())).toList(),
                plan.cluster(), plan.inference(), plan.idle(), plan.digest());
        engine = new ClusterEnvironmentEngine(clusters, new SecretStore(new MapTokenStore()), local::equals);
        try (PlayedControllers controllers = new PlayedControllers(api, kube, Set.of())) {
            engine.up(withLocal, UpOptions.defaults().withRegistryMirror("mirror.example.com/dockerhub"), record());
        }

        assertThat(nodeFile(loadedImagesFile())).contains(local).doesNotContain("postgres");
        assertThat(nodeFile(mirrorFile())).contains("https://mirror.example.com/dockerhub");
    }

    @Test
    void downWithoutPurgeKeepsClaimsAndStopsTheCluster() throws Exception {
        try (PlayedControllers controllers = new PlayedControllers(api, kube, Set.of())) {
            engine.up(plan, UpOptions.defaults(), record());

            engine.down(ENV, false);

            String ns = KubeLabels.namespace(ENV);
            assertThat(kube.apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
            assertThat(kube.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
            assertThat(kube.persistentVolumeClaims().inNamespace(ns).list().getItems()).isNotEmpty();
            assertThat(nodes()).isNotEmpty().allSatisfy(n -> assertThat(n.getState()).isNotEqualTo("running"));
            assertThat(engine.status(ENV).state()).isEqualTo("stopped");
        }
    }

    @Test
    void aCreationThatFailsHalfWayLeavesNothing() throws Exception {
        install(FakeClusterTools.Settings.defaults().withServerUrl(api.url()).withFailAt(failingStep()));

        assertThatThrownBy(() -> engine.up(plan, UpOptions.defaults(), record()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ClusterFailure.FAILED);
                    assertThat(e.command()).contains("create");
                    assertThat(e.output()).isNotEmpty();
                });
        assertThat(nodes()).isEmpty();
        assertThat(clusters.owned().all()).isEmpty();
        assertThat(steps).contains("cluster:FAILED");
    }

    @Test
    void anApiServerThatNeverAnswersIsNamedAndTheNewClusterRemoved() throws Exception {
        int dead = freePort();
        install(FakeClusterTools.Settings.defaults().withServerUrl("http://127.0.0.1:" + dead));

        assertThatThrownBy(() -> engine.up(plan, UpOptions.defaults(), record()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ClusterFailure.API_SERVER_UNREACHABLE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + dead);
                });
        assertThat(nodes()).isEmpty();
        assertThat(clusters.owned().all()).isEmpty();
    }

    @Test
    void aServiceThatNeverBecomesReadyIsNamedWithItsReasonAndTheNewClusterRemoved() throws Exception {
        try (PlayedControllers controllers = new PlayedControllers(api, kube, Set.of("minio"))) {
            assertThatThrownBy(() -> engine.up(plan, UpOptions.defaults(), record()))
                    .isInstanceOfSatisfying(WorkloadsNotReadyException.class, e -> {
                        assertThat(e.notReady()).extracting(WorkloadsNotReadyException.NotReady::service).containsExactly("minio");
                        assertThat(e.getMessage()).contains("ErrImagePull");
                    });
        }
        assertThat(nodes()).isEmpty();
        assertThat(clusters.owned().all()).isEmpty();
        assertThat(steps).contains("minio:FAILED", "cluster:ROLLING_BACK");
    }

    @Test
    void aTakenHostPortInTheClusterSpecIsReportedAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Plan.Cluster c = plan.cluster().orElseThrow();
            Plan withPort = new Plan(plan.profile(), plan.runtime(), plan.services(), Optional.of(new Plan.Cluster(c.name(),
                    c.kubernetesVersion(), c.workers(), List.of(new dev.outpost.profiles.model.Profile.PortMapping(
                            taken.getLocalPort(), 30080)), List.of())), plan.inference(), plan.idle(), plan.digest());

            assertThatThrownBy(() -> engine.up(withPort, UpOptions.defaults(), record()))
                    .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.failure()).isEqualTo(ClusterFailure.PORT_IN_USE));
        }
        assertThat(nodes()).isEmpty();
    }
}
