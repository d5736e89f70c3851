package dev.outpost.stack.doctor;

import dev.outpost.stack.cluster.K3dVersion;
import dev.outpost.stack.cluster.KindVersion;
import dev.outpost.stack.inference.OllamaCliVersion;
import dev.outpost.stack.kube.KubectlVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to check one command-line tool: where to find it, how to ask its version, how to read the
 * answer, and how to install it on each OS.
 *
 * @param id          the check's id
 * @param title       the check's title
 * @param executable  the program name looked up on PATH
 * @param versionArgs arguments that make it print its version
 * @param reader      turns the version output into facts, {@code version} first
 * @param install     the install advice for each OS
 */
public record ToolSpec(String id, String title, String executable, List<String> versionArgs,
                       VersionReader reader, PerOs install) {

    public static final String VERSION = "version";

    /**
     * Reads a tool's version output into ordered facts whose first entry is {@link #VERSION}.
     * Throws {@link dev.outpost.stack.process.UnexpectedOutputException} when it cannot.
     */
    @FunctionalInterface
    public interface VersionReader {
        Map<String, String> read(String stdout);
    }

    public ToolSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(executable, "executable");
        versionArgs = List.copyOf(versionArgs);
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(install, "install");
    }

    /** The version command as a user would type it, for messages. */
    public String versionCommand() {
        return String.join(" ", executable, String.join(" ", versionArgs)).strip();
    }

    public static ToolSpec kind() {
        return new ToolSpec("kind", "kind", "kind", List.of("version"), out -> {
            KindVersion v = KindVersion.parse(out);
            return facts(VERSION, v.version(), "go", v.goVersion(), "platform", v.platform());
        }, new PerOs(
                "Install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation",
                "Install kind with `brew install kind` (or see https://kind.sigs.k8s.io/docs/user/quick-start/#installation)",
                "Install kind with `winget install Kubernetes.kind` (or see https://kind.sigs.k8s.io/docs/user/quick-start/#installation)"));
    }

    public static ToolSpec k3d() {
        return new ToolSpec("k3d", "k3d", "k3d", List.of("version"), out -> {
            K3dVersion v = K3dVersion.parse(out);
            Map<String, String> f = facts(VERSION, v.version());
            v.defaultK3sVersion().ifPresent(k3s -> f.put("default k3s", k3s));
            return f;
        }, new PerOs(
                "Install k3d: https://k3d.io/#installation",
                "Install k3d with `brew install k3d` (or see https://k3d.io/#installation)",
                "Install k3d with `choco install k3d` or `scoop install k3d` (see https://k3d.io/#installation)"));
    }

    public static ToolSpec kubectl() {
        return new ToolSpec("kubectl", "kubectl", "kubectl", List.of("version", "--client", "-o", "json"), out -> {
            KubectlVersion v = KubectlVersion.parse(out);
            Map<String, String> f = facts(VERSION, v.gitVersion());
            v.kustomizeVersion().ifPresent(k -> f.put("kustomize", k));
            return f;
        }, new PerOs(
                "Install kubectl: https://kubernetes.io/docs/tasks/tools/",
                "Install kubectl with `brew install kubectl` (or see https://kubernetes.io/docs/tasks/tools/)",
                "Install kubectl with `winget install -e --id Kubernetes.kubectl` (or see https://kubernetes.io/docs/tasks/tools/)"));
    }

    public static ToolSpec ollamaCli() {
        return new ToolSpec("ollama-cli", "Ollama CLI", "ollama", List.of("--version"), out -> {
            OllamaCliVersion v = OllamaCliVersion.parse(out);
            return facts(VERSION, v.clientVersion(), "server", v.serverVersion().orElse("not running"));
        }, new PerOs(
                "Install Ollama with `curl -fsSL https://ollama.com/install.sh | sh` (see https://ollama.com/download)",
                "Install Ollama from https://ollama.com/download (or `brew install ollama`)",
                "Install Ollama from https://ollama.com/download"));
    }

    private static Map<String, String> facts(String... keyValues) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            f.put(keyValues[i], keyValues[i + 1]);
        }
        return f;
    }
}
