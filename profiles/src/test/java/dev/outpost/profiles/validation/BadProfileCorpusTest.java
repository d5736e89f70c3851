package dev.outpost.profiles.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.catalog.Layer;
import dev.outpost.profiles.catalog.LoadResult;
import dev.outpost.profiles.catalog.SourceFile;
import dev.outpost.profiles.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One bad document per class of mistake, each with the exact message and position a user sees. */
class BadProfileCorpusTest {
    private static final String FILE = "profiles/team/rag.yaml";
    private final CatalogLoader loader = new CatalogLoader();
    private final Catalog builtIn = loader.load(List.of(BuiltInCatalog.layer())).catalog();

    private List<String> validate(String yaml) {
        return loader.validateProfile(FILE, yaml.getBytes(StandardCharsets.UTF_8), builtIn).stream()
                .map(Problem::toString).toList();
    }

    private static String profile(String services) {
        return """
                apiVersion: outpost.dev/v1
                kind: Profile
                metadata:
                  name: rag
                spec:
                  runtime: docker
                  services:
                """ + services;
    }

    @Test
    void aValidProfileHasNoProblems() {
        assertThat(validate(profile("    - use: postgres\n      version: \"17\"\n"))).isEmpty();
    }

    @Test
    void unknownVersion() {
        assertThat(validate(profile("    - use: redis\n    - use: postgres\n      version: \"99\"\n")))
                .containsExactly(FILE + ":10:16 spec.services[1].version: \"99\" is not offered by catalog service"
                        + " postgres (offered: 15, 16, 17)");
    }

    @Test
    void unknownFieldWithSuggestion() {
        assertThat(validate(profile("    - use: postgres\n      verison: \"16\"\n")))
                .containsExactly(FILE + ":9:7 spec.services[0].verison: unknown field (did you mean \"version\"?)");
    }

    @Test
    void unknownTemplateWithSuggestion() {
        assertThat(validate(profile("    - use: postgress\n")))
                .containsExactly(FILE + ":8:12 spec.services[0].use: \"postgress\" is not a service in the catalog"
                        + " (did you mean \"postgres\"?)");
    }

    @Test
    void wrongTypes() {
        assertThat(validate(profile("    - use: postgres\n      ports:\n        sql: lots\n")))
                .containsExactly(FILE + ":10:14 spec.services[0].ports.sql: expected a whole number, found the text \"lots\"");
        assertThat(validate(profile("    use: postgres\n")))
                .containsExactly(FILE + ":8:5 spec.services: expected a list, found a mapping");
    }

    @Test
    void badEnumValue() {
        assertThat(validate(profile("    - use: redis\n").replace("runtime: docker", "runtime: kinde")))
                .containsExactly(FILE + ":6:12 spec.runtime: \"kinde\" is not one of docker, kind, k3d (did you mean \"kind\"?)");
    }

    @Test
    void duplicateServiceNames() {
        assertThat(validate(profile("    - use: postgres\n    - use: postgres\n")))
                .containsExactly(FILE + ":9:12 spec.services[1].use: service name \"postgres\" is already used by"
                        + " spec.services[0]; give one a different name");
    }

    @Test
    void hostPortClash() {
        assertThat(validate(profile("    - use: postgres\n    - use: postgres\n      name: replica\n")))
                .containsExactly(FILE + ":9:7 spec.services[1]: host port 5432 of replica.sql is already taken by"
                        + " postgres.sql; set spec.services[1].ports.sql to a free port");
    }

    @Test
    void missingRequiredField() {
        assertThat(validate("apiVersion: outpost.dev/v1\nkind: Profile\nmetadata:\n  description: x\nspec:\n  services: []\n"))
                .containsExactly(FILE + ":4:3 metadata.name: required field is missing");
    }

    @Test
    void duplicateKeys() {
        assertThat(validate(profile("    - use: postgres\n      version: \"16\"\n      version: \"17\"\n")))
                .containsExactly(FILE + ":10:7 duplicate key \"version\" (first at line 9)");
    }

    @Test
    void aliasesAndAnchorsAreRefused() {
        String bomb = """
                apiVersion: outpost.dev/v1
                kind: Profile
                metadata: {name: bomb}
                x: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                y: [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                """;
        List<String> problems = validate(bomb);
        assertThat(problems).first().asString().isEqualTo(FILE + ":4:4 YAML anchors (&name) are not allowed in Outpost files");
        assertThat(problems).contains(FILE + ":5:5 YAML aliases (*name) are not allowed in Outpost files");
    }

