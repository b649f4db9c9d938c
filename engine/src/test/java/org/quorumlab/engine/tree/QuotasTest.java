package org.quorumlab.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Stat;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;

/**
 * The tree keeps {@code zookeeper_stats} current as it applies transactions, from the transactions alone, so a
 * replica that applied them and one restored from a snapshot agree.
 */
class QuotasTest {

    private static final long SESSION = 0x42;

    private final DataTree tree = new DataTree();
    private long zxid;

    private void apply(Txn txn) {
        zxid++;
        ProcessTxnResult r = tree.processTxn(new TxnHeader(SESSION, (int) zxid, zxid, 1000 + zxid, txn.type()), txn);
        assertThat(r.err()).as(txn.toString()).isZero();
    }

    private Stat create(String path, String data) {
        zxid++;
        Txn txn = new Txn.Create(OpCode.create, path, data == null ? null : data.getBytes(StandardCharsets.UTF_8),
                DataTree.OPEN_ACL, 0, -1);
        return tree.processTxn(new TxnHeader(SESSION, (int) zxid, zxid, 1000 + zxid, OpCode.create), txn).stat();
    }

    private void setData(String path, String data) {
        apply(new Txn.SetData(path, data.getBytes(StandardCharsets.UTF_8), tree.getNode(path).version() + 1));
    }

    private void delete(String path) {
        apply(new Txn.Delete(OpCode.delete, path));
    }

    private String stats(String root) {
        return new String(tree.getNode(Quotas.statPath(root)).data(), StandardCharsets.UTF_8);
    }

    /** What zkCli's setquota creates: the directories, the limits, then the stats with zero usage. */
    private void setQuota(String root, String limits) {
        String dir = DataTree.QUOTA;
        for (String part : root.substring(1).split("/")) {
            dir = dir + "/" + part;
            if (tree.getNode(dir) == null) {
                create(dir, null);
            }
        }
        create(dir + "/" + Quotas.LIMIT_NODE, limits);
        create(dir + "/" + Quotas.STAT_NODE, "count=0,bytes=0");
    }

    @Test
    void theStatsNodeStartsWithTheSubtreesUsageAndFollowsEveryChange() {
        create("/a", "hello");
        create("/a/x", "12");
        create("/b", "outside");
        setQuota("/a", "count=-1,bytes=-1=;byteHardLimit=20;countHardLimit=4");
        assertThat(stats("/a")).isEqualTo("count=2,bytes=7");
        DataNode statsNode = tree.getNode(Quotas.statPath("/a"));
        int version = statsNode.version();
        long mzxid = statsNode.mzxid();

        create("/a/y", "abc");
        assertThat(stats("/a")).isEqualTo("count=3,bytes=10");
        create("/a/y/deep", null);
        assertThat(stats("/a")).isEqualTo("count=4,bytes=10");
        setData("/a/x", "1234567890");
        assertThat(stats("/a")).isEqualTo("count=4,bytes=18");
        delete("/a/y/deep");
        delete("/a/y");
        assertThat(stats("/a")).isEqualTo("count=2,bytes=15");
        create("/b/c", "not counted");
        setData("/b", "x");
        assertThat(stats("/a")).isEqualTo("count=2,bytes=15");
        assertThat(statsNode.version()).isEqualTo(version);
        assertThat(statsNode.mzxid()).isEqualTo(mzxid);
        assertThat(tree.quotaRoot("/a/x")).contains("/a");
        assertThat(tree.quotaRoot("/ab")).isEmpty();
    }

    @Test
    void theCreateReplyShowsTheStatsNodeAsCreatedAndTheTreeCountsItsNewData() {
        create("/a", "hello world");
        create(DataTree.QUOTA + "/a", null);
        create(Quotas.limitPath("/a"), "count=10,bytes=-1");
        Stat reply = create(Quotas.statPath("/a"), "count=0,bytes=0");
        assertThat(reply.dataLength()).isEqualTo("count=0,bytes=0".length());
        assertThat(tree.getNode(Quotas.statPath("/a")).stat().dataLength()).isEqualTo("count=1,bytes=11".length());

        long before = tree.dataSize();
        create("/a/n", "x".repeat(89));
        assertThat(stats("/a")).isEqualTo("count=2,bytes=100");
        assertThat(tree.dataSize()).isEqualTo(before + "/a/n".length() + 89 + 1); // the stats text grew by one
    }

