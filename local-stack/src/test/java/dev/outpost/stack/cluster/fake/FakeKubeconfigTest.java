package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fakes' kubeconfigs are real ones: fabric8 loads them, credentials included. */
class FakeKubeconfigTest {
    /**
     * Building the client makes fabric8 parse the CA, certificate and key (a malformed key fails right here). No HTTP
     * call is made: on this module's test classpath fabric8's vert.x client and kubernetes-server-mock bring two netty
     * versions (4.2.18 / 4.2.7) and the first request dies with a NoSuchMethodError, which is not the fakes' concern.
     */
    @Test
    void fabric8LoadsTheKubeconfigAndItsCredentials(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config");
        var entry = new Kubeconfigs.Entry("kind-dev", "kind-dev", "http://127.0.0.1:8080",
                Credentials.generate("kubernetes-admin", "kubeadm:cluster-admins"));
        Kubeconfigs.merge(file, entry, true);

        Config config = Config.fromKubeconfig(Files.readString(file));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(client.getMasterUrl().toString()).isEqualTo("http://127.0.0.1:8080/");
            assertThat(config.getCurrentContext().getName()).isEqualTo("kind-dev");
            assertThat(config.getClientCertData()).isNotBlank();
            assertThat(new String(java.util.Base64.getDecoder().decode(config.getClientKeyData())))
                    .startsWith("-----BEGIN RSA PRIVATE KEY-----");
        }
    }

    @Test
    void mergeKeepsOtherEntriesAndRemoveClearsTheCurrentContext(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config");
        var creds = new Credentials.Pem("Y2E=", "Y2VydA==", "a2V5");
        Kubeconfigs.merge(file, new Kubeconfigs.Entry("other", "other", "https://o:1", creds), true);
        Kubeconfigs.merge(file, new Kubeconfigs.Entry("k3d-dev", "admin@k3d-dev", "https://0.0.0.0:6550", creds),
                true);

        Map<String, Object> doc = Kubeconfigs.read(file);
        assertThat(doc).containsEntry("apiVersion", "v1").containsEntry("kind", "Config")
                .containsEntry("current-context", "k3d-dev");
        assertThat(KindContract.names(doc, "users")).containsExactly("other", "admin@k3d-dev");

        Kubeconfigs.remove(file, "k3d-dev", "admin@k3d-dev");

        Map<String, Object> after = Kubeconfigs.read(file);
        assertThat(after).containsEntry("current-context", "");
        assertThat(KindContract.names(after, "clusters")).containsExactly("other");
        assertThat(KindContract.names(after, "users")).containsExactly("other");
    }
}
