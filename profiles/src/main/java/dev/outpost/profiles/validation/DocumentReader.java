package dev.outpost.profiles.validation;

import dev.outpost.profiles.model.Document;
import dev.outpost.profiles.model.DocumentKind;
import dev.outpost.profiles.yaml.YamlNode;
import dev.outpost.profiles.yaml.YamlNode.Mapping;
import dev.outpost.profiles.yaml.YamlNode.Scalar;
import dev.outpost.profiles.yaml.YamlProblem;
import dev.outpost.profiles.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns one file into a typed document, or into the full list of what is wrong with it. */
public final class DocumentReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    static final JsonMapper BINDER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private final YamlReader yaml = new YamlReader();

    /**
     * @param parsed   the document; when {@code problems} is not empty it is partial (what was wrong is left
     *                 out) and only good for finding further problems, never for use
     */
    public record Result(Optional<Parsed<Document>> parsed, List<Problem> problems) {
        public boolean valid() {
            return parsed.isPresent() && problems.isEmpty();
        }
    }

    /**
     * @param expected the kind the file's place in the repository calls for, if any
     */
    public Result read(String file, byte[] content, Optional<DocumentKind> expected) {
        YamlReader.Result r = yaml.read(file, content);
        List<Problem> problems = new ArrayList<>();
        for (YamlProblem p : r.problems()) {
            problems.add(new Problem(p.location(), "", p.message()));
        }
        if (r.root().isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        YamlNode root = r.root().get();
        LocationIndex index = new LocationIndex(file);
        if (!(root instanceof Mapping m)) {
            problems.add(new Problem(root.location(), "", "expected a mapping with apiVersion, kind, metadata and spec"));
            return new Result(Optional.empty(), problems);
        }
        Optional<DocumentKind> kind = header(m, expected, index, problems);
        if (kind.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        JsonNode json = new ShapeChecker(problems, index).check(root, kind.get().type(), "");
        index.put("", root.location());
        boolean shapeProblems = !problems.isEmpty();
        // A profile with shape problems is still bound, without its bad parts, so its references to the catalog
        // are checked too and the user sees every problem in one go. Other kinds must be whole to be checked.
        if (json == null || shapeProblems && (kind.get() != DocumentKind.PROFILE || !hasProfileCore(json))) {
            return new Result(Optional.empty(), problems);
        }
        Document doc = BINDER.treeToValue(json, kind.get().type());
        if (shapeProblems) {
            return new Result(Optional.of(new Parsed<>(doc, index)), problems);
        }
        if (!NAME.matcher(doc.name()).matches()) {
            problems.add(index.problem("metadata.name", "\"" + doc.name()
                    + "\" is not a valid name: use lowercase letters, digits and dashes, at most 63 characters"));
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new Parsed<>(doc, index)), problems);
    }

    private static boolean hasProfileCore(JsonNode json) {
        return json.path("metadata").hasNonNull("name") && json.path("spec").isObject();
    }

    private static Optional<DocumentKind> header(Mapping m, Optional<DocumentKind> expected, LocationIndex index,
                                                 List<Problem> problems) {
        YamlNode.Entry api = m.entries().get("apiVersion");
        YamlNode.Entry kind = m.entries().get("kind");
        if (api == null || kind == null) {
            problems.add(new Problem(m.location(), api == null ? "apiVersion" : "kind", "required field is missing"));
            return Optional.empty();
        }
        if (!(api.value() instanceof Scalar a) || !a.text().equals(DocumentKind.API_VERSION)) {
            problems.add(new Problem(api.value().location(), "apiVersion",
                    "must be " + DocumentKind.API_VERSION + ", found " + api.value().describe()));
            return Optional.empty();
        }
        String kindName = kind.value() instanceof Scalar k ? k.text() : "";
        Optional<DocumentKind> found = DocumentKind.fromYaml(kindName);
        List<String> names = java.util.Arrays.stream(DocumentKind.values()).map(DocumentKind::yamlName).toList();
        if (found.isEmpty()) {
            problems.add(new Problem(kind.value().location(), "kind", "\"" + kindName + "\" is not one of "
                    + String.join(", ", names) + DidYouMean.suffix(kindName, names)));
            return Optional.empty();
        }
        if (expected.isPresent() && expected.get() != found.get()) {
            problems.add(new Problem(kind.value().location(), "kind", "this file's place in the repository holds a "
                    + expected.get().yamlName() + ", not a " + found.get().yamlName()));
            return Optional.empty();
        }
        return found;
    }
}
