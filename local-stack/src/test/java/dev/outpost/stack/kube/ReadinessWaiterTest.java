package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.environment.SecretStore;
import dev.outpost.stack.environment.UpListener;
import dev.outpost.stack.environment.UpListener.Step;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The waiter against the CRUD mock: the test plays the cluster's controllers by writing status and pods. */
@Timeout(30)
class ReadinessWaiterTest {
    private static final String ENV = TestPlans.ENV;
    private static final String NS = "outpost-" + ENV;

    record Report(String service, Step step, String detail) {
    }

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final UpListener listener = (s, step, d) -> reports.add(new Report(s, step, d));
    private FakeApiServer server;
    private KubernetesClient client;
    private Plan plan;

    @BeforeEach
    void start() {
        server = new FakeApiServer();
        client = server.client();
        plan = TestPlans.dataPipeline();
        new ManifestApplier(client).apply(new ManifestRenderer().render(plan, new SecretStore(new MapTokenStore())));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void reportsReadyWhenTheWorkloadHasItsReadyReplicas() throws Exception {
        List<Plan.Service> warehouse = List.of(plan.service("warehouse").orElseThrow());
        CompletableFuture<Void> waiting = waitAsync(warehouse, Duration.ofSeconds(20));

        assertThat(next("warehouse").step()).isEqualTo(Step.WAITING);
        assertThat(waiting).isNotDone();
        StatefulSet st = client.apps().statefulSets().inNamespace(NS).withName("warehouse").get();
        st.setStatus(new StatefulSetStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
        client.resource(st).updateStatus();

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(reports).extracting(Report::step).contains(Step.READY);
    }

    @Test
    void aReadyPodIsEnoughEvenBeforeTheWorkloadStatusCatchesUp() throws Exception {
        List<Plan.Service> minio = List.of(plan.service("minio").orElseThrow());
        CompletableFuture<Void> waiting = waitAsync(minio, Duration.ofSeconds(20));
        assertThat(next("minio").step()).isEqualTo(Step.WAITING);

        client.resource(pod("minio", "minio-0", new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition().build())).create();

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(next("minio").step()).isEqualTo(Step.READY);
    }

    @Test
    void timeoutNamesEachServiceWithThePodsReason() {
        client.resource(pod("warehouse", "warehouse-0", waiting("ImagePullBackOff",
                "Back-off pulling image \"docker.io/library/postgres:99\"", 0))).create();
        client.resource(pod("minio", "minio-0", new PodStatusBuilder().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/1 nodes are available: 1 Insufficient memory.").endCondition().build())).create();
        client.v1().events().inNamespace(NS).resource(new EventBuilder().withNewMetadata().withName("minio-0.1")
                .endMetadata().withType("Warning").withReason("FailedScheduling")
                .withMessage("0/1 nodes are available: 1 Insufficient memory.")
                .withLastTimestamp("2026-01-01T10:00:00Z")
                .withNewInvolvedObject().withKind("Pod").withName("minio-0").withNamespace(NS).endInvolvedObject()
                .build()).create();
        List<Plan.Service> both = List.of(plan.service("warehouse").orElseThrow(), plan.service("minio").orElseThrow());

        assertThatThrownBy(() -> new ReadinessWaiter(client).await(ENV, both, Duration.ofSeconds(2), listener))
                .isInstanceOfSatisfying(WorkloadsNotReadyException.class, e -> {
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.notReady()).extracting(WorkloadsNotReadyException.NotReady::service)
                            .containsExactly("warehouse", "minio");
                    assertThat(e.getMessage())
                            .contains("warehouse: ImagePullBackOff: image docker.io/library/postgres:16")
                            .contains("minio: Pending, not scheduled (Unschedulable): 0/1 nodes are available: 1 Insufficient memory.")
                            .contains("event FailedScheduling");
                });
        assertThat(reports).filteredOn(r -> r.step() == Step.FAILED).extracting(Report::service)
                .containsExactlyInAnyOrder("warehouse", "minio");
    }

    @Test
    void anImageThatCannotBePulledFailsLongBeforeTheDeadline() {
        client.resource(pod("warehouse", "warehouse-0", waiting("ErrImagePull", "manifest unknown", 0))).create();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new ReadinessWaiter(client).await(ENV, List.of(plan.service("warehouse").orElseThrow()),
                Duration.ofMinutes(5), listener))
                .isInstanceOfSatisfying(WorkloadsNotReadyException.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.getMessage()).contains("ErrImagePull").contains("manifest unknown");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aCrashLoopFailsWithTheRestartCountAndTheLastLogLines() {
        client.resource(pod("warehouse", "warehouse-0", waiting("CrashLoopBackOff", "back-off 40s restarting", 4))).create();
        server.log(NS, "warehouse-0", "starting\nFATAL:  data directory has invalid permissions\n");
        assertThatThrownBy(() -> new ReadinessWaiter(client).await(ENV, List.of(plan.service("warehouse").orElseThrow()),
                Duration.ofMinutes(5), listener))
                .isInstanceOfSatisfying(WorkloadsNotReadyException.class, e -> {
                    assertThat(e.getMessage()).contains("CrashLoopBackOff: container warehouse restarted 4 times");
                    assertThat(e.notReady().getFirst().logTail()).contains("FATAL:  data directory has invalid permissions");
                    assertThat(e.logTail()).contains("FATAL:  data directory has invalid permissions");
                });
    }

    @Test
    void logReadinessWaitsForTheLineInTheRunningPodsLog() throws Exception {
        Plan.Service kafka = plan.service("kafka").orElseThrow();
        assertThat(kafka.readiness().log()).isNotNull();
        server.log(NS, "kafka-0", "booting\n[KafkaServer id=1] Kafka Server started (kafka.server.KafkaRaftServer)\n");
        CompletableFuture<Void> waiting = waitAsync(List.of(kafka), Duration.ofSeconds(20));
        assertThat(next("kafka").step()).isEqualTo(Step.WAITING);

        client.resource(pod("kafka", "kafka-0", new PodStatusBuilder().withPhase("Running").build())).create();
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(reports).extracting(Report::step).contains(Step.READY);
    }

    @Test
    void aLogWithoutTheLineIsNotReady() {
        Plan.Service kafka = TestPlans.withReadiness(plan.service("kafka").orElseThrow(),
                new ServiceTemplate.Readiness(null, null, null, new ServiceTemplate.LogCheck("Kafka Server started"), "1s"));
        server.log(NS, "kafka-0", "booting\nstill booting\n");
        client.resource(pod("kafka", "kafka-0", new PodStatusBuilder().withPhase("Running").build())).create();
        assertThatThrownBy(() -> new ReadinessWaiter(client).await(ENV, List.of(kafka), Duration.ofSeconds(2), listener))
                .isInstanceOf(WorkloadsNotReadyException.class).hasMessageContaining("kafka");
    }

    @Test
    void interruptStopsTheWaitPromptly() throws Exception {
        Thread[] worker = new Thread[1];
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        worker[0] = Thread.ofVirtual().start(() -> {
            try {
                new ReadinessWaiter(client).await(ENV, List.of(plan.service("warehouse").orElseThrow()),
                        Duration.ofMinutes(5), listener);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        assertThat(next("warehouse").step()).isEqualTo(Step.WAITING);
        long start = System.nanoTime();
        worker[0].interrupt();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(reports).extracting(Report::step).doesNotContain(Step.FAILED);
    }

    @Test
    void theDeadlineIsTheLongestReadinessTimeout() {
        assertThat(ReadinessWaiter.timeoutOf(plan.services())).isEqualTo(Duration.ofSeconds(90)); // kafka's
        assertThat(ReadinessWaiter.timeoutOf(List.of())).isEqualTo(ReadinessWaiter.DEFAULT_TIMEOUT);
    }

    private CompletableFuture<Void> waitAsync(List<Plan.Service> services, Duration timeout) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                new ReadinessWaiter(client).await(ENV, services, timeout, listener);
                f.complete(null);
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private Report next(String service) throws InterruptedException {
        while (true) {
            Report r = reports.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("a report for " + service).isNotNull();
            if (r.service().equals(service)) {
                return r;
            }
        }
    }

    private static Pod pod(String service, String name, PodStatus status) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(KubeLabels.service(ENV, service)).withCreationTimestamp("2026-01-01T09:00:00Z").endMetadata()
                .withNewSpec().addNewContainer().withName(service).withImage("docker.io/library/postgres:16").endContainer()
                .endSpec().withStatus(status).build();
    }

    private static PodStatus waiting(String reason, String message, int restarts) {
        return new PodStatusBuilder().withPhase(restarts > 0 ? "Running" : "Pending")
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addToContainerStatuses(new ContainerStatusBuilder().withName("warehouse")
                        .withImage("docker.io/library/postgres:16").withReady(false).withRestartCount(restarts)
                        .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                        .build())
                .build();
    }

}
