package dev.outpost.stack.cluster.fake;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * k3d's logrus output: INFO on stdout, WARN/ERRO/FATA on stderr; the forced-colour form
 * {@code \e[36mINFO\e[0m[0003] msg} unless {@code LOG_COLORS=false}, then logrus' key=value form
 * {@code time="..." level=info msg="..."}. FATA exits 1 (see {@link Fatal}).
 */
final class K3dLog {
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);
    private final boolean colors;
    private final long start = System.nanoTime();

    K3dLog(FakeEnvironment env) {
        this.colors = !"false".equalsIgnoreCase(env.get("LOG_COLORS").orElse("true"));
    }

    /** A fatal log line has been printed: exit 1. */
    static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }

    void info(String msg) {
        line(out, "INFO", "info", 36, msg);
    }

    void warn(String msg) {
        line(err, "WARN", "warning", 33, msg);
    }

    void error(String msg) {
        line(err, "ERRO", "error", 31, msg);
    }

    Fatal fatal(String msg) {
        line(err, "FATA", "fatal", 31, msg);
        return new Fatal(msg);
    }

    /** Plain program output (tables, YAML, hints). */
    void print(String s) {
        out.print(s);
        out.flush();
    }

    private void line(PrintStream to, String level4, String level, int color, String msg) {
        if (colors) {
            long secs = (System.nanoTime() - start) / 1_000_000_000L;
            String m = msg.endsWith("\n") ? msg.substring(0, msg.length() - 1) : msg;
            to.print(String.format("\u001b[%dm%s\u001b[0m[%04d] %-44s \n", color, level4, secs, m));
        } else {
            String time = OffsetDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            to.print("time=\"" + time + "\" level=" + level + " msg=" + quoteIfNeeded(msg) + "\n");
        }
        to.flush();
    }

    /** logrus quotes a value (Go %q) unless it is made only of [A-Za-z0-9-._/@^+]. */
    static String quoteIfNeeded(String v) {
        if (!v.isEmpty() && v.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || "-._/@^+".indexOf(c) >= 0)) {
            return v;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
