package org.quorumlab.engine.storage;

/**
 * Unchecked failure of durable storage: an I/O error, a corrupt or foreign file, a schema written by a newer
 * version. The message names the file involved when there is one. After a {@code StorageException} from a write,
 * the caller must assume nothing about whether the write happened except that it was not acknowledged.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
