package io.authd.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a typo, by edit distance ignoring case. */
final class Spelling {
    /** Further than this, a suggestion is more likely to mislead than to help. */
    private static final int MAX_DISTANCE = 2;

    private Spelling() {
    }

    private static Optional<String> closest(String typo, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(typo, k) <= MAX_DISTANCE)
                .min(Comparator.comparingInt(k -> distance(typo, k)));
    }

    /** " (did you mean 'x'?)", or nothing. */
    static String suggestion(String typo, Collection<String> known) {
        return closest(typo, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    /** Levenshtein distance of the lower-cased strings. */
    private static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }
}
