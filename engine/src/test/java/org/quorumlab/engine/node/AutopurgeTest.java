package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.storage.InMemoryStorage;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;

/** autopurge.snapRetainCount and autopurge.purgeInterval: what a purge keeps, and that a server runs them. */
class AutopurgeTest {

    private static final int SNAP_COUNT = 20;
    private static final int WRITES = 200;

    @TempDir
    Path dir;

    private static InMemoryStorage storageWithSnapshotsAt(long... zxids) {
        InMemoryStorage storage = new InMemoryStorage();
        List<LogEntry> log = new ArrayList<>();
        for (long z = 1; z <= zxids[zxids.length - 1] + 5; z++) {
            log.add(new LogEntry(z, new byte[] {(byte) z}));
        }
        storage.txnLog().append(log);
        for (long z : zxids) {
            storage.snapshots().save(z, 1, out -> out.write(new byte[] {(byte) z}));
        }
        return storage;
    }

    @Test
    void aPurgeKeepsTheNewestSnapshotsAndPurgesTheLogThroughTheOldestKept() {
        InMemoryStorage storage = storageWithSnapshotsAt(10, 20, 30, 40, 50);

        long purgedTo = new Autopurge(storage.snapshots(), storage.txnLog()::purgeThrough, 3).run();

        assertThat(purgedTo).isEqualTo(30);
        assertThat(storage.snapshots().list()).extracting(SnapshotInfo::lastZxid).containsExactly(50L, 40L, 30L);
        assertThat(storage.txnLog().purgedThrough()).isEqualTo(30);
        assertThat(storage.txnLog().firstZxid()).isEqualTo(31);
    }

    @Test
    void withFewerSnapshotsThanItKeepsAPurgeDeletesNothing() {
        InMemoryStorage storage = storageWithSnapshotsAt(10, 20);

        assertThat(new Autopurge(storage.snapshots(), storage.txnLog()::purgeThrough, 3).run()).isZero();

        assertThat(storage.snapshots().list()).hasSize(2);
        assertThat(storage.txnLog().purgedThrough()).isZero();
        assertThat(storage.txnLog().firstZxid()).isEqualTo(1);
    }

    @Test
    void aServerWithAPurgeIntervalPurgesOnItsOwnKeepingTheRetainCount() throws Exception {
        ServerConfig config = ServerConfig.standalone(0, dir).toBuilder().snapCount(SNAP_COUNT).snapRetainCount(4)
                .purgeInterval(Duration.ofMillis(100)).build();
        long lastZxid;
        try (QuorumLabServer server = QuorumLabServer.start(config)) {
            lastZxid = writeNodes(server.port());
            // the snapshot after the last writes is saved, and a purge has run since
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<SnapshotInfo> kept = server.storage().snapshots().list();
                return !kept.isEmpty() && kept.get(0).lastZxid() > lastZxid - SNAP_COUNT && kept.size() == 4;
            });
        }
        try (Storage storage = SqliteStorage.open(dir)) {
            List<SnapshotInfo> kept = storage.snapshots().list();
            assertThat(kept).hasSize(4);
            assertThat(storage.txnLog().purgedThrough()).isEqualTo(kept.get(3).lastZxid());
        }
        try (QuorumLabServer restarted = QuorumLabServer.start(config);
                ZooKeeper zk = ConnectedClients.connect("127.0.0.1:" + restarted.port(), 30_000)) {
            assertThat(zk.getChildren("/", false)).hasSize(WRITES + 1);
        }
    }

    @Test
    void aServerWithoutAPurgeIntervalKeepsEverySnapshotAndTheWholeLog() throws Exception {
        ServerConfig config = ServerConfig.standalone(0, dir).toBuilder().snapCount(SNAP_COUNT).build();
        assertThat(config.purgeInterval()).isZero();
        try (QuorumLabServer server = QuorumLabServer.start(config)) {
            writeNodes(server.port());
        }
        try (Storage storage = SqliteStorage.open(dir)) {
            assertThat(storage.snapshots().list()).hasSizeGreaterThanOrEqualTo(WRITES / SNAP_COUNT);
            assertThat(storage.txnLog().purgedThrough()).isZero();
            assertThat(storage.txnLog().firstZxid()).isEqualTo(1);
        }
    }

    @Test
    void withAutopurgeAfterSnapshotEverySnapshotPurgesDownToTheRetainCount() throws Exception {
        ServerConfig config = org.quorumlab.engine.config.ZooCfgParser.parse("zoo.cfg", List.of("clientPort=0",
                "dataDir=" + dir, "snapCount=" + SNAP_COUNT, "autopurge.afterSnapshot=true",
                "autopurge.snapRetainCount=3"), dir);
        assertThat(config.purgeInterval()).isZero();
        long lastZxid;
        try (QuorumLabServer server = QuorumLabServer.start(config)) {
            lastZxid = writeNodes(server.port());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<SnapshotInfo> kept = server.storage().snapshots().list();
                return !kept.isEmpty() && kept.get(0).lastZxid() > lastZxid - SNAP_COUNT;
            });
        }
        try (Storage storage = SqliteStorage.open(dir)) {
            List<SnapshotInfo> kept = storage.snapshots().list();
            assertThat(kept).hasSize(3);
            assertThat(storage.txnLog().purgedThrough()).isEqualTo(kept.get(2).lastZxid());
        }
    }

    /** Creates {@value #WRITES} nodes and returns the zxid of the last. */
    private static long writeNodes(int port) throws Exception {
        try (ZooKeeper zk = ConnectedClients.connect("127.0.0.1:" + port, 30_000)) {
            for (int i = 0; i < WRITES; i++) {
                zk.create("/n" + i, new byte[10], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            Stat last = zk.exists("/n" + (WRITES - 1), false);
            return last.getCzxid();
        }
    }
}