    @Test
    void theDeepestQuotaCountsAndDeletingTheLimitsEndsTheQuota() {
        create("/p", null);
        create("/p/q", null);
        setQuota("/p", "count=100,bytes=-1");
        setQuota("/p/q", "count=100,bytes=-1");
        assertThat(stats("/p")).isEqualTo("count=2,bytes=0");
        assertThat(stats("/p/q")).isEqualTo("count=1,bytes=0");
        create("/p/q/r", "xy");
        assertThat(stats("/p/q")).isEqualTo("count=2,bytes=2");
        assertThat(stats("/p")).isEqualTo("count=2,bytes=0");

        delete(Quotas.limitPath("/p/q"));
        assertThat(tree.quotaRoot("/p/q/r")).contains("/p");
        create("/p/q/s", "z");
        assertThat(stats("/p/q")).isEqualTo("count=2,bytes=2");
        assertThat(stats("/p")).isEqualTo("count=3,bytes=1");
    }

    @Test
    void anEphemeralsSessionClosingCountsAsItsDeletes() {
        create("/e", null);
        setQuota("/e", "count=10,bytes=-1");
        zxid++;
        tree.processTxn(new TxnHeader(SESSION, 1, zxid, 1, OpCode.create), new Txn.Create(OpCode.create, "/e/eph",
                new byte[3], DataTree.OPEN_ACL, SESSION, -1));
        assertThat(stats("/e")).isEqualTo("count=2,bytes=3");
        zxid++;
        tree.processTxn(new TxnHeader(SESSION, 2, zxid, 2, OpCode.closeSession), new Txn.CloseSession(List.of()));
        assertThat(stats("/e")).isEqualTo("count=1,bytes=0");
    }

    @Test
    void noWatchFiresForAStatsUpdate() {
        create("/w", null);
        setQuota("/w", "count=10,bytes=-1");
        List<WatchEvent> events = new ArrayList<>();
        tree.getData(Quotas.statPath("/w"), (event, acl) -> events.add(event));
        create("/w/child", "data");
        assertThat(stats("/w")).isEqualTo("count=2,bytes=4");
        assertThat(events).isEmpty();
    }

    @Test
    void aTreeRestoredFromImagesKeepsItsStatsAndGoesOnCounting() {
        create("/a", "hello");
        setQuota("/a", "count=-1,bytes=-1=;countHardLimit=4");
        create("/a/x", "12");
        DataTree restored = DataTree.fromImages(tree.lastProcessedZxid(), tree.sessions(), tree.images());
        assertThat(restored.quotaRoot("/a/x")).contains("/a");

        zxid++;
        Txn more = new Txn.Create(OpCode.create, "/a/y", new byte[4], DataTree.OPEN_ACL, 0, -1);
        TxnHeader header = new TxnHeader(SESSION, 9, zxid, 9, OpCode.create);
        tree.processTxn(header, more);
        restored.processTxn(header, more);
        assertThat(new String(restored.getNode(Quotas.statPath("/a")).data(), StandardCharsets.UTF_8))
                .isEqualTo(stats("/a")).isEqualTo("count=3,bytes=11");
    }

    @Test
    void statsNodesOutsideAQuotaDirectoryAreOrdinaryNodes() {
        create("/c", "x");
        create(DataTree.QUOTA + "/" + Quotas.LIMIT_NODE, "count=1,bytes=-1");
        create(DataTree.QUOTA + "/" + Quotas.STAT_NODE, "count=0,bytes=0");
        create("/zookeeper/quotaX", null);
        create("/zookeeper/quotaX/c", null);
        create("/zookeeper/quotaX/c/" + Quotas.LIMIT_NODE, "count=1,bytes=-1");
        create("/c/d", "y");
        assertThat(tree.quotaRoot("/c/d")).isEmpty();
        assertThat(new String(tree.getNode(DataTree.QUOTA + "/" + Quotas.STAT_NODE).data(), StandardCharsets.UTF_8))
                .isEqualTo("count=0,bytes=0");
    }
}
