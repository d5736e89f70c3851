package dev.outpost.profiles.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{...}}} placeholders of images, env values and connection templates. */
public final class Placeholders {
    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)(?::([A-Za-z0-9_.-]+))?\\s*}}");

    private Placeholders() {
    }

    /** A placeholder: its kind ({@code secret}, {@code port}, ...) and argument (may be null). */
    public record Placeholder(String kind, String argument, String text) {
    }

    public static List<Placeholder> in(String s) {
        List<Placeholder> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        Matcher m = PATTERN.matcher(s);
        while (m.find()) {
            out.add(new Placeholder(m.group(1), m.group(2), m.group()));
        }
        return out;
    }
}
