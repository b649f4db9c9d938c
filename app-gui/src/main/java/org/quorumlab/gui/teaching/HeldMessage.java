package org.quorumlab.gui.teaching;

import java.util.Locale;

/**
 * A quorum message a node holds back in teaching mode.
 *
 * @param from      sending server
 * @param id        the sender's message id
 * @param to        receiving server
 * @param kind      message type in ZooKeeper's names ({@code VOTE}, {@code PROPOSAL}, {@code ACK}, ...)
 * @param zxid      the zxid it carries, or -1
 * @param sentTs    when it was sent (epoch ms)
 * @param deliverTs when it will be delivered (epoch ms), or -1 while it waits for a step or resume
 */
public record HeldMessage(long from, long id, long to, String kind, long zxid, long sentTs, long deliverTs) {

    public HeldMessage {
        kind = kind == null ? "?" : kind.toUpperCase(Locale.ROOT);
    }

    public MessageKey key() {
        return new MessageKey(from, id);
    }

    /** True while it only moves on a step, release or resume. */
    public boolean parked() {
        return deliverTs < 0;
    }

    /** The same message with another delivery time. */
    public HeldMessage deliverAt(long ts) {
        return new HeldMessage(from, id, to, kind, zxid, sentTs, ts);
    }

    /** How far along its link it is at {@code now}: 0 at the sender, 1 at the receiver; parked: 0.5. */
    public double progress(long now) {
        if (parked()) {
            return 0.5;
        }
        long span = deliverTs - sentTs;
        if (span <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, (now - sentTs) / (double) span));
    }

    /** {@code PROPOSAL 2→3 (#17)}. */
    public String describe() {
        return kind + " " + from + "\u2192" + to + " (#" + id + (zxid >= 0 ? ", zxid 0x" + Long.toHexString(zxid) : "")
                + ")";
    }
}
