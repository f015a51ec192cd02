package io.daybreak.ide.parts;

/** Event topics the parts talk through (the e4 event broker), so no part holds another. */
final class Topics {
    /** Data: the selected method id. */
    static final String METHOD_SELECTED = "io/daybreak/ide/method/selected";
    /** Data: a {@link ShownResult}. */
    static final String RESULT = "io/daybreak/ide/run/result";

    private Topics() {
    }
}
