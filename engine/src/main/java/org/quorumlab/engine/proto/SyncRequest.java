package org.quorumlab.engine.proto;

/**
 * Body of sync.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SyncRequest}.
 */
public record SyncRequest(String path) implements JuteRecord {

    /** Reads one SyncRequest from {@code in}. */
    public static SyncRequest read(JuteInput in) {
        return new SyncRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
