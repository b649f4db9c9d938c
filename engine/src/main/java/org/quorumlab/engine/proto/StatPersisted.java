package org.quorumlab.engine.proto;

/**
 * Node metadata as the server stores it; {@code dataLength} and {@code numChildren} are derived, not
 * stored.
 *
 * <p>Jute {@code org.apache.zookeeper.data.StatPersisted}.
 */
public record StatPersisted(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        long pzxid) implements JuteRecord {

    /** Reads one StatPersisted from {@code in}. */
    public static StatPersisted read(JuteInput in) {
        return new StatPersisted(
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(czxid);
        out.writeLong(mzxid);
        out.writeLong(ctime);
        out.writeLong(mtime);
        out.writeInt(version);
        out.writeInt(cversion);
        out.writeInt(aversion);
        out.writeLong(ephemeralOwner);
        out.writeLong(pzxid);
    }
}
