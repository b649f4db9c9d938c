package org.quorumlab.engine.proto;

/**
 * Bytes that cannot be a valid Jute record: too short, or a length prefix that is negative
 * (other than -1 for null) or larger than the bytes left. The connection that sent them should be closed.
 */
public final class MalformedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }
}
