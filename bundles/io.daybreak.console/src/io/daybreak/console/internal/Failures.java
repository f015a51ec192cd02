package io.daybreak.console.internal;

import io.daybreak.data.InvalidInputException;

/**
 * How a failed command is reported: exit code 2 and kind {@code bad-input} when the cause chain contains
 * an {@link InvalidInputException} (the user can fix the command), else 1 and {@code failure}.
 */
final class Failures {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private Failures() {
    }

    static int exitCode(Throwable failure) {
        return badInput(failure) != null ? BAD_INPUT : FAILURE;
    }

    static String kind(Throwable failure) {
        return exitCode(failure) == BAD_INPUT ? "bad-input" : "failure";
    }

    /** One line: the bad-input message if there is one, else the outermost message. */
    static String message(Throwable failure) {
        Throwable bad = badInput(failure);
        Throwable chosen = bad != null ? bad : failure;
        String message = chosen.getMessage() != null ? chosen.getMessage() : chosen.getClass().getName();
        return message.replace('\n', ' ');
    }

    private static Throwable badInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException
                    || t.getClass().getName().equals("org.apache.felix.gogo.runtime.CommandNotFoundException")) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
