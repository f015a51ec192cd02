package io.daybreak.ide.views;

import java.util.List;
import java.util.stream.Collectors;

import io.daybreak.data.NumberText;

/** Numbers and lists as the IDE shows them: six significant digits, whole numbers without a decimal point. */
final class Values {
    private Values() {
    }

    static String text(Object value) {
        if (value instanceof Double d) {
            return NumberText.compact(d);
        }
        if (value instanceof double[] array) {
            return text(java.util.Arrays.stream(array).boxed().toList());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
