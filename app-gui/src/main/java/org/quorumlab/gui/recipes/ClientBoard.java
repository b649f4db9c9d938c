package org.quorumlab.gui.recipes;

import java.util.ArrayList;
import java.util.List;

/**
 * The scoreboard every simulated client writes to and the view reads. One monitor guards all of it,
 * so a snapshot is a consistent cut: a client leaves HOLDING before it releases the lock, the next
 * one enters HOLDING after it acquired, hence a snapshot can show two holders only if two clients
 * really believed they held the lock at the same time.
 *
 * <p>A "claim" is the exclusive thing of the recipe (the lock, the leadership); the board counts
 * how many clients claim it at once and the maximum ever observed.
 */
final class ClientBoard {

    static final String CONNECTING = "CONNECTING";
    static final String SUSPENDED = "SUSPENDED";
    static final String LOST = "LOST";
    static final String STOPPED = "STOPPED";

    private static final class Entry {
        String state = CONNECTING;
        String detail = "";
        String connection;
        String server = "";
        boolean claiming;
        boolean stopped;
        long grants;
        int troubles;
    }

    private final List<Entry> entries = new ArrayList<>();
    private int claims;
    private int maxClaims;
    private long grants;

    ClientBoard(int clients) {
        for (int i = 0; i < clients; i++) {
            entries.add(new Entry());
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Sets what client {@code index} is doing (its state while its connection is fine). */
    synchronized void show(int index, String state, String detail) {
        Entry e = entry(index);
        if (!e.stopped) {
            e.state = state;
            e.detail = detail;
        }
    }

    /** Records SUSPENDED/LOST, or {@code null} once the session is connected again. */
    synchronized void connection(int index, String connectionState) {
        Entry e = entry(index);
        if (connectionState != null && e.connection == null) {
            e.troubles++;
        }
        e.connection = connectionState;
    }

    /** The server ({@code host:port}) the client's session is connected to, "" when none. */
    synchronized void server(int index, String server) {
        entry(index).server = server;
    }

    synchronized String serverOf(int index) {
        return entry(index).server;
    }

    /** How often client {@code index} was granted the claim. */
    synchronized long grantsOf(int index) {
        return entry(index).grants;
    }

    /** How often client {@code index}'s session went SUSPENDED or LOST. */
    synchronized int troublesOf(int index) {
        return entry(index).troubles;
    }

    /** Client {@code index} now believes it holds the claim; counts it once. */
    synchronized void claim(int index, String state, String detail) {
        Entry e = entry(index);
        if (!e.claiming && !e.stopped) {
            e.claiming = true;
            e.grants++;
            claims++;
            grants++;
            maxClaims = Math.max(maxClaims, claims);
        }
        show(index, state, detail);
    }

    /** Client {@code index} no longer believes it holds the claim (idempotent). */
    synchronized void unclaim(int index, String state, String detail) {
        dropClaim(entry(index));
        show(index, state, detail);
    }

    /** Drops the claim without changing the shown state (e.g. when the session is suspended). */
    synchronized void dropClaim(int index) {
        dropClaim(entry(index));
    }

    private void dropClaim(Entry e) {
        if (e.claiming) {
            e.claiming = false;
            claims--;
        }
    }

    synchronized void stopped(int index) {
        Entry e = entry(index);
        dropClaim(e);
        e.state = STOPPED;
        e.connection = null;
        e.server = "";
        e.stopped = true;
    }

    synchronized boolean isStopped(int index) {
        return entry(index).stopped;
    }

    synchronized boolean isClaiming(int index) {
        return entry(index).claiming;
    }

    /** Clients claiming right now, by index. */
    synchronized List<Integer> claimants() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).claiming) {
                out.add(i + 1);
            }
        }
        return out;
    }

    synchronized int maxClaims() {
        return maxClaims;
    }

    synchronized long grants() {
        return grants;
    }

    /** Number of clients currently showing {@code state} (connection states win over role states). */
    synchronized long count(String state) {
        return snapshot().stream().filter(c -> c.state().equals(state)).count();
    }

    /** A consistent copy of every client. */
    synchronized List<SimulatedClient> snapshot() {
        List<SimulatedClient> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.connection != null && !e.stopped) {
                out.add(new SimulatedClient(i + 1, e.connection, "was " + e.state + "; " + e.detail));
            } else {
                out.add(new SimulatedClient(i + 1, e.state, e.detail));
            }
        }
        return List.copyOf(out);
    }

    private Entry entry(int index) {
        if (index < 1 || index > entries.size()) {
            throw new IllegalArgumentException("no client " + index + "; clients are 1.." + entries.size());
        }
        return entries.get(index - 1);
    }
}
