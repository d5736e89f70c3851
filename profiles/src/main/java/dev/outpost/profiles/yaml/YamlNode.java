package dev.outpost.profiles.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node came from, so every problem found
 * later can point at its file, line and column.
 */
public sealed interface YamlNode {
    Location location();

    /** For messages: "a mapping", "a list", "the number 16", ... */
    String describe();

    enum ScalarType { STRING, INT, FLOAT, BOOL, NULL }

    record Scalar(String text, ScalarType type, Location location) implements YamlNode {
        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "the text \"" + text + "\"";
                case INT, FLOAT -> "the number " + text;
                case BOOL -> "the boolean " + text;
                case NULL -> "an empty value";
            };
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    record Mapping(Map<String, Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
