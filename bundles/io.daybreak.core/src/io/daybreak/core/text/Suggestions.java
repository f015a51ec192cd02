package io.daybreak.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * "Did you mean" for a name that matched nothing: the known names closest to it, if any is close enough to be
 * a likely typo.
 *
 * <p>The distance is the optimal-string-alignment form of the Damerau–Levenshtein distance (insertion, deletion,
 * substitution and transposition of two adjacent characters each cost 1), because the typos people make at a
 * prompt are mostly one of these (rnu, targt, design.bion). It is written here rather than taken from a library:
 * no string-distance library is in the target platform (Apache Commons Text is not), and this is thirty lines.
 * Case is ignored, so {@code aval} finds {@code AVAL}.
 *
 * <p>A name is suggested only when its distance is small relative to the typed name (at most 1 for up to four
 * characters, 2 up to seven, 3 beyond), so a short unrelated word gets no suggestion rather than a wrong one.
 * A dotted id also matches by its last part: {@code boin} finds {@code design.boin}. Stateless and thread-safe.
 */
public final class Suggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {
    }

    /** The closest candidates within the allowed distance, best first (ties in alphabetical order); may be empty. */
    public static List<String> closest(String typed, Collection<String> candidates) {
        if (typed == null || typed.isEmpty()) {
            return List.of();
        }
        String wanted = typed.toLowerCase(Locale.ROOT);
        int limit = limit(wanted.length());
        int best = Integer.MAX_VALUE;
        TreeSet<String> winners = new TreeSet<>();
        for (String candidate : new TreeSet<>(candidates)) {
            if (candidate.equals(typed)) {
                continue;
            }
            int d = score(wanted, candidate.toLowerCase(Locale.ROOT));
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                winners.clear();
            }
            winners.add(candidate);
        }
        return new ArrayList<>(winners).subList(0, Math.min(MAX_SUGGESTIONS, winners.size()));
    }

    /**
     * The words to append to a message about {@code typed}: {@code "did you mean 'run'?"} (or {@code 'a' or 'b'}),
     * or the empty string when nothing is close.
     */
    public static String didYouMean(String typed, Collection<String> candidates) {
        List<String> close = closest(typed, candidates);
        if (close.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("did you mean ");
        for (int i = 0; i < close.size(); i++) {
            if (i > 0) {
                text.append(i == close.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(close.get(i)).append('\'');
        }
        return text.append('?').toString();
    }

    /** Optimal-string-alignment distance between two strings (case-sensitive). */
    public static int distance(CharSequence a, CharSequence b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return d[n][m];
    }

    /** The distance to a candidate, or to its last dotted part when the typed name has no dot of its own. */
    private static int score(String typed, String candidate) {
        int whole = distance(typed, candidate);
        int dot = candidate.lastIndexOf('.');
        if (dot < 0 || typed.indexOf('.') >= 0) {
            return whole;
        }
        return Math.min(whole, distance(typed, candidate.substring(dot + 1)));
    }

    private static int limit(int length) {
        return length <= 4 ? 1 : length <= 7 ? 2 : 3;
    }
}
