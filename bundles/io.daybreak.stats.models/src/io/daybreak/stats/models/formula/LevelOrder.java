package io.daybreak.stats.models.formula;

import java.util.Comparator;

/**
 * The order R gives factor levels. Numbers sort by value. Text sorts as R's {@code sort()} does in its default ICU
 * collation on Linux (R 4.2, locale C.UTF-8 or en_US.UTF-8): first by letters regardless of case, with spaces and
 * punctuation before digits and digits before letters; at equal letters the lower-case form comes first; last, by
 * code point. So {@code a < A < a b < ab < b < B < Z}. ICU orders punctuation marks among themselves by its own
 * table, not by code point; only levels that differ in nothing but their punctuation can come out differently.
 */
public final class LevelOrder {
    /** Text levels in R's order. */
    public static final Comparator<String> TEXT = LevelOrder::compareText;
    /** Numeric levels (written as {@link Levels#label(double)} writes them) by value. */
    public static final Comparator<String> NUMBERS = Comparator.comparingDouble(Double::parseDouble);

    private LevelOrder() {
    }

    private static int compareText(String a, String b) {
        int primary = compareKeys(a, b, true);
        if (primary != 0) {
            return primary;
        }
        int tertiary = compareKeys(a, b, false);
        return tertiary != 0 ? tertiary : a.compareTo(b);
    }

    /** Character by character: by class and letter (primary), then lower case before upper case (tertiary). */
    private static int compareKeys(String a, String b, boolean primary) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            int difference = primary ? Integer.compare(primaryKey(x), primaryKey(y))
                    : Integer.compare(caseKey(x), caseKey(y));
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int primaryKey(char c) {
        if (Character.isLetter(c)) {
            return 0x20000 + Character.toLowerCase(c);
        }
        if (Character.isDigit(c)) {
            return 0x10000 + c;
        }
        return c;
    }

    private static int caseKey(char c) {
        return Character.isUpperCase(c) ? 1 : 0;
    }
}
