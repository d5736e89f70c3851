package dev.outpost.stack.cluster.fake;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * kind's kubeconfig handling: the cluster's admin.conf lives in the bootstrap control-plane node (written at
 * creation, read back with {@code docker exec ... cat}), the external form swaps the server for the host-mapped one
 * (or the fake's configured URL), and exports merge into {@code --kubeconfig}, {@code $KUBECONFIG} or
 * {@code ~/.kube/config}.
 */
final class KindKubeconfig {
    static final String ADMIN_CONF = "/etc/kubernetes/admin.conf";

    private final DockerCli docker;
    private final KindNodes nodes;
    private final FakeEnvironment env;

    KindKubeconfig(DockerCli docker, KindNodes nodes, FakeEnvironment env) {
        this.docker = docker;
        this.nodes = nodes;
        this.env = env;
    }

    static String contextName(String cluster) {
        return "kind-" + cluster;
    }

    /** The file an export or delete touches. */
    static Path target(String explicit, FakeEnvironment env) {
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        return env.get("KUBECONFIG").flatMap(v -> java.util.Arrays.stream(v.split(File.pathSeparator))
                .filter(p -> !p.isEmpty()).findFirst()).map(Path::of)
                .orElseGet(() -> env.home().resolve(".kube").resolve("config"));
    }

    /** The in-node admin.conf written during "Writing configuration". */
    void writeAdminConf(String node, String cluster, Credentials.Pem creds) {
        var entry = new Kubeconfigs.Entry(contextName(cluster), contextName(cluster),
                "https://" + node + ":6443", creds);
        byte[] yaml = Kubeconfigs.render(Kubeconfigs.single(entry)).getBytes(StandardCharsets.UTF_8);
        DockerCli.Result r = docker.run(List.of("exec", "-i", node, "sh", "-c",
                "mkdir -p /etc/kubernetes && cat > " + ADMIN_CONF), yaml);
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to write kubeconfig");
        }
    }

    /** kind get kubeconfig: the YAML document, external (host) or internal (docker network) server. */
    Map<String, Object> read(String cluster, boolean internal) {
        List<String> cps = nodes.withRole(cluster, "control-plane");
        if (cps.isEmpty()) {
            throw new KindError("could not locate any control plane nodes for cluster named '" + cluster
                    + "'. Use the --name option to select a different cluster");
        }
        String bootstrap = cps.getFirst();
        DockerCli.Result r = docker.run("exec", bootstrap, "cat", ADMIN_CONF);
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to get cluster internal kubeconfig");
        }
        Map<String, Object> doc = Kubeconfigs.parse(r.out());
        if (!internal) {
            setServer(doc, externalServer(cluster));
        }
        return doc;
    }

    /** kind export kubeconfig / the end of create: merge and switch current-context. */
    void export(String cluster, String explicitPath, boolean internal) {
        Map<String, Object> doc = read(cluster, internal);
        Path file = target(explicitPath, env);
        try {
            Map<String, Object> existing = Kubeconfigs.read(file);
            for (String key : List.of("clusters", "contexts", "users")) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> mine = (List<Map<String, Object>>) doc.get(key);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> theirs = (List<Map<String, Object>>) existing.get(key);
                for (Map<String, Object> item : mine) {
                    theirs.removeIf(m -> item.get("name").equals(m.get("name")));
                    theirs.add(item);
                }
            }
            existing.put("current-context", contextName(cluster));
            Kubeconfigs.write(file, existing);
        } catch (IOException e) {
            throw new KindError("failed to write kubeconfig: " + e.getMessage());
        }
    }

    void remove(String cluster, String explicitPath) {
        try {
            Kubeconfigs.remove(target(explicitPath, env), contextName(cluster), contextName(cluster));
        } catch (IOException e) {
            throw new KindError("failed to update kubeconfig: " + e.getMessage());
        }
    }

    private String externalServer(String cluster) {
        if (env.serverUrl().isPresent()) {
            return env.serverUrl().get();
        }
        List<String> lbs = nodes.withRole(cluster, "external-load-balancer");
        String node = lbs.isEmpty() ? nodes.withRole(cluster, "control-plane").getFirst() : lbs.getFirst();
        String[] binding = nodes.apiServerBinding(node).split("\t");
        String host = binding[0].isEmpty() ? "127.0.0.1" : binding[0];
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "https://" + host + ":" + (binding.length > 1 ? binding[1] : "6443");
    }

    @SuppressWarnings("unchecked")
    private static void setServer(Map<String, Object> doc, String server) {
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("clusters")) {
            ((Map<String, Object>) c.get("cluster")).put("server", server);
        }
    }
}
