package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.environment.EnvironmentException;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Logs go through {@link FakeApiServer}'s log endpoint (the CRUD mock has none); events are plain core/v1 objects. */
@Timeout(30)
class WorkloadLogsAndEventsTest {
    private static final String ENV = "lg";
    private static final String NS = "outpost-lg";

    private FakeApiServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new FakeApiServer();
        client = server.client();
        for (String[] p : new String[][] {{"api-1", "api"}, {"api-ui-1", "api-ui"}}) {
            client.resource(new PodBuilder().withNewMetadata().withName(p[0]).withNamespace(NS)
                    .withLabels(KubeLabels.service(ENV, p[1])).endMetadata()
                    .withNewStatus().withPhase("Running").endStatus().build()).create();
        }
        server.log(NS, "api-1", "one\ntwo\nthree\n");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void tailsTheServicePodLog() {
        assertThat(new WorkloadLogs(client).tail(ENV, "api", 3)).containsExactly("one", "two", "three");
    }

    @Test
    void followsTheLogLineByLine() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (Closeable follow = new WorkloadLogs(client).follow(ENV, "api", 10, lines::add)) {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("one");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("two");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("three");
        }
    }

    @Test
    void aServiceWithoutAPodIsAnError() {
        assertThatThrownBy(() -> new WorkloadLogs(client).tail(ENV, "nope", 5))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("nope").hasMessageContaining(NS);
    }

    @Test
    void eventsOfTheServiceOnlyNewestFirstWithAge() {
        event("e1", "Pod", "api-1", "Normal", "Pulled", "Successfully pulled image", "2026-01-01T10:00:00Z");
        event("e2", "Pod", "api-1", "Warning", "BackOff", "Back-off restarting failed container", "2026-01-01T10:05:00Z");
        event("e3", "Deployment", "api", "Normal", "ScalingReplicaSet", "Scaled up", "2026-01-01T09:59:00Z");
        event("e4", "Pod", "api-ui-1", "Warning", "BackOff", "not ours", "2026-01-01T10:06:00Z");
        Clock at = Clock.fixed(Instant.parse("2026-01-01T10:10:00Z"), ZoneOffset.UTC);

        List<ClusterEvents.ServiceEvent> events = new ClusterEvents(client, at).forService(ENV, "api");

        assertThat(events).extracting(ClusterEvents.ServiceEvent::reason)
                .containsExactly("BackOff", "Pulled", "ScalingReplicaSet");
        assertThat(events.getFirst().type()).isEqualTo("Warning");
        assertThat(events.getFirst().object()).isEqualTo("Pod/api-1");
        assertThat(events.getFirst().age()).isEqualTo(Duration.ofMinutes(5));
        assertThat(new ClusterEvents(client, at).warningsFor(NS, "api-1")).extracting(ClusterEvents.ServiceEvent::message)
                .containsExactly("Back-off restarting failed container");
    }

    private void event(String name, String kind, String object, String type, String reason, String message, String at) {
        client.v1().events().inNamespace(NS).resource(new EventBuilder().withNewMetadata().withName(name).endMetadata()
                .withType(type).withReason(reason).withMessage(message).withLastTimestamp(at)
                .withNewInvolvedObject().withKind(kind).withName(object).withNamespace(NS).endInvolvedObject()
                .build()).create();
    }
}
