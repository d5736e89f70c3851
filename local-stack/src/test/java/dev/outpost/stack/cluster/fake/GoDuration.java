package dev.outpost.stack.cluster.fake;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration and Duration.String, which both tools use for --wait / --timeout. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    static Duration parse(String s) {
        String orig = s;
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + orig + "\"");
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        double nanos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                boolean hasUnit = s.chars().anyMatch(Character::isLetter);
                throw new IllegalArgumentException(hasUnit
                        ? "time: invalid duration \"" + orig + "\""
                        : "time: missing unit in duration \"" + orig + "\"");
            }
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            pos = m.end();
        }
        Duration d = Duration.ofNanos((long) nanos);
        return negative ? d.negated() : d;
    }

    /** Go's Duration.String for whole seconds: "0s", "30s", "2m0s", "1h0m0s". */
    static String format(Duration d) {
        long secs = Math.round(d.toMillis() / 1000.0);
        if (secs == 0) {
            return "0s";
        }
        long h = secs / 3600;
        long m = (secs % 3600) / 60;
        long s = secs % 60;
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        if (m > 0) {
            return m + "m" + s + "s";
        }
        return s + "s";
    }
}
