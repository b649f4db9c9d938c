package org.quorumlab.engine.tree;

import org.quorumlab.engine.proto.EventType;

/** A change notification for one path, stamped with the zxid that caused it. */
public record WatchEvent(EventType type, String path, long zxid) {
}
