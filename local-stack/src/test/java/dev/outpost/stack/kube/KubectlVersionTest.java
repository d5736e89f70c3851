package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubectlVersionTest {

    @Test
    void readsTheCompactForm() {
        KubectlVersion v = KubectlVersion.parse(
                "{\"clientVersion\":{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.1\"},\"kustomizeVersion\":\"v5.6.0\"}");

        assertThat(v).isEqualTo(new KubectlVersion("v1.33.1", "1", "33", Optional.of("v5.6.0")));
    }

    @Test
    void readsTheIndentedFormKubectlPrints() {
        KubectlVersion v = KubectlVersion.parse("""
                {
                  "clientVersion": {
                    "major": "1",
                    "minor": "33",
                    "gitVersion": "v1.33.1",
                    "gitCommit": "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828",
                    "gitTreeState": "clean",
                    "buildDate": "2025-05-15T08:27:33Z",
                    "goVersion": "go1.24.2",
                    "compiler": "gc",
                    "platform": "linux/amd64"
                  },
                  "kustomizeVersion": "v5.6.0"
                }
                """);

        assertThat(v.gitVersion()).isEqualTo("v1.33.1");
        assertThat(v.minor()).isEqualTo("33");
        assertThat(v.kustomizeVersion()).contains("v5.6.0");
    }

    @Test
    void kustomizeIsOptionalAndVendorMinorVersionsAreKept() {
        KubectlVersion v = KubectlVersion.parse(
                "{\"clientVersion\":{\"major\":\"1\",\"minor\":\"30+\",\"gitVersion\":\"v1.30.5-gke.1014001\"}}");

        assertThat(v.minor()).isEqualTo("30+");
        assertThat(v.gitVersion()).isEqualTo("v1.30.5-gke.1014001");
        assertThat(v.kustomizeVersion()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Client Version: v1.33.1", "{}", "[]", "{\"clientVersion\":{}}",
            "{\"clientVersion\":{\"gitVersion\":17}}", "{\"clientVersion\":"})
    void rejectsAnythingElse(String output) {
        assertThatThrownBy(() -> KubectlVersion.parse(output))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("kubectl version --client -o json")
                .hasMessageContaining("clientVersion.gitVersion");
    }
}
