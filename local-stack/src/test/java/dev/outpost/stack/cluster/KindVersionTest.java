package dev.outpost.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.process.UnexpectedOutputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KindVersionTest {

    @Test
    void readsAReleaseBuild() {
        KindVersion v = KindVersion.parse("kind v0.32.0 go1.24.2 linux/amd64\n");

        assertThat(v).isEqualTo(new KindVersion("0.32.0", "go1.24.2", "linux", "amd64"));
        assertThat(v.platform()).isEqualTo("linux/amd64");
        assertThat(v.prerelease()).isFalse();
    }

    @Test
    void readsTheReferenceFormatWhateverTheGoVersion() {
        // kind.md §2.8, verbatim: the Go version is a placeholder there.
        KindVersion v = KindVersion.parse("kind v0.32.0 go1.XX.Y linux/amd64");

        assertThat(v.version()).isEqualTo("0.32.0");
        assertThat(v.goVersion()).isEqualTo("go1.XX.Y");
    }

    @Test
    void readsDevBuildsWithAndWithoutBuildMetadata() {
        KindVersion meta = KindVersion.parse("kind v0.33.0-alpha.12+abcdef01234567 go1.24.2 darwin/arm64");
        KindVersion plain = KindVersion.parse("kind v0.33.0-alpha go1.24.2 windows/amd64");

        assertThat(meta.version()).isEqualTo("0.33.0-alpha.12+abcdef01234567");
        assertThat(meta.os()).isEqualTo("darwin");
        assertThat(meta.arch()).isEqualTo("arm64");
        assertThat(meta.prerelease()).isTrue();
        assertThat(plain.version()).isEqualTo("0.33.0-alpha");
        assertThat(plain.platform()).isEqualTo("windows/amd64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "0.32.0", "kind version 0.32.0", "kind v0.32.0", "kind v0.32.0 go1.24.2 linux",
            "ERROR: unknown command \"version\" for \"kind\""})
    void rejectsAnythingElse(String output) {
        assertThatThrownBy(() -> KindVersion.parse(output))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("kind version")
                .hasMessageContaining("kind v<version>");
    }

    @Test
    void nullIsRejectedToo() {
        assertThatThrownBy(() -> KindVersion.parse(null)).isInstanceOf(UnexpectedOutputException.class);
    }
}
