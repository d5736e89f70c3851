package dev.outpost.stack.cluster.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Decodes YAML into Go-typed shapes the way gopkg.in/yaml.v3 does with {@code KnownFields(true)} (kind's strict
 * config decoding): unknown fields and type mismatches are collected in document order and reported as
 * {@code yaml: unmarshal errors:\n  line N: field foo not found in type v1alpha4.Cluster}.
 */
final class GoYamlDecoder {
    /** A Go type as yaml.v3 sees it; {@code goName} is how it appears in error messages. */
    sealed interface GoType permits Scalar, Seq, MapOf, Struct {
        String goName();
    }

    enum ScalarKind { STRING, INT32, BOOL }

    record Scalar(String goName, ScalarKind kind) implements GoType {
        static final Scalar STRING = new Scalar("string", ScalarKind.STRING);
        static final Scalar INT32 = new Scalar("int32", ScalarKind.INT32);
        static final Scalar BOOL = new Scalar("bool", ScalarKind.BOOL);
    }

    record Seq(GoType elem) implements GoType {
        public String goName() {
            return "[]" + elem.goName();
        }
    }

    record MapOf(GoType value) implements GoType {
        public String goName() {
            return "map[string]" + value.goName();
        }
    }

    record Struct(String goName, Map<String, GoType> fields) implements GoType {
    }

    /** The decoded document (maps, lists, strings, integers, booleans) or the yaml.v3-style error text. */
    record Result(Object value, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }

        String message() {
            return "yaml: unmarshal errors:\n  " + String.join("\n  ", errors);
        }
    }

    /** A document that is not YAML at all. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|0[0-7_]+)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private final List<String> errors = new ArrayList<>();

    private GoYamlDecoder() {
    }

    /** The first document's root node, or null for an empty input. */
    static Node compose(String yaml) {
        try {
            var it = new Compose(LoadSettings.builder().build()).composeAllFromString(yaml).iterator();
            return it.hasNext() ? it.next() : null;
        } catch (RuntimeException e) {
            throw new SyntaxError("yaml: " + firstLine(e.getMessage()));
        }
    }

    static Result decode(Node root, GoType type) {
        GoYamlDecoder d = new GoYamlDecoder();
        Object v = root == null ? null : d.value(root, type);
        return new Result(v, List.copyOf(d.errors));
    }

    /** yaml.v3's resolved short tag of a node: !!str, !!int, !!float, !!bool, !!null, !!map or !!seq. */
    static String tagOf(Node n) {
        if (n instanceof MappingNode) {
            return "!!map";
        }
        if (n instanceof SequenceNode) {
            return "!!seq";
        }
        ScalarNode s = (ScalarNode) n;
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return "!!str";
        }
        String v = s.getValue();
        if (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
            return "!!null";
        }
        if (v.matches("true|True|TRUE|false|False|FALSE")) {
            return "!!bool";
        }
        if (INT.matcher(v).matches()) {
            return "!!int";
        }
        if (FLOAT.matcher(v).matches()) {
            return "!!float";
        }
        return "!!str";
    }

    static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private Object value(Node n, GoType type) {
        if (n instanceof ScalarNode s && tagOf(s).equals("!!null")) {
            return null;
        }
        return switch (type) {
            case Scalar sc -> scalar(n, sc);
            case Seq seq -> seq(n, seq);
            case MapOf map -> map(n, map);
            case Struct st -> struct(n, st);
        };
    }

    private Object scalar(Node n, Scalar type) {
        if (!(n instanceof ScalarNode s)) {
            return terror(n, type);
        }
        String tag = tagOf(s);
        String v = s.getValue();
        return switch (type.kind()) {
            case STRING -> v;
            case BOOL -> switch (tag) {
                case "!!bool" -> Boolean.parseBoolean(v.toLowerCase());
                case "!!str" -> {
                    // yaml.v3 keeps YAML 1.1 spellings for plain scalars decoded into a bool.
                    if (s.getScalarStyle() == ScalarStyle.PLAIN && v.matches("y|Y|yes|Yes|YES|on|On|ON")) {
                        yield true;
                    }
                    if (s.getScalarStyle() == ScalarStyle.PLAIN && v.matches("n|N|no|No|NO|off|Off|OFF")) {
                        yield false;
                    }
                    yield terror(n, type);
                }
                default -> terror(n, type);
            };
            case INT32 -> {
                Long parsed = switch (tag) {
                    case "!!int" -> parseGoInt(v);
                    case "!!float" -> {
                        double d = Double.parseDouble(v.replace("_", ""));
                        yield Double.isFinite(d) ? (long) d : null;
                    }
                    default -> null;
                };
                if (parsed == null || parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE) {
                    yield terror(n, type);
                }
                yield parsed.intValue();
            }
        };
    }

    private Object seq(Node n, Seq type) {
        if (!(n instanceof SequenceNode s)) {
            return terror(n, type);
        }
        List<Object> out = new ArrayList<>();
        for (Node item : s.getValue()) {
            out.add(value(item, type.elem()));
        }
        return out;
    }

    private Object map(Node n, MapOf type) {
        if (!(n instanceof MappingNode m)) {
            return terror(n, type);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
            out.put(key, value(t.getValueNode(), type.value()));
        }
        return out;
    }

    private Object struct(Node n, Struct type) {
        if (!(n instanceof MappingNode m)) {
            return terror(n, type);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            GoType field = type.fields().get(key);
            if (field == null) {
                errors.add("line " + line(t.getKeyNode()) + ": field " + key + " not found in type " + type.goName());
                continue;
            }
            out.put(key, value(t.getValueNode(), field));
        }
        return out;
    }

    private Object terror(Node n, GoType type) {
        String tag = tagOf(n);
        String shown = "";
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            shown = v.length() > 10 ? " `" + v.substring(0, 7) + "...`" : " `" + v + "`";
        }
        errors.add("line " + line(n) + ": cannot unmarshal " + tag + shown + " into " + type.goName());
        return null;
    }

    private static Long parseGoInt(String v) {
        String s = v.replace("_", "");
        boolean neg = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        try {
            long r;
            if (s.startsWith("0x")) {
                r = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0o")) {
                r = Long.parseLong(s.substring(2), 8);
            } else if (s.startsWith("0b")) {
                r = Long.parseLong(s.substring(2), 2);
            } else if (s.length() > 1 && s.startsWith("0")) {
                r = Long.parseLong(s.substring(1), 8);
            } else {
                r = Long.parseLong(s);
            }
            return neg ? -r : r;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid document";
        }
        return s.strip().lines().findFirst().orElse(s);
    }
}
