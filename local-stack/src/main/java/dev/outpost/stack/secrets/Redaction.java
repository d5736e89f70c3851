package dev.outpost.stack.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for logs, exceptions and the UI: URL user-info, bearer and basic
 * authorisation values, and {@code key=value} pairs whose key names a secret. A last line of
 * defence: code should not put secrets into messages in the first place.
 */
public final class Redaction {
    public static final String MASK = "***";

    private static final List<Rule> RULES = List.of(
            // scheme://user:password@host (the user may be empty, as in redis://:secret@host)  ->  scheme://***@host
            new Rule(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s:@]*(:[^/\\s@]*)?@"), "$1" + MASK + "@"),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}"), "$1 " + MASK),
            new Rule(Pattern.compile(
                    "(?i)\\b([a-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|credential)s?"
                            + "[\"']?\\s*[=:]\\s*[\"']?)([^\\s\"',;&}]+)"),
                    "$1" + MASK));

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            out = r.apply(out);
        }
        return out;
    }

    private record Rule(Pattern pattern, String replacement) {
        String apply(String s) {
            Matcher m = pattern.matcher(s);
            return m.find() ? m.replaceAll(replacement) : s;
        }
    }
}
