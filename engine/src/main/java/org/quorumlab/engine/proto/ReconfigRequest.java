package org.quorumlab.engine.proto;

/**
 * Body of reconfig: incremental ({@code joiningServers}/{@code leavingServers}) or a full {@code
 * newMembers} list; {@code curConfigId} -1 skips the config version check.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ReconfigRequest}.
 */
public record ReconfigRequest(
        String joiningServers,
        String leavingServers,
        String newMembers,
        long curConfigId) implements JuteRecord {

    /** Reads one ReconfigRequest from {@code in}. */
    public static ReconfigRequest read(JuteInput in) {
        return new ReconfigRequest(
                in.readString(),
                in.readString(),
                in.readString(),
                in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(joiningServers);
        out.writeString(leavingServers);
        out.writeString(newMembers);
        out.writeLong(curConfigId);
    }
}
