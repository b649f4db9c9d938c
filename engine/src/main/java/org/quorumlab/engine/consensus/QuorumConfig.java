package org.quorumlab.engine.consensus;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An ensemble configuration: voting members, observers and a version (the zxid of the reconfig
 * that created it, or 0 for the static configuration). Quorums are strict majorities of voters.
 *
 * @param version   configuration version; a reconfig's version is its zxid
 * @param voters    ids of voting members (non-empty)
 * @param observers ids of non-voting observers (disjoint from voters)
 */
public record QuorumConfig(long version, SortedSet<Long> voters, SortedSet<Long> observers) {

    /** Defensive copy and validation. */
    public QuorumConfig {
        voters = Collections.unmodifiableSortedSet(new TreeSet<>(voters));
        observers = Collections.unmodifiableSortedSet(new TreeSet<>(observers));
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one voter");
        }
        for (Long o : observers) {
            if (voters.contains(o)) {
                throw new IllegalArgumentException("server " + o + " is both voter and observer");
            }
        }
    }

    /** Builds a configuration. */
    public static QuorumConfig of(long version, Collection<Long> voters, Collection<Long> observers) {
        return new QuorumConfig(version, new TreeSet<>(voters), new TreeSet<>(observers));
    }

    /** Builds a configuration of voters only, version 0. */
    public static QuorumConfig ofVoters(Long... voters) {
        return of(0, Set.of(voters), Set.of());
    }

    /** Returns a copy with another version. */
    public QuorumConfig withVersion(long newVersion) {
        return new QuorumConfig(newVersion, voters, observers);
    }

    /** True iff the voters among {@code acks} form a strict majority of this configuration's voters. */
    public boolean isQuorum(Set<Long> acks) {
        int count = 0;
        for (Long v : voters) {
            if (acks.contains(v)) {
                count++;
            }
        }
        return count > voters.size() / 2;
    }

    /** True iff {@code id} is a voting member. */
    public boolean isVoter(long id) {
        return voters.contains(id);
    }

    /** True iff {@code id} is an observer. */
    public boolean isObserver(long id) {
        return observers.contains(id);
    }

    /** True iff {@code id} is a voter or an observer. */
    public boolean contains(long id) {
        return isVoter(id) || isObserver(id);
    }

    /** Voters and observers, sorted. */
    public SortedSet<Long> members() {
        TreeSet<Long> all = new TreeSet<>(voters);
        all.addAll(observers);
        return Collections.unmodifiableSortedSet(all);
    }

    /** True iff both configurations have the same members (version ignored). */
    public boolean sameMembers(QuorumConfig other) {
        return voters.equals(other.voters) && observers.equals(other.observers);
    }

    @Override
    public String toString() {
        return "v" + Zxid.toHex(version) + " voters=" + voters + " observers=" + observers;
    }
}
