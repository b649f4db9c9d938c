package org.quorumlab.engine.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a snapshot's bytes into the stream {@link SnapshotStore#save} hands it. The stream passes each full
 * chunk to the store while writing goes on, so the content never needs to exist as one array.
 */
@FunctionalInterface
public interface SnapshotContent {

    /**
     * Writes every byte of the snapshot to {@code out}. Must not close or keep {@code out}. Any exception aborts
     * the save: nothing of it becomes visible.
     */
    void writeTo(OutputStream out) throws IOException;
}
