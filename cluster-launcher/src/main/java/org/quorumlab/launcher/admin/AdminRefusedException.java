package org.quorumlab.launcher.admin;

import java.io.IOException;

/** A node's admin API refused a request for its credentials: 401 (token missing or wrong) or 403 (origin). */
public final class AdminRefusedException extends IOException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public AdminRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, 401 or 403. */
    public int status() {
        return status;
    }
}
