package dev.outpost.profiles.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (Levenshtein distance, case-insensitive). */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static Optional<String> closest(String input, Collection<String> known) {
        String in = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, in.length() / 3);
        return known.stream()
                .filter(k -> distance(in, k.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt(k -> distance(in, k.toLowerCase(Locale.ROOT))));
    }

    public static String suffix(String input, Collection<String> known) {
        return closest(input, known).map(k -> " (did you mean \"" + k + "\"?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
