package org.quorumlab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the storage contract against {@link InMemoryStorage}; a restart reuses the same object. */
class InMemoryStorageTest extends StorageContractTest {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final InMemoryStorage disk = new InMemoryStorage(CHUNK_BYTES);

    @Override
    protected Storage open() {
        return disk;
    }

    @Override
    protected int chunkBytes() {
        return CHUNK_BYTES;
    }

    @Override
    protected void corruptChunk(long zxid, int index) {
        disk.snapshots().corruptChunk(zxid, index);
    }

    @Test
    void callersCannotAlterWrittenData() {
        byte[] payload = {1, 2, 3};
        storage.txnLog().append(List.of(new LogEntry(1, payload)));
        payload[0] = 9;
        storage.txnLog().readAfter(0, 1).get(0).payload()[1] = 9;

        assertThat(storage.txnLog().readAfter(0, 1)).containsExactly(new LogEntry(1, new byte[] {1, 2, 3}));
    }
}
