package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends one JSON line per fake invocation: {@code {"tool":"kind","argv":[...],"config":"<content or null>"}}.
 * Concurrent invocations serialise on a file lock so lines never interleave.
 */
final class InvocationLog {
    private InvocationLog() {
    }

    static void append(FakeEnvironment env, String tool, List<String> argv, String configContent) {
        env.invocationLog().ifPresent(path -> write(path, tool, argv, configContent));
    }

    private static void write(Path path, String tool, List<String> argv, String config) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("tool", tool);
        line.put("argv", argv);
        line.put("config", config);
        byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = ch.lock()) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
            }
        } catch (IOException e) {
            System.err.println("fake: cannot write invocation log " + path + ": " + e.getMessage());
        }
    }
}
