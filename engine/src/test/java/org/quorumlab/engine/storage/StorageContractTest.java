package org.quorumlab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Storage} and its three stores, run against every implementation. "Restart" means what a
 * crash and restart means for that implementation: reopening the data directory, or reusing the in-memory object.
 */
public abstract class StorageContractTest {

    protected Storage storage;

    /** Opens the storage under test; called again by {@link #restart()} after {@link Storage#close()}. */
    protected abstract Storage open();

    @BeforeEach
    void openStorage() {
        storage = open();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    protected void restart() {
        storage.close();
        storage = open();
    }

    protected static LogEntry entry(long zxid) {
        return new LogEntry(zxid, ("txn-" + zxid).getBytes(StandardCharsets.UTF_8));
    }

    protected static List<LogEntry> entries(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).mapToObj(StorageContractTest::entry).toList();
    }

    @Test
    void emptyLogHasZeroBoundsAndNoEntries() {
        TxnLog log = storage.txnLog();
        assertThat(log.lastZxid()).isZero();
        assertThat(log.firstZxid()).isZero();
        assertThat(log.readAfter(0, 10)).isEmpty();
    }

    @Test
    void appendedEntriesAreReadBackInOrder() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 3));
        log.append(List.of(entry(10)));
        log.append(List.of());

        assertThat(log.firstZxid()).isEqualTo(1);
        assertThat(log.lastZxid()).isEqualTo(10);
        assertThat(log.readAfter(0, 100)).containsExactly(entry(1), entry(2), entry(3), entry(10));
        assertThat(log.readAfter(2, 100)).containsExactly(entry(3), entry(10));
        assertThat(log.readAfter(3, 100)).containsExactly(entry(10));
        assertThat(log.readAfter(10, 100)).isEmpty();
        assertThat(log.readAfter(0, 2)).containsExactly(entry(1), entry(2));
        assertThat(log.readAfter(0, 0)).isEmpty();
        assertThatThrownBy(() -> log.readAfter(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadsSurviveByteForByte() {
        byte[] payload = new byte[70_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        storage.txnLog().append(List.of(new LogEntry(0x1_0000_0001L, payload)));
        restart();
        assertThat(storage.txnLog().readAfter(0, 1).get(0).payload()).isEqualTo(payload);
    }

    @Test
    void nonIncreasingZxidsAreRejectedAndLeaveTheLogUnchanged() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 5));

        assertThatThrownBy(() -> log.append(List.of(entry(5)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(List.of(entry(3)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(List.of(entry(7), entry(6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(List.of(entry(7), entry(7))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(log.lastZxid()).isEqualTo(5);
        assertThat(log.readAfter(0, 100)).isEqualTo(entries(1, 5));
    }

    @Test
    void zeroAndNegativeZxidsAreRejected() {
        assertThatThrownBy(() -> storage.txnLog().append(List.of(entry(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.txnLog().append(List.of(entry(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateAfterDropsTheTailAndAllowsRewritingIt() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 10));

        log.truncateAfter(6);
        assertThat(log.lastZxid()).isEqualTo(6);
        assertThat(log.readAfter(0, 100)).isEqualTo(entries(1, 6));

        LogEntry rewritten = new LogEntry(7, new byte[] {42});
        log.append(List.of(rewritten));
        restart();
        assertThat(storage.txnLog().readAfter(5, 100)).containsExactly(entry(6), rewritten);
    }

    @Test
    void truncateAfterBelowTheFirstEntryEmptiesTheLog() {
        TxnLog log = storage.txnLog();
        log.append(entries(5, 8));
        log.truncateAfter(0);
        assertThat(log.lastZxid()).isZero();
        assertThat(log.firstZxid()).isZero();
        log.append(List.of(entry(1)));
        assertThat(log.readAfter(0, 10)).containsExactly(entry(1));
    }

    @Test
    void purgeThroughDropsThePrefix() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 10));

        log.purgeThrough(4);
        assertThat(log.firstZxid()).isEqualTo(5);
        assertThat(log.lastZxid()).isEqualTo(10);
        assertThat(log.readAfter(0, 100)).isEqualTo(entries(5, 10));

        log.purgeThrough(2);
        assertThat(log.firstZxid()).isEqualTo(5);
    }

    @Test
    void purgingEverythingKeepsTheWatermarkAcrossRestarts() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 10));
        log.purgeThrough(12);
        assertThat(log.lastZxid()).isZero();
        assertThat(log.firstZxid()).isZero();

        restart();
        TxnLog reopened = storage.txnLog();
        assertThatThrownBy(() -> reopened.append(List.of(entry(11))))
                .isInstanceOf(IllegalArgumentException.class);
        reopened.append(List.of(entry(13)));
        assertThat(reopened.readAfter(0, 10)).containsExactly(entry(13));
    }

    @Test
    void thePurgeWatermarkIsReportedAndSurvivesRestart() {
        TxnLog log = storage.txnLog();
        assertThat(log.purgedThrough()).isZero();
        log.append(entries(1, 10));
        log.purgeThrough(4);
        log.purgeThrough(2);
        assertThat(log.purgedThrough()).isEqualTo(4);
        restart();
        assertThat(storage.txnLog().purgedThrough()).isEqualTo(4);
        storage.txnLog().truncateAfter(3);
        assertThat(storage.txnLog().purgedThrough()).isEqualTo(3);
    }

    @Test
    void truncateLowersThePurgeWatermark() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 10));
        log.purgeThrough(10);
        log.truncateAfter(3);
        log.append(List.of(entry(4)));
        assertThat(log.readAfter(0, 10)).containsExactly(entry(4));
    }

    @Test
    void logSurvivesRestart() {
        storage.txnLog().append(entries(1, 100));
        storage.txnLog().purgeThrough(20);
        storage.txnLog().truncateAfter(90);

        restart();
        TxnLog log = storage.txnLog();
        assertThat(log.firstZxid()).isEqualTo(21);
        assertThat(log.lastZxid()).isEqualTo(90);
        assertThat(log.readAfter(0, 1000)).isEqualTo(entries(21, 90));
    }

    /** Three appends of 5, 5 and 3 entries: the batches the tests below cut into. */
    private TxnLog logOfThreeBatches() {
        TxnLog log = storage.txnLog();
        log.append(entries(1, 5));
        log.append(entries(6, 10));
        log.append(entries(11, 13));
        return log;
    }

    @Test
    void readsStartAndStopInsideAppendedBatches() {
        TxnLog log = logOfThreeBatches();
        restart();
        log = storage.txnLog();

        assertThat(log.readAfter(2, 2)).isEqualTo(entries(3, 4));
        assertThat(log.readAfter(3, 5)).isEqualTo(entries(4, 8));
        assertThat(log.readAfter(7, 100)).isEqualTo(entries(8, 13));
        assertThat(log.readAfter(5, 5)).isEqualTo(entries(6, 10));
        assertThat(log.readAfter(9, 1)).containsExactly(entry(10));
        assertThat(log.readAfter(12, 100)).containsExactly(entry(13));
        assertThat(log.readAfter(-1, 1)).containsExactly(entry(1));
        assertThat(log.readAfter(8, 0)).isEmpty();
    }

    @Test
    void truncateInsideABatchKeepsItsHeadAcrossRestarts() {
        TxnLog log = logOfThreeBatches();
        log.truncateAfter(7);
        assertThat(log.lastZxid()).isEqualTo(7);
        assertThat(log.readAfter(5, 100)).isEqualTo(entries(6, 7));

        restart();
        log = storage.txnLog();
        assertThat(log.lastZxid()).isEqualTo(7);
        assertThat(log.readAfter(0, 100)).isEqualTo(entries(1, 7));
        LogEntry rewritten = new LogEntry(8, new byte[] {8, 8});
        log.append(List.of(rewritten, entry(9)));
        assertThat(log.readAfter(6, 100)).containsExactly(entry(7), rewritten, entry(9));

        log.truncateAfter(1);
        assertThat(log.readAfter(0, 100)).containsExactly(entry(1));
        assertThat(log.firstZxid()).isEqualTo(1);
        assertThat(log.lastZxid()).isEqualTo(1);
    }

    @Test
    void purgeInsideABatchKeepsItsTailAndTruncateCannotBringThePurgedEntriesBack() {
        TxnLog log = logOfThreeBatches();
        log.purgeThrough(7);
        assertThat(log.firstZxid()).isEqualTo(8);
        assertThat(log.readAfter(0, 100)).isEqualTo(entries(8, 13));
        assertThat(log.readAfter(6, 2)).isEqualTo(entries(8, 9));

        restart();
        log = storage.txnLog();
        assertThat(log.purgedThrough()).isEqualTo(7);
        assertThat(log.firstZxid()).isEqualTo(8);
        assertThat(log.readAfter(0, 100)).isEqualTo(entries(8, 13));

        log.purgeThrough(12);
        assertThat(log.readAfter(0, 100)).containsExactly(entry(13));
        log.truncateAfter(3);
        assertThat(log.purgedThrough()).isEqualTo(3);
        assertThat(log.readAfter(0, 100)).isEmpty();
        assertThat(log.firstZxid()).isZero();
        assertThat(log.lastZxid()).isZero();
        log.append(List.of(entry(4)));
        assertThat(log.readAfter(0, 100)).containsExactly(entry(4));
    }

    /** Bytes whose every position differs from its neighbours, so a misplaced chunk cannot go unnoticed. */
    protected static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed + (i >>> 8));
        }
        return bytes;
    }

    protected static SnapshotInfo save(SnapshotStore snapshots, long zxid, byte[] data) {
        return snapshots.save(zxid, data.length, out -> out.write(data));
    }

    protected static byte[] read(SnapshotStore snapshots, long zxid) {
        try (InputStream in = snapshots.open(zxid)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> zxids(SnapshotStore snapshots) {
        return snapshots.list().stream().map(SnapshotInfo::lastZxid).toList();
    }

    @Test
    void snapshotStoreListsNewestFirstAndRetainsTheNewest() {
        SnapshotStore snapshots = storage.snapshots();
        assertThat(snapshots.latest()).isEmpty();
        assertThat(snapshots.list()).isEmpty();

        save(snapshots, 10, new byte[] {1});
        save(snapshots, 30, new byte[] {3});
        save(snapshots, 20, new byte[] {2});
        assertThat(zxids(snapshots)).containsExactly(30L, 20L, 10L);
        assertThat(snapshots.latest()).hasValueSatisfying(s -> assertThat(s.lastZxid()).isEqualTo(30));
        assertThat(read(snapshots, 30)).containsExactly(3);

        save(snapshots, 30, new byte[] {3, 3});
        assertThat(zxids(snapshots)).containsExactly(30L, 20L, 10L);
        assertThat(read(snapshots, 30)).containsExactly(3, 3);

        snapshots.retainLatest(2);
        assertThat(zxids(snapshots)).containsExactly(30L, 20L);
        snapshots.retainLatest(1);
        assertThat(zxids(snapshots)).containsExactly(30L);
        assertThat(read(snapshots, 30)).containsExactly(3, 3);
        assertThatThrownBy(() -> snapshots.retainLatest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retainLatestDeletesOnlyOlderSnapshots() {
        SnapshotStore snapshots = storage.snapshots();
        for (long zxid = 1; zxid <= 5; zxid++) {
            save(snapshots, zxid * 100, new byte[] {(byte) zxid});
        }
        snapshots.retainLatest(2);
        restart();
        assertThat(zxids(storage.snapshots())).containsExactly(500L, 400L);
        storage.snapshots().retainLatest(1);
        assertThat(read(storage.snapshots(), 500)).containsExactly(5);
        assertThatThrownBy(() -> storage.snapshots().open(400)).isInstanceOf(StorageException.class);
    }

    @Test
    void snapshotsSurviveRestart() {
        byte[] data = new byte[1 << 20];
        data[12345] = 7;
        SnapshotInfo saved = save(storage.snapshots(), 0x2_0000_0005L, data);
        restart();
        assertThat(storage.snapshots().list()).containsExactly(saved);
        assertThat(read(storage.snapshots(), 0x2_0000_0005L)).isEqualTo(data);
    }

    @Test
    void aSnapshotSpanningManyChunksIsCutAtTheChunkSizeAndReadBackWhole() {
        int chunk = chunkBytes();
        byte[] data = pattern(5 * chunk + 123, 1);
        SnapshotInfo info = storage.snapshots().save(7, 42, out -> {
            // in pieces that straddle chunk boundaries, as an encoder writes
            for (int at = 0; at < data.length; at += 1000) {
                out.write(data, at, Math.min(1000, data.length - at));
            }
        });
        assertThat(info.chunkCount()).isEqualTo(6);
        assertThat(info.sizeBytes()).isEqualTo(data.length);
        assertThat(info.nodeCount()).isEqualTo(42);
        CRC32C crc = new CRC32C();
        crc.update(data);
        assertThat(info.checksum()).isEqualTo(crc.getValue());

        restart();
        assertThat(storage.snapshots().list()).containsExactly(info);
        assertThat(read(storage.snapshots(), 7)).isEqualTo(data);

        assertThat(save(storage.snapshots(), 8, pattern(3 * chunk, 2)).chunkCount()).isEqualTo(3);
        assertThat(read(storage.snapshots(), 8)).isEqualTo(pattern(3 * chunk, 2));
        assertThat(save(storage.snapshots(), 9, new byte[0]).chunkCount()).isZero();
        assertThat(read(storage.snapshots(), 9)).isEmpty();
    }

    @Test
    void aSaveThatFailsMidwayLeavesNothingVisible() {
        int chunk = chunkBytes();
        SnapshotInfo older = save(storage.snapshots(), 10, pattern(chunk + 5, 3));
        assertThatThrownBy(() -> storage.snapshots().save(20, 1, out -> {
            out.write(pattern(2 * chunk + 7, 4));
            throw new IOException("encoder failed");
        })).isInstanceOf(StorageException.class).hasMessageContaining("encoder failed");
        assertThatThrownBy(() -> storage.snapshots().save(10, 1, out -> {
            out.write(pattern(3 * chunk, 5));
            throw new IllegalStateException("encoder bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(storage.snapshots().list()).containsExactly(older);
        restart();
        assertThat(storage.snapshots().list()).containsExactly(older);
        assertThat(read(storage.snapshots(), 10)).isEqualTo(pattern(chunk + 5, 3));
        assertThatThrownBy(() -> storage.snapshots().open(20)).isInstanceOf(StorageException.class);
    }

    @Test
    void aCorruptChunkIsReportedWithTheSnapshotAndTheChunk() throws Exception {
        int chunk = chunkBytes();
        save(storage.snapshots(), 0x300, pattern(4 * chunk, 6));
        corruptChunk(0x300, 2);

        InputStream in = storage.snapshots().open(0x300);
        assertThat(in.readNBytes(2 * chunk)).isEqualTo(Arrays.copyOf(pattern(4 * chunk, 6), 2 * chunk));
        assertThatThrownBy(in::read)
                .isInstanceOfSatisfying(CorruptSnapshotException.class, e -> {
                    assertThat(e.lastZxid()).isEqualTo(0x300);
                    assertThat(e.reason()).isEqualTo("chunk 2 of 4 fails its CRC32C check");
                });
    }

    /** The chunk size this test's storage was opened with; small, so that snapshots span many chunks. */
    protected abstract int chunkBytes();

    /** Damages stored chunk {@code index} of the snapshot at {@code zxid} without fixing its checksum. */
    protected abstract void corruptChunk(long zxid, int index) throws Exception;

    @Test
    void metadataReturnsDefaultsUntilPutAndSurvivesRestart() {
        MetadataStore metadata = storage.metadata();
        assertThat(metadata.get("acceptedEpoch", -1)).isEqualTo(-1);

        metadata.put("acceptedEpoch", 3);
        metadata.put("currentEpoch", 2);
        metadata.put("acceptedEpoch", 4);
        metadata.put("negative", Long.MIN_VALUE);

        restart();
        assertThat(storage.metadata().get("acceptedEpoch", -1)).isEqualTo(4);
        assertThat(storage.metadata().get("currentEpoch", -1)).isEqualTo(2);
        assertThat(storage.metadata().get("negative", 0)).isEqualTo(Long.MIN_VALUE);
        assertThat(storage.metadata().get("configVersion", 9)).isEqualTo(9);
    }

    @Test
    void storesAreIndependent() {
        storage.txnLog().append(entries(1, 3));
        save(storage.snapshots(), 2, new byte[] {2});
        storage.metadata().put("currentEpoch", 1);
        storage.txnLog().purgeThrough(3);

        assertThat(read(storage.snapshots(), 2)).containsExactly(2);
        assertThat(storage.metadata().get("currentEpoch", 0)).isEqualTo(1);
    }

    @Test
    void closeIsIdempotent() {
        storage.close();
        storage.close();
        storage = open();
    }
}
