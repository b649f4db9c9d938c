package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.snapshot.SchemaOneSnapshots;
import org.quorumlab.engine.snapshot.TreeHistory;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.storage.sqlite.SchemaOneDatabase;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeImage;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.LoggerFactory;

/**
 * Recovery from chunked snapshots in a real SQLite data directory, written the way the server writes them: a
 * snapshot every {@value #INTERVAL} txns, each followed by a purge keeping {@value #KEPT} snapshots
 * ({@link SnapshotRetention}, as an {@link Autopurge} does) and the log purge it allows.
 */
class SnapshotRecoveryTest {

    private static final int CHUNK_BYTES = 16 * 1024;
    private static final int INTERVAL = 1500;
    private static final int TOTAL = 2 * INTERVAL + 400;
    private static final int KEPT = 2;

    @TempDir
    Path dataDir;

    private final List<TxnRecord> history = TreeHistory.txns(TOTAL, 7);
    private final String expected = TreeHistory.describe(TreeHistory.apply(history));
    private final ListAppender<ILoggingEvent> recoveryLog = new ListAppender<>();
    private final Logger recoveryLogger = (Logger) LoggerFactory.getLogger(Recovery.class);

    @BeforeEach
    void captureRecoveryLog() {
        recoveryLog.start();
        recoveryLogger.addAppender(recoveryLog);
    }

    @AfterEach
    void releaseRecoveryLog() {
        recoveryLogger.detachAppender(recoveryLog);
    }

    private Storage open() {
        return SqliteStorage.open(dataDir, CHUNK_BYTES);
    }

    private static long zxid(int index) {
        return TreeHistory.zxid(index);
    }

