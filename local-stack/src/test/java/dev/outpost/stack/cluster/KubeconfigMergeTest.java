package dev.outpost.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigMergeTest {
    @TempDir
    Path dir;

    private static String config(String name, String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster: {server: "%2$s"}
                users:
                - name: %1$s
                  user: {token: t}
                contexts:
                - name: %1$s
                  context: {cluster: %1$s, user: %1$s}
                current-context: %1$s
                """.formatted(name, server);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path p) throws Exception {
        return ConfigYaml.mapper().readValue(Files.readString(p), Map.class);
    }

    @Test
    void mergeKeepsTheUsersOtherEntriesReplacesSameNamesAndStaysOwnerOnly() throws Exception {
        Path user = dir.resolve("config");
        Files.writeString(user, config("gke-prod", "https://10.0.0.1"));
        Path cluster = dir.resolve("kind-dev.yaml");
        Files.writeString(cluster, config("kind-dev", "https://127.0.0.1:40001"));
        KubeconfigMerge.merge(cluster, user, false);
        Files.writeString(cluster, config("kind-dev", "https://127.0.0.1:40002"));

        List<String> merged = KubeconfigMerge.merge(cluster, user, true);

        assertThat(merged).containsExactly("kind-dev");
        Map<String, Object> result = read(user);
        assertThat((List<Map<String, Object>>) result.get("contexts")).extracting(c -> c.get("name"))
                .containsExactly("gke-prod", "kind-dev");
        assertThat((List<Map<String, Object>>) result.get("clusters")).extracting(c -> (Object) ((Map<?, ?>) c.get("cluster")).get("server"))
                .containsExactly("https://10.0.0.1", "https://127.0.0.1:40002");
        assertThat(result.get("current-context")).isEqualTo("kind-dev");
        assertThat(PrivateFiles.widerThanOwnerOnly(user)).isEmpty();
    }

    @Test
    void removeTakesOutTheContextItsClusterAndUserOnly() throws Exception {
        Path user = dir.resolve("config");
        Files.writeString(user, config("gke-prod", "https://10.0.0.1"));
        Path cluster = dir.resolve("k3d.yaml");
        Files.writeString(cluster, config("k3d-data", "https://127.0.0.1:6550"));
        KubeconfigMerge.merge(cluster, user, true);

        assertThat(KubeconfigMerge.remove(user, "k3d-data")).isTrue();
        assertThat(KubeconfigMerge.remove(user, "k3d-data")).isFalse();

        Map<String, Object> result = read(user);
        assertThat((List<Map<String, Object>>) result.get("contexts")).extracting(c -> c.get("name")).containsExactly("gke-prod");
        assertThat((List<Map<String, Object>>) result.get("users")).extracting(c -> c.get("name")).containsExactly("gke-prod");
        assertThat(result.get("current-context")).isEqualTo("");
    }

    @Test
    void theTargetIsTheFirstKubeconfigEntryElseTheHomeFile() {
        var host = new dev.outpost.stack.platform.HostEnvironment(dev.outpost.stack.platform.OperatingSystem.LINUX,
                Map.of("KUBECONFIG", "/a/one:/b/two"), Path.of("/home/u"));
        assertThat(KubeconfigMerge.defaultTarget(host)).isEqualTo(Path.of("/a/one"));
        var bare = new dev.outpost.stack.platform.HostEnvironment(dev.outpost.stack.platform.OperatingSystem.LINUX,
                Map.of(), Path.of("/home/u"));
        assertThat(KubeconfigMerge.defaultTarget(bare)).isEqualTo(Path.of("/home/u/.kube/config"));
    }
}
