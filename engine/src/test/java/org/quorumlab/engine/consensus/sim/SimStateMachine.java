package org.quorumlab.engine.consensus.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.StateSnapshotSource;

/**
 * Durable, deterministic application state of a simulated server: a versioned register plus a
 * hash chain over every applied (zxid, payload), so two replicas agree iff their chains agree.
 * Payloads of client operations are {@code "W|client|op|value"} (write) and
 * {@code "C|client|op|expectedVersion|value"} (compare-and-set); anything else is a no-op txn.
 */
public final class SimStateMachine implements StateSnapshotSource {
    /** Result of applying a client operation. */
    public record OpResult(String opKey, boolean ok, long value, long version) {
    }

    private long size;
    private long chain = 17;
    private long lastZxid;
    private long value;
    private long version;

    /** Number of applied entries. */
    public long size() {
        return size;
    }

    /** Hash chain over the applied sequence. */
    public long chain() {
        return chain;
    }

    /** Register value. */
    public long value() {
        return value;
    }

    /** Register version (number of successful writes). */
    public long version() {
        return version;
    }

    @Override
    public long lastAppliedZxid() {
        return lastZxid;
    }

    /** Chain step used by both replicas and the invariant checker. */
    public static long link(long chain, long zxid, byte[] payload) {
        return chain * 1_000_003L + zxid * 31 + Arrays.hashCode(payload);
    }

    /** Applies one committed entry; returns the client-visible result, or null for non-client txns. */
    public OpResult apply(LogEntry e) {
        byte[] payload = e.payload();
        chain = link(chain, e.zxid(), payload);
        size++;
        lastZxid = e.zxid();
        if (e.isReconfig()) {
            return null;
        }
        String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (f[0].equals("W")) {
            value = Long.parseLong(f[3]);
            version++;
            return new OpResult(f[1] + "|" + f[2], true, value, version);
        }
        if (f[0].equals("C")) {
            boolean ok = Long.parseLong(f[3]) == version;
            if (ok) {
                value = Long.parseLong(f[4]);
                version++;
            }
            return new OpResult(f[1] + "|" + f[2], ok, value, version);
        }
        return null;
    }

    @Override
    public byte[] snapshot() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeLong(size);
            out.writeLong(chain);
            out.writeLong(lastZxid);
            out.writeLong(value);
            out.writeLong(version);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bos.toByteArray();
    }

    /** Replaces the state with a snapshot taken by {@link #snapshot()}. */
    public void install(byte[] snap) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snap))) {
            size = in.readLong();
            chain = in.readLong();
            lastZxid = in.readLong();
            value = in.readLong();
            version = in.readLong();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Wipes the state (disk loss). */
    public void wipe() {
        install(new SimStateMachine().snapshot());
    }
}
