package org.spectlab.core.error;

/**
 * Bad input from the user: a malformed file, an unknown name, a value out of range.
 *
 * <p>The message is meant to be shown as is, on one line, and says what was wrong, where (file and
 * field when known) and what is allowed. The command line maps this exception to exit code 2 and
 * prints no stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: what was wrong, where, and what is allowed */
    public InputException(String message) {
        super(message);
    }

    /**
     * @param message one line: what was wrong, where, and what is allowed
     * @param cause   the underlying failure (kept for debugging, never printed to the user)
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An error about one named field.
     *
     * @param field   the field, key or argument name as the user wrote it (e.g. {@code "matrix size [1]"})
     * @param problem what is wrong with it and what is allowed
     * @return the exception, ready to throw
     */
    public static InputException field(String field, String problem) {
        return new InputException("'" + field + "': " + problem);
    }
}
