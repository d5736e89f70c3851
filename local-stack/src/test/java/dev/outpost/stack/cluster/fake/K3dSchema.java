package dev.outpost.stack.cluster.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code k3d.io/v1alpha5} Simple config's JSON schema (k3d's pkg/config/v1alpha5/schema.json at v5.9.0,
 * re-expressed here) and a validator for the parts of draft-07 it uses, with gojsonschema's error wording
 * ({@code (root): Additional property foo is not allowed}, {@code servers: Invalid type. Expected: number, given:
 * string}, ...). Quirks of the real schema are kept: {@code options.runtime} and {@code hostAliases} items accept
 * extra properties, and {@code registries} declares "additionalProperties" as a property instead of forbidding them.
 */
final class K3dSchema {
    /** One schema node; null fields are absent keywords. */
    record Node(String type, Map<String, Node> properties, boolean closed, List<String> required, List<String> enums,
            Double minimum, Node items, String format) {
    }

    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");

    static final Node SIMPLE = simple();

    private K3dSchema() {
    }

    /** Every violation, each as "- path: description", in the order gojsonschema reports them. */
    static List<String> validate(Object doc) {
        List<String> errors = new ArrayList<>();
        check(SIMPLE, doc == null ? new LinkedHashMap<>() : doc, "(root)", "", errors);
        return errors;
    }

