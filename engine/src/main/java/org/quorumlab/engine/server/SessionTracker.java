package org.quorumlab.engine.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Session liveness: when each session expires unless touched again. Expiry times are rounded up
 * to the tick, like ZooKeeper's ExpiryQueue, so expiry is checked in buckets. Time is passed in;
 * the tracker has no clock. Owned by the pipeline thread.
 */
public final class SessionTracker {

    /** ZooKeeper's constant, so any server can check a password minted by another. */
    private static final long PASSWORD_SECRET = 0XB3415C00L;

    private final long tickMs;
    private final Map<Long, Integer> timeouts = new HashMap<>();
    private final Map<Long, Long> expiryOf = new HashMap<>();
    private final TreeMap<Long, Set<Long>> buckets = new TreeMap<>();
    private final Set<Long> closing = new HashSet<>();
    private long nextSessionId;

    public SessionTracker(long serverId, long tickMs, long nowMs) {
        this.tickMs = tickMs;
        // ZooKeeper's layout: server id in the top byte, time-derived counter below.
        this.nextSessionId = ((nowMs << 24) >>> 8) | (serverId << 56);
    }

    public long newSessionId() {
        return nextSessionId++;
    }

    public static byte[] passwordFor(long sessionId) {
        byte[] pw = new byte[16];
        new Random(sessionId ^ PASSWORD_SECRET).nextBytes(pw);
        return pw;
    }

    public void add(long sessionId, int timeoutMs, long nowMs) {
        timeouts.put(sessionId, timeoutMs);
        closing.remove(sessionId);
        schedule(sessionId, nowMs);
    }

    public boolean isActive(long sessionId) {
        return timeouts.containsKey(sessionId) && !closing.contains(sessionId);
    }

    public Integer timeoutOf(long sessionId) {
        return timeouts.get(sessionId);
    }

    /** @return false if the session is unknown or closing */
    public boolean touch(long sessionId, long nowMs) {
        if (!isActive(sessionId)) {
            return false;
        }
        schedule(sessionId, nowMs);
        return true;
    }

    /** Renews every active session, as if each client had just been heard from. */
    public void touchAll(long nowMs) {
        for (Long id : List.copyOf(timeouts.keySet())) {
            touch(id, nowMs);
        }
    }

    private void schedule(long sessionId, long nowMs) {
        long expiry = roundUp(nowMs + timeouts.get(sessionId));
        Long old = expiryOf.put(sessionId, expiry);
        if (old != null && old == expiry) {
            return;
        }
        if (old != null) {
            Set<Long> b = buckets.get(old);
            if (b != null) {
                b.remove(sessionId);
                if (b.isEmpty()) {
                    buckets.remove(old);
                }
            }
        }
        buckets.computeIfAbsent(expiry, e -> new HashSet<>()).add(sessionId);
    }

    private long roundUp(long t) {
        return (t / tickMs + 1) * tickMs;
    }

    /** Sessions whose expiry time has passed; they are marked closing and not reported again. */
    public List<Long> expire(long nowMs) {
        List<Long> expired = new ArrayList<>();
        while (!buckets.isEmpty() && buckets.firstKey() <= nowMs) {
            for (Long id : buckets.pollFirstEntry().getValue()) {
                expiryOf.remove(id);
                if (closing.add(id)) {
                    expired.add(id);
                }
            }
        }
        return expired;
    }

    public void setClosing(long sessionId) {
        closing.add(sessionId);
    }

    public void remove(long sessionId) {
        timeouts.remove(sessionId);
        closing.remove(sessionId);
        Long expiry = expiryOf.remove(sessionId);
        if (expiry != null) {
            Set<Long> b = buckets.get(expiry);
            if (b != null) {
                b.remove(sessionId);
                if (b.isEmpty()) {
                    buckets.remove(expiry);
                }
            }
        }
    }

    /** Expiry time (ms) → sessions due then, copied; for dump and the admin views. */
    public java.util.SortedMap<Long, Set<Long>> expiryBuckets() {
        java.util.SortedMap<Long, Set<Long>> copy = new TreeMap<>();
        buckets.forEach((t, ids) -> copy.put(t, new java.util.TreeSet<>(ids)));
        return copy;
    }

    public Map<Long, Integer> sessions() {
        return Map.copyOf(timeouts);
    }

    public int size() {
        return timeouts.size();
    }
}
