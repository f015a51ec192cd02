package io.daybreak.ide.parts;

/** Event topics the parts talk through (the e4 event broker), so no part holds another. */
final class Topics {
    /** Data: the selected method id. */
    static final String METHOD_SELECTED = "io/daybreak/ide/method/selected";
    /** Data: a {@link io.daybreak.core.jobs.Job} submitted elsewhere (a re-run) for the run panel to follow. */
    static final String JOB_SUBMITTED = "io/daybreak/ide/run/submitted";
    /** Data: a {@link ShownResult}. */
    static final String RESULT = "io/daybreak/ide/run/result";

    private Topics() {
    }
}
