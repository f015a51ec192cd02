package io.daybreak.ide.parts;

import io.daybreak.core.jobs.RunResult;

/** A finished run handed to the results part, which takes ownership of (and closes) the result. */
record ShownResult(String title, RunResult result) {
}