    @Test
    void oversizedFile() {
        String huge = profile("    - use: postgres\n") + "#" + "x".repeat(YamlReader.MAX_BYTES) + "\n";
        assertThat(validate(huge)).singleElement().asString()
                .startsWith(FILE + " file is ").endsWith("bytes; the limit is 262144");
    }

    @Test
    void syntaxError() {
        assertThat(validate("apiVersion: outpost.dev/v1\nkind: Profile\nmetadata:\n  name: [unclosed\n"))
                .singleElement().asString().startsWith(FILE + ":5:1 YAML syntax error:");
    }

    @Test
    void wrongKindForItsPlace() {
        assertThat(validate("apiVersion: outpost.dev/v1\nkind: ServiceTemplate\nmetadata: {name: x}\nspec: {}\n"))
                .containsExactly(FILE + ":2:7 kind: this file's place in the repository holds a Profile, not a ServiceTemplate");
    }

    @Test
    void wrongApiVersion() {
        assertThat(validate("apiVersion: outpost.dev/v2\nkind: Profile\nmetadata: {name: x}\n"))
                .containsExactly(FILE + ":1:13 apiVersion: must be outpost.dev/v1, found the text \"outpost.dev/v2\"");
    }

    @Test
    void badDurationAndUnknownTarget() {
        String y = profile("    - use: ollama\n") + "  inference:\n    target: gke-l4\n  idle:\n    stopAfter: soon\n";
        assertThat(validate(y)).containsExactly(
                FILE + ":10:13 spec.inference.target: \"gke-l4\" is not an inference target in the catalog (the catalog has none)",
                FILE + ":12:16 spec.idle.stopAfter: \"soon\" is not a duration (e.g. 30m, 2h) or \"never\"");
    }

    @Test
    void badIdlePolicyValues() {
        String y = profile("    - use: redis\n")
                + "  idle:\n    cpuThreshold: 150\n    modelKeepAlive: a while\n    releaseRemoteAfter: -5m\n";
        assertThat(validate(y)).containsExactly(
                FILE + ":10:19 spec.idle.cpuThreshold: 150.0 is not a percentage of one core between 0 and 100",
                FILE + ":11:21 spec.idle.modelKeepAlive: \"a while\" is not a duration (e.g. 5m, 1h)",
                FILE + ":12:25 spec.idle.releaseRemoteAfter: \"-5m\" is not a duration (e.g. 15m, 1h)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String y = profile("    - use: postgress\n    - use: redis\n      version: \"1\"\n      colour: red\n")
                .replace("runtime: docker", "runtime: podman");
        assertThat(validate(y)).containsExactly(
                FILE + ":6:12 spec.runtime: \"podman\" is not one of docker, kind, k3d",
                FILE + ":11:7 spec.services[1].colour: unknown field",
                FILE + ":8:12 spec.services[0].use: \"postgress\" is not a service in the catalog (did you mean \"postgres\"?)",
                FILE + ":10:16 spec.services[1].version: \"1\" is not offered by catalog service redis (offered: 7.2, 7.4, 8.0)");
    }

    @Test
    void dependencyCyclesAndMissingDependenciesInACatalog() {
        String a = template("a", "[b]");
        String b = template("b", "[a]");
        String c = template("c", "[zookeeper]");
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile("catalog/services/a.yaml", a.getBytes(StandardCharsets.UTF_8)));
        files.add(new SourceFile("catalog/services/b.yaml", b.getBytes(StandardCharsets.UTF_8)));
        files.add(new SourceFile("catalog/services/c.yaml", c.getBytes(StandardCharsets.UTF_8)));
        LoadResult r = loader.load(List.of(new Layer("", files, java.util.Optional.empty())));
        assertThat(r.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "catalog/services/c.yaml:11:15 spec.dependsOn[0]: \"zookeeper\" is not a service in the catalog",
                "catalog/services/a.yaml:11:14 spec.dependsOn: dependency cycle: a -> b -> a");
    }

    private static String template(String name, String deps) {
        return """
                apiVersion: outpost.dev/v1
                kind: ServiceTemplate
                metadata:
                  name: %s
                spec:
                  versions:
                    offered: ["1"]
                    default: "1"
                  image: example/%s:{{version}}
                  ports: [{name: main, containerPort: 80}]
                  dependsOn: %s
                """.formatted(name, name, deps);
    }
}
