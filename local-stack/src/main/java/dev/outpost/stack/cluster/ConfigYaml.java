package dev.outpost.stack.cluster;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes the tools' config files from plain maps, in the order they were built, so the file reads like the
 * examples in the tools' docs. Multi-line strings (containerd patches, registries.yaml) become literal blocks.
 */
public final class ConfigYaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            // A string that looks like a number (k3d's hostPort: "6550") must stay a string for the tools' schemas.
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private ConfigYaml() {
    }

    public static String write(Object tree) {
        return MAPPER.writeValueAsString(tree);
    }

    public static YAMLMapper mapper() {
        return MAPPER;
    }
}
