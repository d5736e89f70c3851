package dev.outpost.stack.catalog;

import java.util.regex.Pattern;

/** Writes a new profile as the YAML a person would write: short, ordered, no needless quotes. */
final class ProfileYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/-]*");

    private ProfileYaml() {
    }

    static String render(NewProfile p) {
        StringBuilder b = new StringBuilder();
        b.append("apiVersion: outpost.dev/v1\nkind: Profile\nmetadata:\n");
        b.append("  name: ").append(p.name()).append('\n');
        if (p.description() != null && !p.description().isBlank()) {
            b.append("  description: ").append(scalar(p.description())).append('\n');
        }
        if (p.owner() != null && !p.owner().isBlank()) {
            b.append("  owner: ").append(scalar(p.owner())).append('\n');
        }
        b.append("spec:\n");
        if (p.runtime() != null) {
            b.append("  runtime: ").append(p.runtime().id()).append('\n');
        }
        b.append("  services:\n");
        for (String s : p.services()) {
            int colon = s.indexOf(':');
            String use = colon < 0 ? s : s.substring(0, colon);
            b.append("    - use: ").append(scalar(use)).append('\n');
            if (colon >= 0) {
                b.append("      version: ").append(quoted(s.substring(colon + 1))).append('\n');
            }
        }
        return b.toString();
    }

    private static String scalar(String s) {
        boolean keyword = s.matches("(?i)true|false|yes|no|null|on|off|~");
        return PLAIN.matcher(s).matches() && !keyword && !s.endsWith(" ") ? s : quoted(s);
    }

    /** Always quoted: versions like 16 or 7.4 must stay text. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
