package dev.outpost.stack.cluster.k3d;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logrus line from k3d, in either form it prints: {@code INFO[0003] Starting cluster 'dev'} (forced
 * colours, the default, ANSI already removed) or {@code time="…" level=info msg="Starting cluster 'dev'"}
 * (with {@code LOG_COLORS=false}, which Outpost sets).
 */
public record K3dLogLine(String level, String message) {
    private static final Pattern TEXT = Pattern.compile("^(INFO|WARN|ERRO|FATA|DEBU|TRAC|PANI)\\[[^\\]]*\\]\\s*(.*?)\\s*$");
    private static final Pattern KEY_VALUE = Pattern.compile("level=(\\w+)\\s+msg=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    public static Optional<K3dLogLine> parse(String line) {
        Matcher m = TEXT.matcher(line);
        if (m.matches()) {
            return Optional.of(new K3dLogLine(normalise(m.group(1)), m.group(2)));
        }
        m = KEY_VALUE.matcher(line);
        if (m.find()) {
            String msg = m.group(2);
            if (msg.startsWith("\"")) {
                msg = msg.substring(1, msg.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            return Optional.of(new K3dLogLine(normalise(m.group(1)), msg));
        }
        return Optional.empty();
    }

    private static String normalise(String level) {
        return switch (level.toLowerCase(java.util.Locale.ROOT)) {
            case "info" -> "info";
            case "warn", "warning" -> "warning";
            case "erro", "error" -> "error";
            case "fata", "fatal" -> "fatal";
            case "pani", "panic" -> "panic";
            default -> "debug";
        };
    }

    public boolean isError() {
        return level.equals("error") || level.equals("fatal") || level.equals("panic");
    }
}
