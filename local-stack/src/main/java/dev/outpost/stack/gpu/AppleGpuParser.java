package dev.outpost.stack.gpu;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code system_profiler -json SPDisplaysDataType} and {@code sysctl -n hw.memsize}. Apple
 * publishes no schema for the former: keys are taken from captured output, every value is a string,
 * and entries without {@code sppci_model} (virtual displays) are skipped.
 */
public final class AppleGpuParser {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PROFILER = "system_profiler -json SPDisplaysDataType";

    private AppleGpuParser() {
    }

    /**
     * One graphics processor macOS lists.
     *
     * @param model  e.g. {@code Apple M3 Max} or {@code AMD Radeon Pro 5500M}
     * @param vendor macOS's vendor key, e.g. {@code sppci_vendor_Apple}
     * @param cores  GPU cores, reported for Apple Silicon
     */
    public record DisplayGpu(String model, Optional<String> vendor, OptionalInt cores) {
        /** Apple's own GPUs share the machine's memory and are what Ollama accelerates with Metal. */
        public boolean appleSilicon() {
            return model.startsWith("Apple ") || vendor.filter("sppci_vendor_Apple"::equals).isPresent();
        }
    }

    public static List<DisplayGpu> parseDisplays(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new UnexpectedOutputException(PROFILER, "a JSON object", json, e);
        }
        JsonNode list = root == null ? null : root.get("SPDisplaysDataType");
        if (list == null || !list.isArray()) {
            throw new UnexpectedOutputException(PROFILER, "a JSON object with an SPDisplaysDataType array", json);
        }
        List<DisplayGpu> gpus = new ArrayList<>();
        for (JsonNode entry : list) {
            string(entry, "sppci_model").ifPresent(model ->
                    gpus.add(new DisplayGpu(model, string(entry, "spdisplays_vendor"), cores(entry))));
        }
        return List.copyOf(gpus);
    }

    /** The machine's physical memory in bytes, from {@code sysctl -n hw.memsize}. */
    public static long parseMemsize(String stdout) {
        String s = stdout == null ? "" : stdout.strip();
        try {
            long bytes = Long.parseLong(s);
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UnexpectedOutputException("sysctl -n hw.memsize", "a positive number of bytes", stdout);
    }

    private static OptionalInt cores(JsonNode entry) {
        // Optional detail: a missing or odd value must not hide the GPU itself.
        try {
            return string(entry, "sppci_cores").map(c -> OptionalInt.of(Integer.parseInt(c))).orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<String> string(JsonNode entry, String field) {
        JsonNode n = entry.get(field);
        if (n == null || !n.isString() || n.asString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(n.asString().strip());
    }
}
