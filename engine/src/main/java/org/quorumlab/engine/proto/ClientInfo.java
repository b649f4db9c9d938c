package org.quorumlab.engine.proto;

/**
 * One identity of the calling session, as listed by {@code whoAmI}.
 *
 * <p>Jute {@code org.apache.zookeeper.data.ClientInfo}.
 */
public record ClientInfo(String authScheme, String user) implements JuteRecord {

    /** Reads one ClientInfo from {@code in}. */
    public static ClientInfo read(JuteInput in) {
        return new ClientInfo(
                in.readString(),
                in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(authScheme);
        out.writeString(user);
    }
}
