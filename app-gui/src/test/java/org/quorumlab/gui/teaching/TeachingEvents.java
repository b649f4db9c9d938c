package org.quorumlab.gui.teaching;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.quorumlab.launcher.admin.ClusterEvent;

/** Event lines as the engine streams them, for reducer and replay tests. */
final class TeachingEvents {

    private TeachingEvents() {
    }

    static ClusterEvent ev(long ts, long server, String type, String fieldsJson) {
        try {
            return ClusterEvent.parse("{\"ts\":" + ts + ",\"server\":" + server + ",\"type\":\"" + type + "\""
                    + (fieldsJson.isEmpty() ? "" : "," + fieldsJson) + "}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClusterEvent sent(long ts, long from, long id, long to, String kind, String zxid, Long deliverTs) {
        return ev(ts, from, "MessageSent", "\"id\":" + id + ",\"to\":" + to + ",\"kind\":\"" + kind + "\""
                + (zxid == null ? "" : ",\"zxid\":\"" + zxid + "\"")
                + ",\"deliverTs\":" + (deliverTs == null ? "null" : deliverTs));
    }

    static ClusterEvent delivered(long ts, long from, long id, long to, String kind) {
        return ev(ts, from, "MessageDelivered", "\"id\":" + id + ",\"to\":" + to + ",\"kind\":\"" + kind + "\"");
    }

    static ClusterEvent hello(long ts, long server, String mode, long epoch, long leader) {
        return ev(ts, server, "Hello", "\"mode\":\"" + mode + "\",\"epoch\":" + epoch + ",\"leaderId\":" + leader
                + ",\"members\":[1,2,3]");
    }
}
