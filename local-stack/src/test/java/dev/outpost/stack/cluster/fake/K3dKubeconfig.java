package dev.outpost.stack.cluster.fake;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * k3d's kubeconfig handling: k3s' {@code /output/kubeconfig.yaml} lives in server-0 (copied out with
 * {@code docker cp}, so it works on stopped clusters too), renamed to {@code k3d-NAME} / {@code admin@k3d-NAME}
 * and pointed at the API port (or the fake's configured URL).
 */
final class K3dKubeconfig {
    static final String OUTPUT = "/output/kubeconfig.yaml";

    private final FakeEnvironment env;
    private final DockerCli docker;
    private final K3dNodes nodes;

    K3dKubeconfig(FakeEnvironment env, DockerCli docker, K3dNodes nodes) {
        this.env = env;
        this.docker = docker;
        this.nodes = nodes;
    }

    static String context(String cluster) {
        return "k3d-" + cluster;
    }

    static String user(String cluster) {
        return "admin@k3d-" + cluster;
    }

    /** k3s' own admin kubeconfig, written into server-0 once it runs. */
    void writeNodeKubeconfig(String server0, Credentials.Pem creds) {
        Map<String, Object> doc = Kubeconfigs.single(new Kubeconfigs.Entry("default", "default",
                "https://127.0.0.1:6443", creds));
        DockerCli.Result r = docker.run(List.of("exec", "-i", server0, "sh", "-c", "mkdir -p /output && cat > "
                + OUTPUT), Kubeconfigs.render(doc).getBytes(StandardCharsets.UTF_8));
        if (!r.ok()) {
            throw new IllegalStateException("failed to write kubeconfig into " + server0 + ": " + r.err().strip());
        }
    }

    /** The cluster's kubeconfig as k3d hands it out; null when the server node has none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> get(K3dNodes.Cluster cluster) {
        List<K3dNodes.NodeInfo> servers = cluster.role("server");
        if (servers.isEmpty()) {
            return null;
        }
        K3dNodes.NodeInfo server0 = servers.getFirst();
        String raw = nodes.copyOut(server0.name(), OUTPUT);
        if (raw == null) {
            return null;
        }
        Map<String, Object> inNode = Kubeconfigs.parse(raw);
        Map<String, Object> user = (Map<String, Object>) ((List<Map<String, Object>>) inNode.get("users")).getFirst()
                .get("user");
        Map<String, Object> clusterEntry = (Map<String, Object>) ((List<Map<String, Object>>) inNode.get("clusters"))
                .getFirst().get("cluster");
        var creds = new Credentials.Pem((String) clusterEntry.get("certificate-authority-data"),
                (String) user.get("client-certificate-data"), (String) user.get("client-key-data"));
        String server = env.serverUrl().orElseGet(() -> apiUrl(server0.id()));
        return Kubeconfigs.single(new Kubeconfigs.Entry(context(cluster.name()), user(cluster.name()), server,
                creds));
    }

    /** Merge into {@code file}; {@code overwrite} replaces the whole file. */
    void merge(Map<String, Object> kc, Path file, boolean overwrite, boolean switchContext, String cluster)
            throws IOException {
        if (overwrite || !Files.exists(file)) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>(kc);
            if (!switchContext && Files.exists(file)) {
                doc.put("current-context", Kubeconfigs.read(file).getOrDefault("current-context", ""));
            }
            Kubeconfigs.write(file, doc);
            return;
        }
        Map<String, Object> existing = Kubeconfigs.read(file);
        for (String key : List.of("clusters", "contexts", "users")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> theirs = (List<Map<String, Object>>) existing.get(key);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> mine = (List<Map<String, Object>>) kc.get(key);
            for (Map<String, Object> item : mine) {
                theirs.removeIf(m -> item.get("name").equals(m.get("name")));
                theirs.add(item);
            }
        }
        if (switchContext) {
            existing.put("current-context", context(cluster));
        }
        Kubeconfigs.write(file, existing);
    }

    /** The default kubeconfig: a single-entry $KUBECONFIG or ~/.kube/config (k3d refuses a list). */
    Path defaultPath() {
        String kc = env.get("KUBECONFIG").orElse("");
        List<String> entries = Arrays.stream(kc.split(File.pathSeparator)).filter(s -> !s.isEmpty()).toList();
        if (entries.size() > 1) {
            throw new IllegalStateException("Multiple kubeconfigs specified via KUBECONFIG env var: Please reduce to"
                    + " one entry, unset KUBECONFIG or explicitly choose an output");
        }
        return entries.isEmpty() ? env.home().resolve(".kube").resolve("config") : Path.of(entries.getFirst());
    }

    /** $XDG_CONFIG_HOME/k3d/kubeconfig-NAME.yaml, else ~/.config/k3d/kubeconfig-NAME.yaml. */
    Path standalonePath(String cluster) {
        Path base = env.get("XDG_CONFIG_HOME").map(Path::of).orElseGet(() -> env.home().resolve(".config"));
        return base.resolve("k3d").resolve("kubeconfig-" + cluster + ".yaml");
    }

    private String apiUrl(String serverId) {
        DockerCli.Result r = docker.run("inspect", "--format",
                "{{index .Config.Labels \"k3d.server.api.host\"}}\t{{index .Config.Labels \"k3d.server.api.port\"}}",
                serverId);
        String[] f = r.out().strip().split("\t", -1);
        String host = f.length > 0 && !f[0].isEmpty() ? f[0] : "0.0.0.0";
        String port = f.length > 1 && !f[1].isEmpty() ? f[1] : "6443";
        return "https://" + host + ":" + port;
    }
}
