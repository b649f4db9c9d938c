package org.quorumlab.launcher.reconfig;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.quorumlab.launcher.LauncherException;

/**
 * Refuses membership changes that would leave the old or the new ensemble without a quorum of
 * serving voters; each refusal says how many voters are up and how many are needed.
 */
public final class QuorumGuard {

    /** ZooKeeper refuses a configuration with fewer voters (a leader and one follower). */
    static final int MIN_VOTERS = 2;

    private QuorumGuard() {
    }

    public static int majority(int voters) {
        return voters / 2 + 1;
    }

    public static void checkAdd(Set<Long> members, Set<Long> serving, long newId) {
        if (members.contains(newId)) {
            throw new LauncherException("server " + newId + " is already a member (members: " + members + ")");
        }
        requireCurrentQuorum("add server " + newId, members, serving);
        int upAfter = up(members, serving) + 1;
        int need = majority(members.size() + 1);
        if (upAfter < need) {
            throw new LauncherException("cannot add server " + newId + ": the new ensemble of " + (members.size() + 1)
                    + " voters needs " + need + " up for a quorum, but only " + upAfter + " would be (incl. the new one)");
        }
    }

    /** An observer needs only the current voters' quorum to commit the reconfig that adds it. */
    public static void checkAddObserver(Set<Long> members, Set<Long> voters, Set<Long> serving, long newId) {
        if (members.contains(newId)) {
            throw new LauncherException("server " + newId + " is already a member (members: " + members + ")");
        }
        requireCurrentQuorum("add observer " + newId, voters, serving);
    }

    /** Removing an observer leaves the voters as they are; they need a quorum to commit it. */
    public static void checkRemoveObserver(Set<Long> voters, Set<Long> serving, long id) {
        requireCurrentQuorum("remove observer " + id, voters, serving);
    }

    public static void checkRemove(Set<Long> members, Set<Long> serving, long id) {
        if (!members.contains(id)) {
            throw new LauncherException("server " + id + " is not a member (members: " + members + ")");
        }
        SortedSet<Long> remaining = new TreeSet<>(members);
        remaining.remove(id);
        if (remaining.size() < MIN_VOTERS) {
            throw new LauncherException("cannot remove server " + id + ": the ensemble would have " + remaining.size()
                    + " voter, and reconfig needs at least " + MIN_VOTERS);
        }
        requireCurrentQuorum("remove server " + id, members, serving);
        int upAfter = up(remaining, serving);
        int need = majority(remaining.size());
        if (upAfter < need) {
            throw new LauncherException("cannot remove server " + id + ": that would lose quorum - only " + upAfter
                    + " of the remaining " + remaining.size() + " voters " + remaining + " are up, " + need + " needed");
        }
    }

    private static void requireCurrentQuorum(String what, Set<Long> members, Set<Long> serving) {
        int up = up(members, serving);
        int need = majority(members.size());
        if (up < need) {
            throw new LauncherException("cannot " + what + ": the ensemble has no quorum - only " + up + " of "
                    + members.size() + " voters are up, " + need + " needed");
        }
    }

    private static int up(Set<Long> voters, Set<Long> serving) {
        return (int) voters.stream().filter(serving::contains).count();
    }
}