    private static String hex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }

    private static List<LogEntry> entries(List<TxnRecord> txns) {
        return txns.stream().map(t -> new LogEntry(t.zxid(), TxnCodec.encode(t))).toList();
    }

    /** Logs every txn and snapshots after each {@link #INTERVAL}, retaining and purging as the server does. */
    private void runServerHistory() {
        try (Storage storage = open()) {
            DataTree tree = new DataTree();
            for (int from = 0; from < TOTAL; from += INTERVAL) {
                List<TxnRecord> batch = history.subList(from, Math.min(TOTAL, from + INTERVAL));
                storage.txnLog().append(entries(batch));
                batch.forEach(t -> tree.processTxn(t.header(), t.txn()));
                if (batch.size() == INTERVAL) {
                    TreeImage image = tree.image();
                    storage.snapshots().save(image.lastZxid(), image.nodes().size(),
                            out -> TreeSnapshotCodec.write(image, out));
                    long purgeTo = SnapshotRetention.retainAndPurgePoint(storage.snapshots(), KEPT);
                    if (purgeTo > 0) {
                        storage.txnLog().purgeThrough(purgeTo);
                    }
                }
            }
        }
    }

    private DataTree recover() {
        try (Storage storage = open()) {
            return Recovery.recover(storage);
        }
    }

    private List<String> warnings() {
        return recoveryLog.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void sql(String statementText) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(SqliteStorage.DB_FILE_NAME));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(statementText);
        }
    }

    private String snapshotId(long lastZxid) {
        return "(SELECT id FROM snapshot_headers WHERE last_zxid = " + lastZxid + ")";
    }

    @Test
    void aTreeSpanningManyChunksRecoversFromTheNewestSnapshotPlusTheLog() {
        runServerHistory();
        try (Storage storage = open()) {
            assertThat(storage.snapshots().list()).extracting(SnapshotInfo::lastZxid)
                    .containsExactly(zxid(2 * INTERVAL), zxid(INTERVAL));
            assertThat(storage.snapshots().list().get(0).chunkCount()).isGreaterThan(20);
            assertThat(storage.txnLog().purgedThrough()).isEqualTo(zxid(INTERVAL));
        }

        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aCorruptChunkFallsBackToThePreviousSnapshotPlusTheLogAndSaysSoOnce() throws Exception {
        runServerHistory();
        sql("UPDATE snapshot_chunks SET data = (CASE WHEN substr(data, 1, 1) = x'00' THEN x'01' ELSE x'00' END) "
                + "|| substr(data, 2) WHERE chunk_index = 3 AND snapshot_id = " + snapshotId(zxid(2 * INTERVAL)));

        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
        assertThat(warnings()).singleElement().asString()
                .startsWith("Snapshot at " + hex(zxid(2 * INTERVAL)) + " is unusable (chunk 3 of ")
                .endsWith(" fails its CRC32C check); falling back to the snapshot at " + hex(zxid(INTERVAL))
                        + " plus the transaction log");
    }

    @Test
    void aMissingChunkFallsBackTheSameWay() throws Exception {
        runServerHistory();
        sql("DELETE FROM snapshot_chunks WHERE chunk_index = 0 AND snapshot_id = " + snapshotId(zxid(2 * INTERVAL)));

        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
        assertThat(warnings()).singleElement().asString().contains("chunk 0 of ").contains(" is missing");
    }

    @Test
    void aSnapshotNeverMarkedCompleteIsNotConsidered() throws Exception {
        runServerHistory();
        // a crash while the newest snapshot was being written: its header never got the complete flag
        sql("UPDATE snapshot_headers SET complete = 0 WHERE last_zxid = " + zxid(2 * INTERVAL));

        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
        assertThat(recoveryLog.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .startsWith("Recovered").contains("snapshot at " + hex(zxid(INTERVAL)) + " + " + (INTERVAL + 400)));
    }

    @Test
    void whenEverySnapshotIsCorruptAndTheLogWasPurgedRecoveryFailsNamingEach() throws Exception {
        runServerHistory();
        sql("UPDATE snapshot_chunks SET crc32c = crc32c + 1 WHERE chunk_index = 1");

        assertThatThrownBy(this::recover).isInstanceOf(StorageException.class)
                .hasMessageContaining("no usable snapshot")
                .hasMessageContaining(hex(zxid(2 * INTERVAL)) + ": chunk 1 of ")
                .hasMessageContaining(hex(zxid(INTERVAL)) + ": chunk 1 of ")
                .hasMessageContaining("purged through " + hex(zxid(INTERVAL)));
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).endsWith("falling back to nothing: the transaction log was purged through "
                + hex(zxid(INTERVAL)) + ", recovery fails");
    }

    @Test
    void whenTheOnlySnapshotIsCorruptAnUnpurgedLogRebuildsTheTreeAlone() throws Exception {
        try (Storage storage = open()) {
            storage.txnLog().append(entries(history));
            DataTree tree = TreeHistory.apply(history.subList(0, INTERVAL));
            TreeImage image = tree.image();
            storage.snapshots().save(image.lastZxid(), image.nodes().size(),
                    out -> TreeSnapshotCodec.write(image, out));
            assertThat(SnapshotRetention.retainAndPurgePoint(storage.snapshots(), KEPT)).isZero();
        }
        sql("UPDATE snapshot_headers SET crc32c = crc32c + 1");

        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
        assertThat(warnings()).singleElement().asString().isEqualTo("Snapshot at " + hex(zxid(INTERVAL))
                + " is unusable (the chunks together fail the header's CRC32C check); falling back to the "
                + "transaction log alone, which holds every txn from zxid 0");
    }

    @Test
    void aSnapshotOlderThanThePurgedLogIsSkippedWithItsReason() throws Exception {
        runServerHistory();
        try (Storage storage = open()) {
            storage.txnLog().purgeThrough(zxid(INTERVAL + 10));
        }
        sql("UPDATE snapshot_chunks SET crc32c = crc32c + 1 WHERE snapshot_id = " + snapshotId(zxid(2 * INTERVAL)));

        assertThatThrownBy(this::recover).isInstanceOf(StorageException.class);
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).isEqualTo("Snapshot at " + hex(zxid(INTERVAL)) + " is unusable (the "
                + "transaction log it needs was purged through " + hex(zxid(INTERVAL + 10)) + "); falling back to "
                + "nothing: the transaction log was purged through " + hex(zxid(INTERVAL + 10)) + ", recovery fails");
    }

    @Test
    void aDataDirectoryOfTheSingleBlobSchemaRecovers() throws Exception {
        // as the old server left it: three snapshots kept, the log purged through the previous one
        Map<Long, byte[]> old = Map.of(
                zxid(500), SchemaOneSnapshots.of(TreeHistory.apply(history.subList(0, 500))),
                zxid(INTERVAL), SchemaOneSnapshots.of(TreeHistory.apply(history.subList(0, INTERVAL))),
                zxid(2 * INTERVAL), SchemaOneSnapshots.of(TreeHistory.apply(history.subList(0, 2 * INTERVAL))));
        SchemaOneDatabase.create(dataDir, old, entries(history.subList(INTERVAL, TOTAL)), zxid(INTERVAL));

        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
        assertThat(warnings()).isEmpty();
        try (Storage storage = open()) {
            assertThat(storage.snapshots().list()).extracting(SnapshotInfo::lastZxid)
                    .containsExactly(zxid(2 * INTERVAL), zxid(INTERVAL), zxid(500));
            assertThat(storage.snapshots().list().get(0).chunkCount()).isGreaterThan(20);
        }
        // and a second start reads the migrated chunks, not the old table
        assertThat(TreeHistory.describe(recover())).isEqualTo(expected);
    }
}
