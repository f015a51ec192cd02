package io.daybreak.stats.biomarker.subgroup;

/**
 * One condition of a subgroup rule: marker {@code feature} at least {@code cut} ({@code atLeast}) or below it, the
 * convention of rpart ({@code x < c} left, {@code x >= c} right).
 */
public record Condition(int feature, double cut, boolean atLeast) {
    /** Whether value {@code v} satisfies the condition (a missing value never does). */
    public boolean test(double v) {
        return atLeast ? v >= cut : v < cut;
    }

    /** Whether patient {@code i} (x column-major: x[feature][patient]) satisfies every condition. */
    public static boolean all(Iterable<Condition> rule, double[][] x, int i) {
        for (Condition c : rule) {
            if (!c.test(x[c.feature()][i])) {
                return false;
            }
        }
        return true;
    }
}
