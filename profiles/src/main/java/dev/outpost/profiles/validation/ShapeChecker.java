package dev.outpost.profiles.validation;

import dev.outpost.profiles.validation.Shapes.Field;
import dev.outpost.profiles.yaml.YamlNode;
import dev.outpost.profiles.yaml.YamlNode.Mapping;
import dev.outpost.profiles.yaml.YamlNode.Scalar;
import dev.outpost.profiles.yaml.YamlNode.ScalarType;
import dev.outpost.profiles.yaml.YamlNode.Sequence;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a YAML tree against a record type, collecting every problem rather than stopping at the
 * first, and produces the JSON tree Jackson then binds. Numbers are accepted where text is expected
 * (users write {@code version: 16}); the source text is kept, so {@code 16.10} stays "16.10".
 */
public final class ShapeChecker {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<Problem> problems;
    private final LocationIndex index;

    public ShapeChecker(List<Problem> problems, LocationIndex index) {
        this.problems = problems;
        this.index = index;
    }

    /** Returns the JSON form, or null where the node could not be used (a problem was recorded). */
    public JsonNode check(YamlNode node, Type type, String path) {
        index.put(path, node.location());
        Class<?> raw = Shapes.raw(type);
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (raw == List.class) {
            return list(node, Shapes.typeArgument(type, 0), path);
        }
        if (raw == Map.class) {
            return map(node, Shapes.typeArgument(type, 1), path);
        }
        if (!(node instanceof Scalar s)) {
            return wrong(node, path, expected(raw));
        }
        if (raw == String.class) {
            return switch (s.type()) {
                case STRING, INT, FLOAT -> JSON.stringNode(s.text());
                default -> wrong(node, path, "text");
            };
        }
        if (raw == Integer.class || raw == int.class) {
            if (s.type() != ScalarType.INT) {
                return wrong(node, path, "a whole number");
            }
            BigInteger v = new BigInteger(s.text().replace("_", ""));
            if (v.bitLength() > 31) {
                return problem(path, s.text() + " is out of range");
            }
            return JSON.numberNode(v.intValue());
        }
        if (raw == Double.class || raw == double.class) {
            if (s.type() != ScalarType.INT && s.type() != ScalarType.FLOAT) {
                return wrong(node, path, "a number");
            }
            return JSON.numberNode(Double.parseDouble(s.text().replace("_", "")));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return s.type() == ScalarType.BOOL ? JSON.booleanNode(Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT)))
                    : wrong(node, path, "true or false");
        }
        if (raw.isEnum()) {
            List<String> names = Shapes.enumNames(raw);
            if (s.type() == ScalarType.STRING && names.contains(s.text())) {
                return JSON.stringNode(s.text());
            }
            return problem(path, "\"" + s.text() + "\" is not one of " + String.join(", ", names)
                    + DidYouMean.suffix(s.text(), names));
        }
        throw new IllegalArgumentException("no shape rule for " + type);
    }

    private JsonNode record(YamlNode node, Class<?> type, String path) {
        if (!(node instanceof Mapping m)) {
            return wrong(node, path, "a mapping");
        }
        Map<String, Field> fields = Shapes.fields(type);
        ObjectNode out = JSON.objectNode();
        for (YamlNode.Entry e : m.entries().values()) {
            String childPath = join(path, e.key());
            Field f = fields.get(e.key());
            if (f == null) {
                index.put(childPath, e.keyLocation());
                problem(childPath, "unknown field" + DidYouMean.suffix(e.key(), fields.keySet()));
                continue;
            }
            if (e.value() instanceof Scalar s && s.type() == ScalarType.NULL) {
                index.put(childPath, e.keyLocation());
                if (f.required()) {
                    problem(childPath, "must have a value");
                }
                continue;
            }
            JsonNode v = check(e.value(), f.type(), childPath);
            if (v != null) {
                out.set(f.yamlName(), v);
            }
        }
        for (Field f : fields.values()) {
            if (f.required() && !m.entries().containsKey(f.yamlName())) {
                problem(join(path, f.yamlName()), "required field is missing");
            }
        }
        return out;
    }

    private JsonNode list(YamlNode node, Type item, String path) {
        if (!(node instanceof Sequence s)) {
            return wrong(node, path, "a list");
        }
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < s.items().size(); i++) {
            JsonNode v = check(s.items().get(i), item, path + "[" + i + "]");
            out.add(v == null ? JSON.nullNode() : v);
        }
        return out;
    }

    private JsonNode map(YamlNode node, Type value, String path) {
        if (!(node instanceof Mapping m)) {
            return wrong(node, path, "a mapping");
        }
        ObjectNode out = JSON.objectNode();
        for (YamlNode.Entry e : m.entries().values()) {
            JsonNode v = check(e.value(), value, join(path, e.key()));
            if (v != null) {
                out.set(e.key(), v);
            }
        }
        return out;
    }

    private JsonNode wrong(YamlNode node, String path, String expected) {
        return problem(path, "expected " + expected + ", found " + node.describe());
    }

    private JsonNode problem(String path, String message) {
        problems.add(index.problem(path, message));
        return null;
    }

    private static String expected(Class<?> raw) {
        if (raw == String.class || raw.isEnum()) {
            return "a single value";
        }
        return raw == Boolean.class ? "true or false" : "a number";
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