    private static void check(Node s, Object v, String path, String field, List<String> errors) {
        if (s.type() != null && !typeMatches(s.type(), v)) {
            errors.add(path + ": Invalid type. Expected: " + s.type() + ", given: " + typeOf(v));
            return;
        }
        if (s.enums() != null && !s.enums().contains(v)) {
            errors.add(path + ": " + field + " must be one of the following: "
                    + String.join(", ", s.enums().stream().map(e -> "\"" + e + "\"").toList()));
        }
        if (s.minimum() != null && v instanceof Number n && n.doubleValue() < s.minimum()) {
            errors.add(path + ": Must be greater than or equal to " + fmt(s.minimum()));
        }
        if (s.format() != null && v instanceof String str) {
            boolean ok = switch (s.format()) {
                case "hostname" -> HOSTNAME.matcher(str).matches();
                case "ipv4" -> IPV4.matcher(str).matches();
                default -> true;
            };
            if (!ok) {
                errors.add(path + ": Does not match format '" + s.format() + "'");
            }
        }
        if (v instanceof Map<?, ?> m) {
            if (s.required() != null) {
                for (String r : s.required()) {
                    if (!m.containsKey(r)) {
                        errors.add(path + ": " + r + " is required");
                    }
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String childPath = path.equals("(root)") ? key : path + "." + key;
                Node child = s.properties() == null ? null : s.properties().get(key);
                if (child != null) {
                    check(child, e.getValue(), childPath, key, errors);
                } else if (s.closed()) {
                    errors.add(path + ": Additional property " + key + " is not allowed");
                }
            }
        }
        if (v instanceof List<?> l && s.items() != null) {
            for (int i = 0; i < l.size(); i++) {
                String childPath = (path.equals("(root)") ? "" : path + ".") + i;
                check(s.items(), l.get(i), childPath, Integer.toString(i), errors);
            }
        }
    }

    private static boolean typeMatches(String type, Object v) {
        return switch (type) {
            case "object" -> v instanceof Map;
            case "array" -> v instanceof List;
            case "string" -> v instanceof String;
            case "boolean" -> v instanceof Boolean;
            case "number" -> v instanceof Number;
            case "integer" -> v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
            default -> true;
        };
    }

    private static String typeOf(Object v) {
        return switch (v) {
            case null -> "null";
            case Map<?, ?> m -> "object";
            case List<?> l -> "array";
            case String s -> "string";
            case Boolean b -> "boolean";
            case Double d -> d == Math.floor(d) && !d.isInfinite() ? "integer" : "number";
            case Number n -> "integer";
            default -> "string";
        };
    }

    private static String fmt(double d) {
        return d == Math.floor(d) ? Long.toString((long) d) : Double.toString(d);
    }

    // --- the schema, field for field -------------------------------------------------------------------------

    private static Node simple() {
        Node nodeFilters = array(str());
        Map<String, Node> p = new LinkedHashMap<>();
        p.put("apiVersion", new Node("string", null, false, null, List.of("k3d.io/v1alpha5"), null, null, null));
        p.put("kind", new Node("string", null, false, null, List.of("Simple"), null, null, null));
        p.put("metadata", obj(true, "name", fmt("hostname")));
        p.put("servers", new Node("number", null, false, null, null, 1.0, null, null));
        p.put("agents", new Node("number", null, false, null, null, 0.0, null, null));
        p.put("kubeAPI", obj(true, "host", fmt("hostname"), "hostIP", fmt("ipv4"), "hostPort", str()));
        p.put("image", str());
        p.put("network", str());
        p.put("subnet", str());
        p.put("token", str());
        p.put("volumes", array(obj(true, "volume", str(), "nodeFilters", nodeFilters)));
        p.put("ports", array(obj(true, "port", str(), "nodeFilters", nodeFilters)));
        p.put("files", array(new Node("object", props("source", str(), "destination", str(), "description", str(),
                "nodeFilters", nodeFilters), true, List.of("source", "destination"), null, null, null, null)));
        Node k3d = obj(true, "wait", bool(), "timeout", any(), "disableLoadbalancer", bool(), "disableImageVolume",
                bool(), "disableRollback", bool(), "loadbalancer", obj(true, "configOverrides", array(null)));
        Node k3s = obj(true, "extraArgs", array(obj(true, "arg", str(), "nodeFilters", nodeFilters)), "nodeLabels",
                array(obj(true, "label", str(), "nodeFilters", nodeFilters)));
        Node kubeconfig = obj(true, "updateDefaultKubeconfig", bool(), "switchCurrentContext", bool());
        Node runtime = obj(false, "gpuRequest", str(), "serversMemory", str(), "agentsMemory", str(), "hostPidMode",
                bool(), "labels", array(obj(true, "label", str(), "nodeFilters", nodeFilters)), "ulimits",
                array(obj(true, "name", str(), "soft", num(), "hard", num())));
        p.put("options", obj(true, "k3d", k3d, "k3s", k3s, "kubeconfig", kubeconfig, "runtime", runtime));
        p.put("env", array(obj(true, "envVar", str(), "nodeFilters", nodeFilters)));
        Node create = obj(true, "name", str(), "host", str(), "hostPort", str(), "image", str(), "proxy",
                obj(true, "remoteURL", str(), "username", str(), "password", str()), "volumes", array(str()));
        p.put("registries", obj(false, "create", create, "use", array(str()), "config", str(),
                "additionalProperties", bool()));
        p.put("hostAliases", array(obj(false, "ip", str(), "hostnames", array(str()))));
        return new Node("object", p, true, List.of("apiVersion", "kind"), null, null, null, null);
    }

    private static Node obj(boolean closed, Object... kv) {
        return new Node("object", props(kv), closed, null, null, null, null, null);
    }

    private static Map<String, Node> props(Object... kv) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Node) kv[i + 1]);
        }
        return m;
    }

    private static Node array(Node items) {
        return new Node("array", null, false, null, null, null, items, null);
    }

    private static Node str() {
        return new Node("string", null, false, null, null, null, null, null);
    }

    private static Node fmt(String format) {
        return new Node("string", null, false, null, null, null, null, format);
    }

    private static Node bool() {
        return new Node("boolean", null, false, null, null, null, null, null);
    }

    private static Node num() {
        return new Node("number", null, false, null, null, null, null, null);
    }

    private static Node any() {
        return new Node(null, null, false, null, null, null, null, null);
    }
}
