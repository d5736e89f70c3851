package dev.outpost.stack.kube;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code kubectl version --client -o json} reports.
 *
 * @param gitVersion       the release, e.g. {@code v1.33.1}
 * @param major            e.g. {@code 1}
 * @param minor            e.g. {@code 33}; vendor builds may add a suffix such as {@code 33+}
 * @param kustomizeVersion the embedded kustomize, e.g. {@code v5.6.0}; absent in some builds
 */
public record KubectlVersion(String gitVersion, String major, String minor, Optional<String> kustomizeVersion) {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String SOURCE = "kubectl version --client -o json";
    private static final String EXPECTED = "a JSON object with clientVersion.gitVersion";

    public static KubectlVersion parse(String stdout) {
        JsonNode root;
        try {
            root = JSON.readTree(stdout == null ? "" : stdout);
        } catch (JacksonException e) {
            throw new UnexpectedOutputException(SOURCE, EXPECTED, stdout, e);
        }
        JsonNode client = root == null ? null : root.path("clientVersion");
        String gitVersion = text(client, "gitVersion");
        if (gitVersion == null) {
            throw new UnexpectedOutputException(SOURCE, EXPECTED, stdout);
        }
        return new KubectlVersion(gitVersion, orEmpty(text(client, "major")), orEmpty(text(client, "minor")),
                Optional.ofNullable(text(root, "kustomizeVersion")));
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.path(field).isString()) {
            return null;
        }
        String v = node.path(field).asString();
        return v.isBlank() ? null : v;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
