package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.probe.FourLetterWord;

/** What {@code bench scale} reads from servers: the sync mode in a leader's log, and mntr's znode count. */
class ScaleBenchmarkParsingTest {

    @Test
    void quorumLabSyncModeIsTheLastOneChosenForThatFollower() {
        String log = """
                19:23:49.655 INFO  [zab] o.q.e.r.ZabHost - Server 3: syncing learner 2 by SNAP (its last zxid 0x0, entries from 0x100000001)
                19:23:49.731 INFO  [zab] o.q.e.r.ZabHost - Server 3: syncing learner 1 by TRUNC (its last zxid 0x1000007de, entries from 0x1000007dd)
                19:23:51.907 INFO  [zab] o.q.e.r.ZabHost - Server 3: syncing learner 1 by DIFF (its last zxid 0x1000007dd, entries from 0x1000007de)
                """;
        assertThat(SyncModeLog.modeIn(log, 1, Engine.QUORUMLAB)).isEqualTo("DIFF");
        assertThat(SyncModeLog.modeIn(log, 2, Engine.QUORUMLAB)).isEqualTo("SNAP");
        assertThat(SyncModeLog.modeIn(log, 3, Engine.QUORUMLAB)).isEqualTo("unknown");
    }

    @Test
    void zooKeeperSyncModeFromItsLeaderLines() {
        // ZooKeeper 3.9.3's LearnerHandler, as the nodes log it
        String diff = """
                INFO  o.a.z.s.q.LearnerHandler - Synchronizing with Learner sid: 1 maxCommittedLog=0x1000007dd minCommittedLog=0x1000005e9 lastProcessedZxid=0x1000007dd peerLastZxid=0x1000007dd
                INFO  o.a.z.s.q.LearnerHandler - Sending DIFF zxid=0x1000007dd for peer sid: 1
                """;
        String fromTxnLog = "INFO  o.a.z.s.q.LearnerHandler - Use txnlog and committedLog for peer sid: 1\n";
        String snap = """
                INFO  o.a.z.s.ZKDatabase - Txnlog size: 67108880 exceeds sizeLimit: 125979
                INFO  o.a.z.s.q.LearnerHandler - Sending snapshot last zxid of peer is 0x1000007dd, zxid of leader is 0x2000001fc, send zxid of db as 0x2000001fc, 1 concurrent snapshot sync, snapshot sync was exempt from throttle
                """;
        assertThat(SyncModeLog.modeIn(diff, 1, Engine.ZOOKEEPER)).isEqualTo("DIFF");
        assertThat(SyncModeLog.modeIn(fromTxnLog, 1, Engine.ZOOKEEPER)).isEqualTo("DIFF");
        assertThat(SyncModeLog.modeIn(snap, 1, Engine.ZOOKEEPER)).isEqualTo("SNAP");
        assertThat(SyncModeLog.modeIn("INFO  o.a.z.s.q.LearnerHandler - Follower sid: 1\n", 1, Engine.ZOOKEEPER))
                .isEqualTo("unknown");
    }

    @Test
    void znodeCountFromBothEnginesMntr() {
        String zooKeeper = "zk_version\t3.9.3-...\nzk_server_state\tleader\nzk_znode_count\t1000255\nzk_watch_count\t0\n";
        String notServing = "This ZooKeeper instance is not currently serving requests\n";
        assertThat(FourLetterWord.monitorValue(zooKeeper, "zk_znode_count")).isEqualTo(1_000_255);
        assertThat(FourLetterWord.monitorValue(notServing, "zk_znode_count")).isEqualTo(-1);
        assertThat(FourLetterWord.monitorValue("zk_znode_count\tmany\n", "zk_znode_count")).isEqualTo(-1);
        assertThat(FourLetterWord.monitorValue(zooKeeper, "zk_znode")).isEqualTo(-1);
    }

    @Test
    void leavesAreSpreadSoNoParentHoldsAMillionChildren() {
        assertThat(TreeLoader.parentsFor(1_100_000)).isEqualTo(275);
        assertThat(TreeLoader.parentsFor(2_500)).isEqualTo(1);
        assertThat(TreeLoader.parentsFor(100_000_000)).isEqualTo(TreeLoader.MAX_PARENTS);
        assertThat(TreeLoader.leafPath(1_000_003, 275)).isEqualTo("/scale/p" + (1_000_003 % 275) + "/n1000003");
    }
}
