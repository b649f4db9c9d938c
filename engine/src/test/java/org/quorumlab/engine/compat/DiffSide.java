package org.quorumlab.engine.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.data.Stat;

/**
 * One server under differential test (real ZooKeeper or QuorumLab) with its client sessions, and
 * the normalisation that makes its answers comparable: session ids become slot labels and zxids
 * become relations (equalities within a stat, and "changed since this path was last observed").
 */
final class DiffSide implements AutoCloseable {

    /** Credentials per session slot: slot 0 is anonymous. */
    static final String[] DIGESTS = {null, "alice:pw", "bob:pw"};
    static final int SESSION_TIMEOUT_MS = 30_000;

    final String name;
    private final int port;
    private final List<ClientSession> sessions = new ArrayList<>();
    private final Map<Long, String> sessionLabels = new HashMap<>();
    private final Map<String, long[]> lastZxids = new HashMap<>();
    private final List<String> created = new ArrayList<>();
    private final List<String> closedEvents = new ArrayList<>();
    private int generation;

    DiffSide(String name, int port) throws Exception {
        this.name = name;
        this.port = port;
        for (int slot = 0; slot < DIGESTS.length; slot++) {
            sessions.add(null);
            reopen(slot);
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    ClientSession session(int slot) {
        return sessions.get(slot);
    }

    /** Closes the slot's session (its ephemerals go) and opens a fresh one with the same credentials. */
    void reopen(int slot) throws Exception {
        ClientSession old = sessions.get(slot);
        if (old != null) {
            old.close();
            closedEvents.addAll(old.abnormalStates().stream().map(String::valueOf).toList());
        }
        ClientSession s = ClientSession.open(port, SESSION_TIMEOUT_MS, DIGESTS[slot]);
        sessions.set(slot, s);
        sessionLabels.put(s.sessionId(), "S" + slot + "." + generation++);
    }

    /** Per slot: events delivered since the previous call, after a barrier on every session. */
    List<List<String>> drainEvents() throws InterruptedException {
        List<java.util.concurrent.CountDownLatch> barriers = new ArrayList<>();
        for (ClientSession s : sessions) {
            barriers.add(s.startBarrier());
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            ClientSession.await(barriers.get(i));
            out.add(sessions.get(i).drainEvents());
        }
        return out;
    }

    List<String> abnormalStates() {
        List<String> out = new ArrayList<>(closedEvents);
        sessions.forEach(s -> s.abnormalStates().forEach(st -> out.add(st.toString())));
        return out;
    }

    String owner(long ephemeralOwner) {
        if (ephemeralOwner == 0) {
            return "0";
        }
        String label = sessionLabels.get(ephemeralOwner);
        return label != null ? label : "0x" + Long.toHexString(ephemeralOwner);
    }

    /** A stat without absolute zxids/times; {@code path} keys the "changed since last seen" flags. */
    String stat(String path, Stat s) {
        if (s == null) {
            return "null";
        }
        long[] now = {s.getCzxid(), s.getMzxid(), s.getPzxid()};
        long[] before = path == null ? null : lastZxids.put(path, now);
        String changed = before == null ? "new"
                : (now[0] != before[0] ? "c" : "") + (now[1] != before[1] ? "m" : "") + (now[2] != before[2] ? "p" : "");
        return "{v=" + s.getVersion() + " cv=" + s.getCversion() + " av=" + s.getAversion()
                + " eo=" + owner(s.getEphemeralOwner()) + " len=" + s.getDataLength() + " nc=" + s.getNumChildren()
                + " c?m=" + Long.compare(s.getCzxid(), s.getMzxid()) + " c?p=" + Long.compare(s.getCzxid(), s.getPzxid())
                + " m?p=" + Long.compare(s.getMzxid(), s.getPzxid()) + " chg=" + changed
                + " ctime<=mtime=" + (s.getCtime() <= s.getMtime()) + "}";
    }

    void noteCreated(String path) {
        created.add(path);
    }

    List<String> takeCreated() {
        List<String> out = new ArrayList<>(created);
        created.clear();
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (ClientSession s : sessions) {
            if (s != null) {
                s.close();
            }
        }
    }
}
