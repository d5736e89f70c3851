package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class KubeClientsTest {
    @TempDir
    Path dir;

    @Test
    void aKubeconfigFileReachesItsServerThroughTheNamedContext() throws Exception {
        try (FakeApiServer server = new FakeApiServer()) {
            Path kubeconfig = kubeconfig("http://127.0.0.1:1", server.url());
            try (KubernetesClient client = KubeClients.fromKubeconfig(kubeconfig, "outpost-test")) {
                assertThat(client.getConfiguration().getMasterUrl()).startsWith(server.url());
                KubeClients.waitForApiServer(client, Duration.ofSeconds(10));
                client.resource(new ConfigMapBuilder().withNewMetadata().withName("x").withNamespace("n").endMetadata()
                        .build()).create();
                assertThat(client.configMaps().inNamespace("n").withName("x").get()).isNotNull();
            }
        }
    }

    @Test
    void aServerThatNeverAnswersGivesTheTypedErrorWithItsUrlWithinTheDeadline() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        String url = "https://127.0.0.1:" + dead;
        Path kubeconfig = kubeconfig(url, "http://127.0.0.1:1");
        try (KubernetesClient client = KubeClients.fromKubeconfig(kubeconfig, null)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> KubeClients.waitForApiServer(client, Duration.ofSeconds(2)))
                    .isInstanceOfSatisfying(ApiServerUnreachableException.class, e -> {
                        assertThat(e.serverUrl()).isEqualTo(url);
                        assertThat(e.getMessage()).contains(url).contains("2s").doesNotContain("s3cr3t");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    /** Two contexts: the file's current one points at {@code current}, "outpost-test" at {@code named}. */
    private Path kubeconfig(String current, String named) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig-" + System.nanoTime()), """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                - name: other
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                - name: outpost-test
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: other
                  context: {cluster: other, user: u}
                - name: outpost-test
                  context: {cluster: outpost-test, user: u}
                users:
                - name: u
                  user: {token: s3cr3t}
                """.formatted(current, named));
    }
}
