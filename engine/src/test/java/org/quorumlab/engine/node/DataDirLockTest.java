package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.storage.StorageException;

/** One server per data directory: a second one is refused by name, and closing the first frees it. */
class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        try (QuorumLabServer first = QuorumLabServer.start(ServerConfig.standalone(0, dir))) {
            assertThatThrownBy(() -> QuorumLabServer.start(ServerConfig.standalone(0, dir)))
                    .isInstanceOf(StorageException.class)
                    .hasMessage(dir.toAbsolutePath() + " is in use by process " + ProcessHandle.current().pid()
                            + " (server 1)");
            assertThat(DataDirLock.tryAcquire(dir, "restore")).isEmpty();
            assertThat(first.fourLetterWord("srvr")).contains("Mode: standalone");
        }
        try (QuorumLabServer again = QuorumLabServer.start(ServerConfig.standalone(0, dir))) {
            assertThat(again.fourLetterWord("srvr")).contains("Mode: standalone");
        }
    }

    @Test
    void closingTwiceIsHarmlessAndReleasesTheLock() {
        DataDirLock lock = DataDirLock.acquire(dir, "test");
        lock.close();
        lock.close();
        DataDirLock.acquire(dir, "again").close();
    }
}
