package dev.outpost.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class K3dVersionTest {

    @Test
    void readsTheReferenceOutput() {
        // k3d.md §3.8, verbatim.
        K3dVersion v = K3dVersion.parse("""
                k3d version v5.9.0
                k3s version v1.33.1-k3s1 (default)
                """);

        assertThat(v).isEqualTo(new K3dVersion("v5.9.0", Optional.of("v1.33.1-k3s1")));
        assertThat(v.devBuild()).isFalse();
    }

    @Test
    void readsADevBuildAlone() {
        K3dVersion v = K3dVersion.parse("k3d version v5-dev\n");

        assertThat(v.version()).isEqualTo("v5-dev");
        assertThat(v.defaultK3sVersion()).isEmpty();
        assertThat(v.devBuild()).isTrue();
    }

    @Test
    void readsADevBuildWithItsK3sLine() {
        K3dVersion v = K3dVersion.parse("k3d version v5-dev\nk3s version latest (default)\n");

        assertThat(v.version()).isEqualTo("v5-dev");
        assertThat(v.defaultK3sVersion()).contains("latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v5.9.0", "k3d v5.9.0", "k3s version v1.33.1-k3s1 (default)",
            "k3d version v5.9.0\nsomething else", "k3d version\nk3s version v1.33.1-k3s1 (default)"})
    void rejectsAnythingElse(String output) {
        assertThatThrownBy(() -> K3dVersion.parse(output))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("k3d version");
    }
}
