package dev.outpost.stack.cluster;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code kind version} reports: {@code kind v0.32.0 go1.24.2 linux/amd64}.
 *
 * @param version   without the leading {@code v}, as {@code kind version -q} prints it ({@code 0.32.0},
 *                  or {@code 0.33.0-alpha.12+abcdef01234567} for a dev build)
 * @param goVersion the Go runtime kind was built with, e.g. {@code go1.24.2}
 * @param os        GOOS, e.g. {@code linux}
 * @param arch      GOARCH, e.g. {@code amd64}
 */
public record KindVersion(String version, String goVersion, String os, String arch) {
    private static final Pattern LINE = Pattern.compile("kind v(\\S+) (go\\S+) ([^/\\s]+)/(\\S+)");
    private static final String EXPECTED = "\"kind v<version> go<version> <os>/<arch>\"";

    public static KindVersion parse(String stdout) {
        String line = firstLine(stdout);
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new UnexpectedOutputException("kind version", EXPECTED, stdout);
        }
        return new KindVersion(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /** {@code os/arch}, as kind prints it. */
    public String platform() {
        return os + "/" + arch;
    }

    /** Pre-release builds ({@code -alpha}, {@code -rc}) carry a suffix after the numeric version. */
    public boolean prerelease() {
        return version.contains("-");
    }

    private static String firstLine(String stdout) {
        if (stdout == null) {
            return "";
        }
        return stdout.strip().lines().findFirst().orElse("").strip();
    }
}
