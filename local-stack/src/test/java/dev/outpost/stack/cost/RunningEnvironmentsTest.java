package dev.outpost.stack.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.cluster.NodeInfo;
import dev.outpost.stack.environment.ClusterStatus;
import dev.outpost.stack.environment.EnvironmentStatus;
import dev.outpost.stack.environment.ServiceStatus;
import dev.outpost.stack.settings.IdleSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunningEnvironmentsTest {
    private static final Catalog CATALOG = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();

    private static Plan plan(String profile) {
        return new Resolver(CATALOG, ResolveOptions.defaults()).resolve(CATALOG.profile(profile).orElseThrow().profile());
    }

    private static ServiceStatus service(String name, String state) {
        return new ServiceStatus(name, "id-" + name, "image", state, List.of(), "sha256:x");
    }

    @Test
    void runningContainersAreMeteredWithTheirProfilesRequestsAndPolicy() {
        List<EnvironmentStatus> envs = List.of(
                new EnvironmentStatus("web-backend", "d1", List.of(service("postgres", "running"), service("redis", "exited"))),
                new EnvironmentStatus("rag-prototype", "d2", List.of(service("qdrant", "exited"))));
        AtomicInteger resolutions = new AtomicInteger();
        Map<String, Plan> plans = Map.of("web-backend", plan("web-backend"), "rag-prototype", plan("rag-prototype"));
        RunningEnvironments running = new RunningEnvironments(() -> envs, name -> {
            resolutions.incrementAndGet();
            return Optional.ofNullable(plans.get(name));
        }, () -> IdleSettings.DEFAULTS);

        List<MeteredEnvironment> metered = running.get();
        running.get();

        assertThat(metered).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("web-backend");
            assertThat(m.containers()).containsExactly("id-postgres");
            assertThat(m.clientFacing()).containsExactly("id-postgres");
            assertThat(m.cpuCountsAsUse()).isTrue();
            assertThat(m.templates()).contains("postgres", "redis");
            assertThat(m.policy().stopAfter()).contains(Duration.ofHours(2));
            double requested = plans.get("web-backend").services().stream().mapToDouble(RunningEnvironments::cpuRequest).sum();
            assertThat(m.requestedCpus()).isEqualTo(requested).isGreaterThan(0);
        });
        assertThat(resolutions).as("a profile is resolved once per digest").hasValue(2);
    }

    @Test
    void aClusterIsMeteredThroughItsNodesAndIdleByItsForwardedPorts() {
        ClusterStatus cluster = new ClusterStatus("k3d", "outpost-data-pipeline", "running", "k3d-outpost-data-pipeline",
                "", List.of(new NodeInfo("k3d-outpost-data-pipeline-server-0", "server", true),
                new NodeInfo("k3d-outpost-data-pipeline-serverlb", "loadbalancer", false)), "/k");
        Plan pipeline = plan("data-pipeline");
        RunningEnvironments running = new RunningEnvironments(
                () -> List.of(new EnvironmentStatus("data-pipeline", "d", List.of(), cluster)),
                name -> Optional.of(pipeline), () -> IdleSettings.DEFAULTS);

        MeteredEnvironment m = running.get().getFirst();
        assertThat(m.containers()).containsExactly("k3d-outpost-data-pipeline-server-0");
        assertThat(m.clientFacing()).isEmpty();
        assertThat(m.cpuCountsAsUse()).isFalse();
        assertThat(m.hostPorts()).containsExactlyElementsOf(pipeline.services().stream()
                .flatMap(s -> s.ports().stream()).map(Plan.Port::hostPort).toList());
    }

    @Test
    void theLongestModelTimesAmongEnvironmentsUsingModelsWin() {
        List<EnvironmentStatus> envs = new ArrayList<>(List.of(
                new EnvironmentStatus("rag-prototype", "d", List.of(service("qdrant", "running"))),
                new EnvironmentStatus("web-backend", "d", List.of(service("postgres", "running")))));
        RunningEnvironments running = new RunningEnvironments(() -> envs, name -> Optional.of(plan(name)),
                () -> IdleSettings.DEFAULTS.withReleaseRemoteAfter("1h").withModelKeepAlive("2h"));
        running.get();
        // rag-prototype says 15m and 10m; web-backend uses no models, so the settings' longer values do not count.
        assertThat(running.releaseRemoteAfter()).contains(Duration.ofMinutes(15));
        assertThat(running.modelKeepAlive()).contains(Duration.ofMinutes(10));

        envs.removeFirst();
        running.get();
        assertThat(running.releaseRemoteAfter()).isEmpty();
    }

    @Test
    void cpuRequestsReadKubernetesNotation() {
        Plan.Service pg = plan("web-backend").service("postgres").orElseThrow();
        assertThat(RunningEnvironments.cpuRequest(pg)).isEqualTo(0.25);
    }
}
