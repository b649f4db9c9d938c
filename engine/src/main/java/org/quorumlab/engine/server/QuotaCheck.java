package org.quorumlab.engine.server;

import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.tree.DataNode;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.Quotas;
import org.quorumlab.engine.tree.StatsTrack;

/**
 * ZooKeeper 3.9.3's hard-quota check ({@code ZooKeeperServer.checkQuota}, called by its PrepRequestProcessor):
 * made where a create or setData is prepared on the leader, before its transaction exists, so the tree that
 * applies transactions never judges quotas and stays deterministic. As in ZooKeeper the usage it compares with is
 * the committed tree's {@code zookeeper_stats}, not the pending changes: writes still in flight, and earlier ops of
 * the same multi, are not counted. A request fails with QUOTAEXCEEDED only if it would take the count or bytes
 * beyond a hard limit ({@code countHardLimit}, {@code byteHardLimit}); soft limits ({@code count}, {@code bytes})
 * are only a hint, and a hard limit, when set, replaces the soft one.
 */
final class QuotaCheck {

    private QuotaCheck() {
    }

    /** A create of {@code path} (its final name, sequence suffix included) with {@code data}. */
    static void create(DataTree tree, String path, byte[] data) {
        tree.quotaRoot(path).ifPresent(root -> check(tree, root, 1, length(data)));
    }

    /** A setData of {@code path} from {@code before} (its pending data) to {@code after}. */
    static void setData(DataTree tree, String path, byte[] before, byte[] after) {
        tree.quotaRoot(path).ifPresent(root -> check(tree, root, 0, length(after) - length(before)));
    }

    private static void check(DataTree tree, String root, long countDiff, long bytesDiff) {
        DataNode limitNode = tree.getNode(Quotas.limitPath(root));
        if (limitNode == null) {
            return;
        }
        StatsTrack limits = StatsTrack.parse(limitNode.data());
        boolean checkCount = countDiff != 0 && (limits.count() > -1 || limits.countHardLimit() > -1);
        boolean checkBytes = bytesDiff != 0 && (limits.bytes() > -1 || limits.byteHardLimit() > -1);
        if (!checkCount && !checkBytes) {
            return;
        }
        DataNode statNode = tree.getNode(Quotas.statPath(root));
        if (statNode == null) {
            return;
        }
        StatsTrack usage = StatsTrack.parse(statNode.data());
        if (checkCount && exceedsHardLimit(usage.count() + countDiff, limits.countHardLimit())) {
            throw ZooKeeperException.quotaExceeded(root);
        }
        if (checkBytes && exceedsHardLimit(usage.bytes() + bytesDiff, limits.byteHardLimit())) {
            throw ZooKeeperException.quotaExceeded(root);
        }
    }

    private static boolean exceedsHardLimit(long value, long hardLimit) {
        return hardLimit > -1 && value > hardLimit;
    }

    private static long length(byte[] data) {
        return data == null ? 0 : data.length;
    }
}
