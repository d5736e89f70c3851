package dev.outpost.stack.docker.pull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Pull messages as the engine sends them, one JSON object a line, decoded with the Jackson 2 mapper
 * docker-java itself uses. The fixtures under this package's resources were recorded from Docker 20.10
 * pulling from a local registry (registry address rewritten to 127.0.0.1:5000), except {@code no-sizes} and
 * {@code retry}, written after the engine's format for a registry that sends no Content-Length and for a
 * dropped connection.
 */
final class PullMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PullMessages() {
    }

    static List<PullResponseItem> fixture(String name) {
        try (InputStream in = PullMessages.class.getResourceAsStream(name + ".ndjson")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = PullMessages.class.getResourceAsStream(name + ".ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PullResponseItem> lines(String ndjson) {
        return ndjson.lines().filter(l -> !l.isBlank()).map(PullMessages::item).toList();
    }

    static PullResponseItem item(String json) {
        try {
            return JSON.readValue(json, PullResponseItem.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
