package dev.outpost.stack.cluster;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code k3d version} reports:
 * <pre>
 * k3d version v5.9.0
 * k3s version v1.33.1-k3s1 (default)
 * </pre>
 * Versions keep their {@code v}, as k3d prints them and as image tags use them.
 *
 * @param version           k3d's own version, e.g. {@code v5.9.0} or {@code v5-dev}
 * @param defaultK3sVersion the k3s version k3d uses when none is asked for; empty when the line is absent
 */
public record K3dVersion(String version, Optional<String> defaultK3sVersion) {
    private static final Pattern K3D = Pattern.compile("k3d version (\\S+)");
    private static final Pattern K3S = Pattern.compile("k3s version (\\S+)(?: \\(default\\))?");
    private static final String EXPECTED = "\"k3d version v<version>\" then \"k3s version v<version> (default)\"";

    public static K3dVersion parse(String stdout) {
        List<String> lines = stdout == null ? List.of()
                : stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Matcher k3d = lines.isEmpty() ? null : K3D.matcher(lines.getFirst());
        if (k3d == null || !k3d.matches()) {
            throw new UnexpectedOutputException("k3d version", EXPECTED, stdout);
        }
        Optional<String> k3s = Optional.empty();
        if (lines.size() > 1) {
            Matcher m = K3S.matcher(lines.get(1));
            if (!m.matches()) {
                throw new UnexpectedOutputException("k3d version", EXPECTED, stdout);
            }
            k3s = Optional.of(m.group(1));
        }
        return new K3dVersion(k3d.group(1), k3s);
    }

    /** Builds from a source checkout report {@code v5-dev} instead of a release tag. */
    public boolean devBuild() {
        return version.endsWith("-dev");
    }
}
