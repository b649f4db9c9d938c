package org.quorumlab.launcher;

/** A launcher operation that cannot be done; the message is one line a user can act on. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
