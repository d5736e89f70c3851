package dev.outpost.stack.gpu;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the output of {@code nvidia-smi --query-gpu=<FIELDS> --format=csv,noheader,nounits}: one line
 * per GPU, values separated by {@code ", "}.
 *
 * <p>A value in brackets ({@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]},
 * {@code [Insufficient Permissions]}, {@code [GPU is lost]}, ...) means the driver could not give it;
 * it becomes an empty value and never fails the line. Anything else that does not fit (a wrong number
 * of fields, a unit suffix, text where a number belongs) is an {@link UnexpectedOutputException}.
 */
public final class NvidiaSmiCsvParser {
    /** The fields queried, in the order they are printed. */
    public static final List<String> FIELDS = List.of("index", "name", "uuid", "memory.total", "memory.used",
            "memory.free", "utilization.gpu", "temperature.gpu", "power.draw", "driver_version");

    private static final String SOURCE = "nvidia-smi --query-gpu";
    private static final String SEPARATOR = ", ";

    private NvidiaSmiCsvParser() {
    }

    public static List<GpuInfo> parse(String stdout) {
        List<GpuInfo> gpus = new ArrayList<>();
        for (String line : (stdout == null ? "" : stdout).lines().map(String::strip).toList()) {
            if (!line.isEmpty()) {
                gpus.add(parseLine(line, gpus.size()));
            }
        }
        return List.copyOf(gpus);
    }

    /** @param ordinal the line's position, used as the index when the driver does not print one */
    static GpuInfo parseLine(String line, int ordinal) {
        String[] parts = line.split(SEPARATOR, -1);
        if (parts.length < FIELDS.size()) {
            throw new UnexpectedOutputException(SOURCE, FIELDS.size() + " comma-separated values ("
                    + String.join(", ", FIELDS) + ")", line);
        }
        // Only the product name is free text; should one ever contain ", ", it absorbs the surplus parts.
        int extra = parts.length - FIELDS.size();
        String name = String.join(SEPARATOR, Arrays.copyOfRange(parts, 1, 2 + extra));
        String[] v = new String[FIELDS.size()];
        v[0] = parts[0];
        v[1] = name;
        System.arraycopy(parts, 2 + extra, v, 2, FIELDS.size() - 2);

        Row row = new Row(line, v);
        return new GpuInfo(
                row.integer(0).orElse(ordinal),
                row.text(1),
                row.text(2),
                row.longValue(3),
                row.longValue(4),
                row.longValue(5),
                row.integer(6),
                row.integer(7),
                row.decimal(8),
                row.text(9));
    }

    private record Row(String line, String[] values) {
        Optional<String> text(int i) {
            String s = values[i].strip();
            return absent(s) ? Optional.empty() : Optional.of(s);
        }

        OptionalLong longValue(int i) {
            Optional<String> s = text(i);
            if (s.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(s.get()));
            } catch (NumberFormatException e) {
                throw notANumber(i, e);
            }
        }

        OptionalInt integer(int i) {
            Optional<String> s = text(i);
            if (s.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(s.get()));
            } catch (NumberFormatException e) {
                throw notANumber(i, e);
            }
        }

        OptionalDouble decimal(int i) {
            Optional<String> s = text(i);
            if (s.isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                return OptionalDouble.of(Double.parseDouble(s.get()));
            } catch (NumberFormatException e) {
                throw notANumber(i, e);
            }
        }

        private UnexpectedOutputException notANumber(int i, NumberFormatException e) {
            return new UnexpectedOutputException(SOURCE, "a plain number for " + FIELDS.get(i)
                    + " (was --format=nounits dropped?)", line, e);
        }
    }

    /** Bracketed placeholders, and the bare {@code N/A} the man page documents. */
    private static boolean absent(String s) {
        return s.isEmpty() || s.equals("N/A") || (s.startsWith("[") && s.endsWith("]"));
    }
}
