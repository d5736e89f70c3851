package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import dev.outpost.stack.testing.Hosts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fake tools print the reference outputs and accept only the exact version command. */
@DisabledOnOs(OS.WINDOWS)
class ToolCheckTest {
    @TempDir
    Path bin;

    private final LocalProcessRunner runner = new LocalProcessRunner();

    private HostEnvironment linux() {
        return Hosts.withPath(OperatingSystem.LINUX, bin);
    }

    @Test
    void kindFound() throws Exception {
        Path kind = FakeTool.named("kind").expectArgs("version").stdout("kind v0.32.0 go1.24.2 linux/amd64").writeTo(bin);

        Check c = ToolCheck.kind(linux(), runner).run();

        assertThat(c.id()).isEqualTo("kind");
        assertThat(c.title()).isEqualTo("kind");
        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("kind 0.32.0");
        assertThat(c.facts()).containsExactly(entry("version", "0.32.0"), entry("go", "go1.24.2"),
                entry("platform", "linux/amd64"), entry("path", kind.toString()));
        assertThat(c.fixHint()).isEmpty();
    }

    @Test
    void k3dFound() throws Exception {
        FakeTool.named("k3d").expectArgs("version").stdout("k3d version v5.9.0", "k3s version v1.33.1-k3s1 (default)")
                .writeTo(bin);

        Check c = ToolCheck.k3d(linux(), runner).run();

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("k3d v5.9.0");
        assertThat(c.facts()).containsEntry("version", "v5.9.0").containsEntry("default k3s", "v1.33.1-k3s1");
    }

    @Test
    void kubectlFound() throws Exception {
        FakeTool.named("kubectl").expectArgs("version", "--client", "-o", "json")
                .stdout("{\"clientVersion\":{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.1\"},\"kustomizeVersion\":\"v5.6.0\"}")
                .writeTo(bin);

        Check c = ToolCheck.kubectl(linux(), runner).run();

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("kubectl v1.33.1");
        assertThat(c.facts()).containsEntry("kustomize", "v5.6.0");
    }

    @Test
    void ollamaCliFoundWithoutAServer() throws Exception {
        FakeTool.named("ollama").expectArgs("--version")
                .stdout("Warning: could not connect to a running Ollama instance", "Warning: client version is 0.32.15")
                .writeTo(bin);

        Check c = ToolCheck.ollamaCli(linux(), runner).run();

        assertThat(c.id()).isEqualTo("ollama-cli");
        assertThat(c.title()).isEqualTo("Ollama CLI");
        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("Ollama CLI 0.32.15");
        assertThat(c.facts()).containsEntry("server", "not running");
    }

    @Test
    void ollamaCliFoundWithAServer() throws Exception {
        FakeTool.named("ollama").expectArgs("--version")
                .stdout("ollama version is 0.32.15", "Warning: client version is 0.32.14").writeTo(bin);

        Check c = ToolCheck.ollamaCli(linux(), runner).run();

        assertThat(c.facts()).containsEntry("version", "0.32.14").containsEntry("server", "0.32.15");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "kind       | LINUX   | https://kind.sigs.k8s.io/docs/user/quick-start/#installation",
            "kind       | MACOS   | brew install kind",
            "kind       | WINDOWS | winget install Kubernetes.kind",
            "k3d        | LINUX   | https://k3d.io/#installation",
            "k3d        | MACOS   | brew install k3d",
            "k3d        | WINDOWS | choco install k3d",
            "kubectl    | LINUX   | https://kubernetes.io/docs/tasks/tools/",
            "kubectl    | MACOS   | brew install kubectl",
            "kubectl    | WINDOWS | winget install -e --id Kubernetes.kubectl",
            "ollama-cli | LINUX   | https://ollama.com/download",
            "ollama-cli | MACOS   | https://ollama.com/download",
            "ollama-cli | WINDOWS | https://ollama.com/download",
    })
    void aMissingToolGetsAnInstallHintForItsOs(String id, OperatingSystem os, String hint) throws Exception {
        // The directory holds the other tools but not this one: a PATH lookup, not a directory listing, decides.
        FakeTool.named("unrelated").writeTo(bin);
        HostEnvironment host = Hosts.withPath(os, bin);
        ToolCheck check = switch (id) {
            case "kind" -> ToolCheck.kind(host, runner);
            case "k3d" -> ToolCheck.k3d(host, runner);
            case "kubectl" -> ToolCheck.kubectl(host, runner);
            default -> ToolCheck.ollamaCli(host, runner);
        };

        Check c = check.run();

        assertThat(c.id()).isEqualTo(id);
        assertThat(c.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(c.summary()).contains("not installed").contains("PATH");
        assertThat(c.fix()).contains(hint);
    }

    @Test
    void aToolThatFailsIsFailedWithItsErrorOutput() throws Exception {
        FakeTool.named("kind").expectArgs("version").exitCode(1)
                .stderr("ERROR: failed to get version: permission denied").writeTo(bin);

        Check c = ToolCheck.kind(linux(), runner).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).isEqualTo("`kind version` failed with exit code 1");
        assertThat(c.facts()).containsEntry("output", "ERROR: failed to get version: permission denied");
        assertThat(c.fix()).contains("kind version").contains("kind.sigs.k8s.io");
    }

    @Test
    void theErrorOutputIsShortened() throws Exception {
        String[] noise = new String[50];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = "line " + i + " " + "x".repeat(40);
        }
        FakeTool.named("k3d").expectArgs("version").exitCode(1).stderr(noise).writeTo(bin);

        Check c = ToolCheck.k3d(linux(), runner).run();

        assertThat(c.facts().get("output")).hasSizeLessThanOrEqualTo(301).contains("line 49").doesNotContain("line 0 ");
    }

    @Test
    void outputItCannotReadIsFailed() throws Exception {
        FakeTool.named("kubectl").expectArgs("version", "--client", "-o", "json")
                .stdout("Client Version: v1.33.1", "Kustomize Version: v5.6.0").writeTo(bin);

        Check c = ToolCheck.kubectl(linux(), runner).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("cannot read");
        assertThat(c.facts()).containsEntry("output", "Client Version: v1.33.1 | Kustomize Version: v5.6.0");
    }

    @Test
    void aHangingToolTimesOut() throws Exception {
        FakeTool.named("ollama").expectArgs("--version").body("exec sleep 30").writeTo(bin);

        Check c = new ToolCheck(ToolSpec.ollamaCli(), linux(), runner, Duration.ofMillis(300)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("did not answer");
    }
}
