package dev.outpost.stack.cluster;

import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.outpost.stack.platform.HostEnvironment;

/**
 * Merges a cluster's own kubeconfig into the user's, as {@code kind export kubeconfig} and
 * {@code k3d kubeconfig merge} do: entries with the same names are replaced, everything else is kept, and the
 * file stays owner-only. Only on request: Outpost itself always uses the cluster's own file.
 */
public final class KubeconfigMerge {
    private KubeconfigMerge() {
    }

    /** The file kubectl writes to: the first entry of {@code KUBECONFIG}, else {@code ~/.kube/config}. */
    public static Path defaultTarget(HostEnvironment host) {
        Optional<String> env = host.get("KUBECONFIG").filter(s -> !s.isBlank());
        if (env.isPresent()) {
            String sep = host.os() == dev.outpost.stack.platform.OperatingSystem.WINDOWS ? ";" : ":";
            return Path.of(env.get().split(java.util.regex.Pattern.quote(sep))[0]);
        }
        return host.home().resolve(".kube").resolve("config");
    }

    /** @return the context names merged */
    public static List<String> merge(Path source, Path target, boolean switchContext) {
        Map<String, Object> from = read(source);
        Map<String, Object> into = Files.exists(target) ? read(target) : new LinkedHashMap<>(Map.of(
                "apiVersion", "v1", "kind", "Config", "preferences", Map.of()));
        for (String section : List.of("clusters", "users", "contexts")) {
            List<Map<String, Object>> merged = new ArrayList<>(list(into, section));
            for (Map<String, Object> entry : list(from, section)) {
                merged.removeIf(e -> e.get("name") != null && e.get("name").equals(entry.get("name")));
                merged.add(entry);
            }
            into.put(section, merged);
        }
        List<String> contexts = list(from, "contexts").stream().map(e -> String.valueOf(e.get("name"))).toList();
        if (switchContext && !contexts.isEmpty()) {
            into.put("current-context", contexts.getFirst());
        }
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            PrivateFiles.writeAtomically(target, ConfigYaml.write(into).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
        return contexts;
    }

    /** Removes the named context and the cluster and user it refers to; the file is left alone if it has none. */
    public static boolean remove(Path target, String contextName) {
        if (!Files.exists(target)) {
            return false;
        }
        Map<String, Object> into = read(target);
        Optional<Map<String, Object>> context = list(into, "contexts").stream()
                .filter(e -> contextName.equals(e.get("name"))).findFirst();
        if (context.isEmpty()) {
            return false;
        }
        Object body = context.get().get("context");
        Map<?, ?> ctx = body instanceof Map<?, ?> m ? m : Map.of();
        removeNamed(into, "contexts", contextName);
        removeNamed(into, "clusters", ctx.get("cluster"));
        removeNamed(into, "users", ctx.get("user"));
        if (contextName.equals(into.get("current-context"))) {
            into.put("current-context", "");
        }
        try {
            PrivateFiles.writeAtomically(target, ConfigYaml.write(into).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
        return true;
    }

    private static void removeNamed(Map<String, Object> config, String section, Object name) {
        List<Map<String, Object>> kept = new ArrayList<>(list(config, section));
        kept.removeIf(e -> name != null && name.equals(e.get("name")));
        config.put(section, kept);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> config, String section) {
        Object v = config.get(section);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        try {
            Object tree = ConfigYaml.mapper().readValue(Files.readString(file), Object.class);
            if (tree == null) {
                return new LinkedHashMap<>();
            }
            if (!(tree instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file + " is not a kubeconfig (no mapping at the top)");
            }
            return new LinkedHashMap<>((Map<String, Object>) tree);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }
}
