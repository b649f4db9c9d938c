package org.quorumlab.engine.proto;

/**
 * Node metadata as returned to clients.
 *
 * <p>Jute {@code org.apache.zookeeper.data.Stat}.
 */
public record Stat(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        int dataLength,
        int numChildren,
        long pzxid) implements JuteRecord {

    /** Every field zero, like {@code new Stat()} in ZooKeeper. */
    public static final Stat EMPTY = new Stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Reads one Stat from {@code in}. */
    public static Stat read(JuteInput in) {
        return new Stat(
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readInt(),
                in.readInt(),
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
        out.writeInt(dataLength);
        out.writeInt(numChildren);
        out.writeLong(pzxid);
    }
}
