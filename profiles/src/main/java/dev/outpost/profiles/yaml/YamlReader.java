package dev.outpost.profiles.yaml;

import dev.outpost.profiles.yaml.YamlNode.Entry;
import dev.outpost.profiles.yaml.YamlNode.Mapping;
import dev.outpost.profiles.yaml.YamlNode.Scalar;
import dev.outpost.profiles.yaml.YamlNode.ScalarType;
import dev.outpost.profiles.yaml.YamlNode.Sequence;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads one YAML document into a {@link YamlNode} tree from the parser's events, so that nothing
 * is lost on the way: positions, duplicate keys (which a map-based loader silently collapses), and
 * anchors/aliases, which profiles have no use for and which make "billion laughs" documents
 * possible, so they are refused outright.
 */
public final class YamlReader {
    /** Profiles and catalog entries are a few KiB; anything this large is a mistake or an attack. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_DEPTH = 64;

    private final ScalarResolver resolver = new CoreScalarResolver(false);

    /** The tree, or the problems that stopped it from being read. */
    public record Result(Optional<YamlNode> root, List<YamlProblem> problems) {
    }

    public Result read(String file, byte[] content) {
        if (content.length > MAX_BYTES) {
            return fail(Location.file(file), "file is " + content.length + " bytes; the limit is " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return fail(Location.file(file), "file is not valid UTF-8");
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(0).setCodePointLimit(MAX_BYTES).build();
        List<YamlProblem> problems = new ArrayList<>();
        try {
            Iterator<Event> events = new Parse(settings).parseString(text).iterator();
            Builder b = new Builder(file, events, problems);
            Optional<YamlNode> root = b.document();
            return new Result(problems.isEmpty() ? root : Optional.empty(), problems);
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().or(e::getContextMark).map(m -> at(file, m)).orElse(Location.file(file));
            return fail(at, "YAML syntax error: " + e.getProblem());
        } catch (YamlEngineException e) {
            return fail(Location.file(file), "YAML error: " + e.getMessage());
        }
    }

    private static Result fail(Location at, String message) {
        return new Result(Optional.empty(), List.of(new YamlProblem(at, message)));
    }

    private static Location at(String file, Mark m) {
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private final class Builder {
        private final String file;
        private final Iterator<Event> events;
        private final List<YamlProblem> problems;

        Builder(String file, Iterator<Event> events, List<YamlProblem> problems) {
            this.file = file;
            this.events = events;
            this.problems = problems;
        }

        Optional<YamlNode> document() {
            YamlNode root = null;
            int documents = 0;
            while (events.hasNext()) {
                Event e = events.next();
                switch (e.getEventId()) {
                    case DocumentStart -> {
                        documents++;
                        if (documents > 1) {
                            problems.add(new YamlProblem(loc(e), "a file holds one document; found a second one"));
                            return Optional.empty();
                        }
                        root = node(events.next(), 0);
                    }
                    default -> {
                        // StreamStart, DocumentEnd, StreamEnd
                    }
                }
            }
            if (root == null && problems.isEmpty()) {
                problems.add(new YamlProblem(Location.file(file), "file is empty"));
            }
            return Optional.ofNullable(root);
        }

        private Location loc(Event e) {
            return e.getStartMark().map(m -> at(file, m)).orElse(Location.file(file));
        }

        private YamlNode node(Event e, int depth) {
            if (depth > MAX_DEPTH) {
                throw new YamlEngineException("nesting deeper than " + MAX_DEPTH + " levels");
            }
            if (e instanceof AliasEvent) {
                problems.add(new YamlProblem(loc(e), "YAML aliases (*name) are not allowed in Outpost files"));
                return new Scalar("", ScalarType.NULL, loc(e));
            }
            if (e instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
                problems.add(new YamlProblem(loc(e), "YAML anchors (&name) are not allowed in Outpost files"));
            }
            return switch (e) {
                case ScalarEvent s -> new Scalar(s.getValue(), type(s), loc(e));
                case SequenceStartEvent ignored -> sequence(loc(e), depth);
                case MappingStartEvent ignored -> mapping(loc(e), depth);
                default -> throw new YamlEngineException("unexpected " + e.getEventId());
            };
        }

        private Sequence sequence(Location at, int depth) {
            List<YamlNode> items = new ArrayList<>();
            for (Event e = events.next(); e.getEventId() != Event.ID.SequenceEnd; e = events.next()) {
                items.add(node(e, depth + 1));
            }
            return new Sequence(items, at);
        }

        private Mapping mapping(Location at, int depth) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Event k = events.next(); k.getEventId() != Event.ID.MappingEnd; k = events.next()) {
                Location keyAt = loc(k);
                YamlNode key = node(k, depth + 1);
                YamlNode value = node(events.next(), depth + 1);
                if (!(key instanceof Scalar ks) || ks.type() == ScalarType.NULL) {
                    problems.add(new YamlProblem(keyAt, "keys must be plain names, not " + key.describe()));
                    continue;
                }
                Entry previous = entries.get(ks.text());
                if (previous != null) {
                    problems.add(new YamlProblem(keyAt, "duplicate key \"" + ks.text() + "\" (first at line "
                            + previous.keyLocation().line() + ")"));
                    continue;
                }
                entries.put(ks.text(), new Entry(ks.text(), keyAt, value));
            }
            return new Mapping(entries, at);
        }

        private ScalarType type(ScalarEvent s) {
            if (!s.isPlain()) {
                return ScalarType.STRING;
            }
            Tag tag = resolver.resolve(s.getValue(), s.getImplicit().canOmitTagInPlainScalar());
            if (Tag.INT.equals(tag)) {
                return ScalarType.INT;
            }
            if (Tag.FLOAT.equals(tag)) {
                return ScalarType.FLOAT;
            }
            if (Tag.BOOL.equals(tag)) {
                return ScalarType.BOOL;
            }
            if (Tag.NULL.equals(tag)) {
                return ScalarType.NULL;
            }
            return ScalarType.STRING;
        }
    }
}
