package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.environment.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraManifestsTest {
    @TempDir
    Path dir;

    @Test
    void loadsEveryDocumentAndPlacesNamespacedOnesInTheEnvironment() throws Exception {
        Path f = Files.writeString(dir.resolve("extra.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  labels: {team: data}
                data: {a: "1"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: elsewhere
                  namespace: shared
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: reader
                ---
                """);
        List<HasMetadata> objects = ExtraManifests.load("dev", List.of(f));

        assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("ConfigMap/settings", "ConfigMap/elsewhere", "ClusterRole/reader");
        assertThat(objects.get(0)).isInstanceOf(ConfigMap.class);
        assertThat(objects.get(0).getMetadata().getNamespace()).isEqualTo("outpost-dev");
        assertThat(objects.get(1).getMetadata().getNamespace()).isEqualTo("shared");
        assertThat(((ClusterRole) objects.get(2)).getMetadata().getNamespace()).isNull();
        assertThat(objects.get(0).getMetadata().getLabels()).containsEntry("team", "data")
                .containsEntry(Labels.ENVIRONMENT, "dev").containsEntry("app.kubernetes.io/managed-by", "outpost");
    }

    @Test
    void aFileThatIsNotKubernetesYamlIsNamedInTheError() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: [unclosed\n  - : :\n");
        assertThatThrownBy(() -> ExtraManifests.load("dev", List.of(broken)))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(broken.toString())
                .satisfies(e -> assertThat(((ManifestException) e).file()).isEqualTo(broken));
    }

    @Test
    void aDocumentWithoutANameIsRefused() throws Exception {
        Path nameless = Files.writeString(dir.resolve("nameless.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                """);
        assertThatThrownBy(() -> ExtraManifests.load("dev", List.of(nameless)))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("nameless.yaml").hasMessageContaining("metadata.name");
    }
}
