package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Reads, merges, prunes and writes kubeconfig files the way kind's and k3d's kubeconfig code does. */
final class Kubeconfigs {
    /** One cluster's entries: cluster and context are named {@code contextName}, the user {@code userName}. */
    record Entry(String contextName, String userName, String server, Credentials.Pem credentials) {
        Map<String, Object> cluster() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("certificate-authority-data", credentials.caData());
            c.put("server", server);
            return named(contextName, "cluster", c);
        }

        Map<String, Object> context() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cluster", contextName);
            c.put("user", userName);
            return named(contextName, "context", c);
        }

        Map<String, Object> user() {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("client-certificate-data", credentials.certData());
            u.put("client-key-data", credentials.keyData());
            return named(userName, "user", u);
        }

        private static Map<String, Object> named(String name, String key, Map<String, Object> body) {
            // kubectl writes the keys of each list item in alphabetical order.
            Map<String, Object> m = new java.util.TreeMap<>();
            m.put(key, body);
            m.put("name", name);
            return new LinkedHashMap<>(m);
        }
    }

    private Kubeconfigs() {
    }

    /** A complete kubeconfig holding just this entry, its context current. */
    static Map<String, Object> single(Entry e) {
        Map<String, Object> doc = empty();
        upsert(doc, e);
        doc.put("current-context", e.contextName());
        return doc;
    }

    static Map<String, Object> empty() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("clusters", new ArrayList<>());
        doc.put("contexts", new ArrayList<>());
        doc.put("current-context", "");
        doc.put("kind", "Config");
        doc.put("preferences", new LinkedHashMap<>());
        doc.put("users", new ArrayList<>());
        return doc;
    }

    /** Merges {@code e} into the file (creating it), replacing same-named entries; optionally switches context. */
    static void merge(Path file, Entry e, boolean switchContext) throws IOException {
        Map<String, Object> doc = read(file);
        upsert(doc, e);
        if (switchContext) {
            doc.put("current-context", e.contextName());
        }
        write(file, doc);
    }

    /** Removes the named entries; clears current-context if it pointed at them. Missing file: nothing to do. */
    static void remove(Path file, String contextName, String userName) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Object> doc = read(file);
        boolean changed = removeNamed(doc, "clusters", contextName);
        changed |= removeNamed(doc, "contexts", contextName);
        changed |= removeNamed(doc, "users", userName);
        if (contextName.equals(doc.get("current-context"))) {
            doc.put("current-context", "");
            changed = true;
        }
        if (changed) {
            write(file, doc);
        }
    }

    /** Whether the file has a cluster entry of that name. */
    static boolean hasCluster(Path file, String name) throws IOException {
        return Files.exists(file) && list(read(file), "clusters").stream().anyMatch(m -> name.equals(m.get("name")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return empty();
        }
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        if (!(loaded instanceof Map)) {
            return empty();
        }
        Map<String, Object> doc = new LinkedHashMap<>((Map<String, Object>) loaded);
        for (String k : List.of("clusters", "contexts", "users")) {
            doc.put(k, new ArrayList<>(list(doc, k)));
        }
        return doc;
    }

    static Map<String, Object> parse(String yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return doc;
    }

    static void write(Path file, Map<String, Object> doc) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(doc), StandardCharsets.UTF_8);
    }

    static String render(Map<String, Object> doc) {
        return renderAny(doc);
    }

    /** Any maps/lists as block YAML. */
    static String renderAny(Object doc) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(0).setWidth(Integer.MAX_VALUE).build();
        return new Dump(settings).dumpToString(doc);
    }

    private static void upsert(Map<String, Object> doc, Entry e) {
        replaceNamed(doc, "clusters", e.cluster());
        replaceNamed(doc, "contexts", e.context());
        replaceNamed(doc, "users", e.user());
    }

    private static void replaceNamed(Map<String, Object> doc, String key, Map<String, Object> item) {
        List<Map<String, Object>> items = list(doc, key);
        items.removeIf(m -> Objects.equals(m.get("name"), item.get("name")));
        items.add(item);
        doc.put(key, items);
    }

    private static boolean removeNamed(Map<String, Object> doc, String key, String name) {
        List<Map<String, Object>> items = list(doc, key);
        boolean removed = items.removeIf(m -> Objects.equals(m.get("name"), name));
        doc.put(key, items);
        return removed;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        return v instanceof List<?> l ? new ArrayList<>((List<Map<String, Object>>) l) : new ArrayList<>();
    }
}
