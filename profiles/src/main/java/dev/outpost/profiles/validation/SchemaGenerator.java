package dev.outpost.profiles.validation;

import dev.outpost.profiles.model.Doc;
import dev.outpost.profiles.model.DocumentKind;
import dev.outpost.profiles.validation.Shapes.Field;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON Schema (2020-12) of each document kind from the same record classes the
 * validator reads, for editors and for docs/schemas. The validator stays the authority: it also
 * checks what a schema cannot say (catalog references, port clashes, cycles).
 */
public final class SchemaGenerator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SchemaGenerator() {
    }

    public static String schemaText(DocumentKind kind) {
        return PRETTY.writeValueAsString(schema(kind)) + "\n";
    }

    public static ObjectNode schema(DocumentKind kind) {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://outpost.dev/schemas/" + kind.yamlName() + ".schema.json");
        root.put("title", kind.yamlName());
        ObjectNode body = type(kind.type());
        root.setAll(body);
        ObjectNode props = (ObjectNode) root.get("properties");
        props.set("apiVersion", JSON.objectNode().put("const", DocumentKind.API_VERSION));
        props.set("kind", JSON.objectNode().put("const", kind.yamlName()));
        return root;
    }

    private static ObjectNode type(Type t) {
        Class<?> raw = Shapes.raw(t);
        ObjectNode n = JSON.objectNode();
        if (raw.isRecord()) {
            n.put("type", "object");
            Doc doc = raw.getAnnotation(Doc.class);
            if (doc != null) {
                n.put("description", doc.value());
            }
            ObjectNode props = n.putObject("properties");
            ArrayNode required = JSON.arrayNode();
            for (Map.Entry<String, Field> e : Shapes.fields(raw).entrySet()) {
                ObjectNode p = type(e.getValue().type());
                Doc d = e.getValue().component().getAnnotation(Doc.class);
                if (d != null) {
                    p.put("description", d.value());
                }
                props.set(e.getKey(), p);
                if (e.getValue().required()) {
                    required.add(e.getKey());
                }
            }
            if (!required.isEmpty()) {
                n.set("required", required);
            }
            n.put("additionalProperties", false);
        } else if (raw == List.class) {
            n.put("type", "array");
            n.set("items", type(Shapes.typeArgument(t, 0)));
        } else if (raw == Map.class) {
            n.put("type", "object");
            n.set("additionalProperties", type(Shapes.typeArgument(t, 1)));
        } else if (raw == String.class) {
            // Numbers are accepted where text is expected (version: 16), as the validator does.
            n.set("type", JSON.arrayNode().add("string").add("number"));
        } else if (raw == Integer.class) {
            n.put("type", "integer");
        } else if (raw == Double.class) {
            n.put("type", "number");
        } else if (raw == Boolean.class) {
            n.put("type", "boolean");
        } else if (raw.isEnum()) {
            ArrayNode values = n.putArray("enum");
            Shapes.enumNames(raw).forEach(values::add);
        } else {
            throw new IllegalArgumentException("no schema rule for " + t);
        }
        return n;
    }
}
