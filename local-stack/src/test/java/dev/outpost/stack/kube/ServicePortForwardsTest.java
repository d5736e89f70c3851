package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.environment.PortConflictException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.Closeable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mock API server cannot serve port-forward (a websocket to the kubelet), so the forward itself
 * goes through the {@link ServicePortForwards.Forwarder} seam: a fake that binds the real local port.
 * The pod watch that decides when to re-establish runs against the mock for real.
 */
@Timeout(30)
class ServicePortForwardsTest {
    private static final String ENV = "fw";
    private static final String NS = "outpost-fw";

    private FakeApiServer server;
    private KubernetesClient client;
    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    private int hostPort;
    private Plan.Service db;

    /** Binds 127.0.0.1:hostPort like fabric8's LocalPortForward, so reopening before closing would fail. */
    private final ServicePortForwards.Forwarder fake = (ns, pod, containerPort, port) -> {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        calls.add("open " + pod + " " + containerPort + "->" + port);
        return (Closeable) () -> {
            s.close();
            calls.add("close " + pod);
        };
    };

    @BeforeEach
    void start() throws Exception {
        server = new FakeApiServer();
        client = server.client();
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            hostPort = probe.getLocalPort();
        }
        db = new Plan.Service("db", "postgres", "16", "postgres:16",
                List.of(new Plan.Port("sql", 5432, hostPort, "127.0.0.1", ServiceTemplate.Protocol.TCP),
                        new Plan.Port("stats", 8125, hostPort, "127.0.0.1", ServiceTemplate.Protocol.UDP)),
                Map.of(), List.of(), List.of(), List.of(), null, null, Map.of(), List.of(), false, "d");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void forwardsToTheReadyPodAndFollowsItsReplacement() throws Exception {
        client.resource(pod("db-0", true, 0, "2026-01-01T10:00:00Z")).create();
        try (ServicePortForwards forwards = ServicePortForwards.start(client, ENV, List.of(db), fake)) {
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("open db-0 5432->" + hostPort);
            assertThat(forwards.active()).containsExactly(new ServicePortForwards.Forward("db", "sql",
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort), "db-0"));

            client.pods().inNamespace(NS).withName("db-0").delete();
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("close db-0");
            client.resource(pod("db-1", true, 0, "2026-01-01T10:05:00Z")).create();
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("open db-1 5432->" + hostPort);
            assertThat(forwards.active()).extracting(ServicePortForwards.Forward::pod).containsExactly("db-1");
        }
        assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("close db-1");
        assertThat(calls).isEmpty();
    }

    @Test
    void aRestartOfTheForwardedPodReopensOnTheSamePort() throws Exception {
        client.resource(pod("db-0", true, 0, "2026-01-01T10:00:00Z")).create();
        try (ServicePortForwards forwards = ServicePortForwards.start(client, ENV, List.of(db), fake)) {
            assertThat(calls.poll(10, TimeUnit.SECONDS)).startsWith("open db-0");
            client.resource(pod("db-0", true, 1, "2026-01-01T10:00:00Z")).update();
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("close db-0");
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("open db-0 5432->" + hostPort);
            assertThat(forwards.active()).hasSize(1);
        }
    }

    @Test
    void aServiceWithoutAReadyPodIsForwardedOnceOneIsReady() throws Exception {
        client.resource(pod("db-0", false, 0, "2026-01-01T10:00:00Z")).create();
        try (ServicePortForwards forwards = ServicePortForwards.start(client, ENV, List.of(db), fake)) {
            assertThat(forwards.active()).isEmpty();
            client.resource(pod("db-0", true, 0, "2026-01-01T10:00:00Z")).update();
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("open db-0 5432->" + hostPort);
        }
    }

    @Test
    void aTakenHostPortIsNamedBeforeAnythingIsForwarded() throws Exception {
        try (ServerSocket taken = new ServerSocket(hostPort, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ServicePortForwards.start(client, ENV, List.of(db), fake))
                    .isInstanceOfSatisfying(PortConflictException.class, e -> {
                        assertThat(e.conflicts()).singleElement().satisfies(c -> {
                            assertThat(c.service()).isEqualTo("db");
                            assertThat(c.portName()).isEqualTo("sql");
                            assertThat(c.hostPort()).isEqualTo(hostPort);
                        });
                        assertThat(e.getMessage()).contains("127.0.0.1:" + hostPort);
                    });
        }
        assertThat(calls).isEmpty();
    }

    private static Pod pod(String name, boolean ready, int restarts, String created) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(KubeLabels.service(ENV, "db")).withCreationTimestamp(created).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewContainerStatus().withName("db").withReady(ready).withRestartCount(restarts).endContainerStatus()
                .endStatus().build();
    }
}
