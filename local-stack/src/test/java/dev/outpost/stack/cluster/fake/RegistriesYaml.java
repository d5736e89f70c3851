package dev.outpost.stack.cluster.fake;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * k3s' {@code registries.yaml} as k3d reads it (into k3s' Registry type, non-strictly): {@code mirrors} maps a
 * registry host to {@code {endpoint: [url], rewrite: {regex: replacement}}}, {@code configs} maps a host to
 * {@code {auth: {...}, tls: {...}}}. Unknown keys are ignored as by k3d; wrongly typed values are errors.
 */
final class RegistriesYaml {
    private RegistriesYaml() {
    }

    /** Null when valid, else the unmarshalling error k3d wraps. */
    static String problem(String content) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(content);
        } catch (RuntimeException e) {
            return "yaml: " + e.getMessage().lines().findFirst().orElse("");
        }
        if (doc == null) {
            return null;
        }
        if (!(doc instanceof Map<?, ?> root)) {
            return mismatch(doc, "", "registries.Registry");
        }
        if (root.get("mirrors") != null) {
            if (!(root.get("mirrors") instanceof Map<?, ?> mirrors)) {
                return mismatch(root.get("mirrors"), "Registry.mirrors", "map[string]registries.Mirror");
            }
            for (Object m : mirrors.values()) {
                if (m == null) {
                    continue;
                }
                if (!(m instanceof Map<?, ?> mirror)) {
                    return mismatch(m, "Registry.mirrors", "registries.Mirror");
                }
                Object endpoints = mirror.get("endpoint");
                if (endpoints != null && !(endpoints instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
                    return mismatch(endpoints, "Mirror.endpoint", "[]string");
                }
                Object rewrite = mirror.get("rewrite");
                if (rewrite != null && !(rewrite instanceof Map<?, ?>)) {
                    return mismatch(rewrite, "Mirror.rewrite", "map[string]string");
                }
            }
        }
        if (root.get("configs") != null) {
            if (!(root.get("configs") instanceof Map<?, ?> configs)) {
                return mismatch(root.get("configs"), "Registry.configs", "map[string]registries.RegistryConfig");
            }
            for (Object c : configs.values()) {
                if (c == null) {
                    continue;
                }
                if (!(c instanceof Map<?, ?> cfg)) {
                    return mismatch(c, "Registry.configs", "registries.RegistryConfig");
                }
                for (String k : List.of("auth", "tls")) {
                    if (cfg.get(k) != null && !(cfg.get(k) instanceof Map<?, ?>)) {
                        return mismatch(cfg.get(k), "RegistryConfig." + k, k.equals("auth") ? "registries.AuthConfig"
                                : "registries.TLSConfig");
                    }
                }
            }
        }
        return null;
    }

    private static String mismatch(Object v, String field, String type) {
        String given = switch (v) {
            case String s -> "string";
            case List<?> l -> "array";
            case Map<?, ?> m -> "object";
            case Boolean b -> "bool";
            default -> "number";
        };
        String where = field.isEmpty() ? "Go value" : "Go struct field " + field;
        return "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + given + " into " + where + " of type " + type;
    }
}
