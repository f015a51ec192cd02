package io.daybreak.data;

/**
 * The caller supplied something unusable: a malformed file, an unknown column, a parameter out of range.
 * The message names the problem and what would have been accepted. Front ends map this exception to
 * "bad input" (exit code 2 on the console), every other exception to "failure".
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
