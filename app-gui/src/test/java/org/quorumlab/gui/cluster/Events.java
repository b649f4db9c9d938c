package org.quorumlab.gui.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.quorumlab.launcher.admin.ClusterEvent;

/** Recorded event lines for ViewModel tests. */
final class Events {

    private Events() {
    }

    static ClusterEvent parse(String json) {
        try {
            return ClusterEvent.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClusterEvent ev(long ts, long server, String type, String fieldsJson) {
        return parse("{\"ts\":" + ts + ",\"server\":" + server + ",\"type\":\"" + type + "\""
                + (fieldsJson.isEmpty() ? "" : "," + fieldsJson) + "}");
    }

    /**
     * Leader 3 of epoch 4 dies at t0; nodes 1 and 2 elect node 2 in epoch 5 (as streamed by the
     * survivors), with 4 vote notifications received.
     */
    static java.util.List<ClusterEvent> electionAfterLeader3Dies(long t0) {
        return java.util.List.of(
                ev(t0 - 5000, 1, "Hello", "\"mode\":\"follower\",\"epoch\":4,\"leaderId\":3,\"members\":[1,2,3]"),
                ev(t0 - 5000, 2, "Hello", "\"mode\":\"follower\",\"epoch\":4,\"leaderId\":3,\"members\":[1,2,3]"),
                ev(t0, 1, "StateChanged", "\"from\":\"FOLLOWING\",\"to\":\"LOOKING\",\"reason\":\"no traffic from leader 3\""),
                ev(t0 + 1, 1, "RoleChanged", "\"role\":\"LOOKING\",\"epoch\":4,\"leaderId\":-1"),
                ev(t0 + 2, 1, "VoteSent", "\"vote\":{\"leaderId\":1,\"zxid\":\"0x400000007\",\"electionEpoch\":3,"
                        + "\"peerEpoch\":4,\"state\":\"LOOKING\"},\"recipients\":[2,3]"),
                ev(t0 + 20, 2, "StateChanged", "\"from\":\"FOLLOWING\",\"to\":\"LOOKING\",\"reason\":\"no traffic\""),
                ev(t0 + 21, 2, "VoteSent", "\"vote\":{\"leaderId\":2,\"zxid\":\"0x400000007\",\"electionEpoch\":3,"
                        + "\"peerEpoch\":4,\"state\":\"LOOKING\"},\"recipients\":[1,3]"),
                ev(t0 + 25, 1, "VoteReceived", "\"from\":2,\"vote\":{\"leaderId\":2}"),
                ev(t0 + 26, 2, "VoteReceived", "\"from\":1,\"vote\":{\"leaderId\":1}"),
                ev(t0 + 30, 1, "VoteReceived", "\"from\":2,\"vote\":{\"leaderId\":2}"),
                ev(t0 + 31, 2, "VoteReceived", "\"from\":1,\"vote\":{\"leaderId\":2}"),
                ev(t0 + 240, 2, "StateChanged", "\"from\":\"LOOKING\",\"to\":\"LEADING\",\"reason\":\"elected\""),
                ev(t0 + 241, 1, "StateChanged", "\"from\":\"LOOKING\",\"to\":\"FOLLOWING\",\"reason\":\"elected 2\""),
                ev(t0 + 250, 2, "NewEpoch", "\"epoch\":5"),
                ev(t0 + 255, 2, "SyncModeChosen", "\"peer\":1,\"mode\":\"DIFF\",\"peerLastZxid\":\"0x400000007\","
                        + "\"fromZxid\":\"0x400000007\""),
                ev(t0 + 300, 2, "LeaderEstablished", "\"epoch\":5,\"lastZxid\":\"0x500000000\""),
                ev(t0 + 305, 2, "RoleChanged", "\"role\":\"LEADING\",\"epoch\":5,\"leaderId\":2"),
                ev(t0 + 310, 1, "RoleChanged", "\"role\":\"FOLLOWING\",\"epoch\":5,\"leaderId\":2"));
    }
}
