package org.quorumlab.gui.teaching;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Teaching mode of a whole ensemble. Each node only controls its own outbound messages, so every
 * ensemble-wide call goes to every member; members that do not answer (down) are skipped, and a
 * call fails only when no member accepted it. All methods block; call them off the UI thread.
 */
public interface TeachingControl {

    /** Teaching settings, held messages and link faults of every member that answers. */
    List<MemberTeaching> read() throws IOException;

    /**
     * Sets the speed factor on every member: 1 = real time, up to 1000 (each message held
     * {@code (factor-1)*10} ms, the consensus clock {@code factor} times slower).
     *
     * @return how many members applied it
     * @throws IllegalArgumentException for a factor outside 1..1000
     */
    int setSpeed(int factor) throws IOException;

    /** Holds every outbound message on every member; how many applied it. */
    int pause() throws IOException;

    /** Leaves pause on every member; how many applied it. */
    int resume() throws IOException;

    /**
     * Delivers the globally oldest held message (smallest send time across members) now.
     *
     * @return the released message, or empty when no member holds anything
     */
    Optional<HeldMessage> step() throws IOException;

    /** Discards held message {@code key} on its sender; the receiver never sees it. */
    void drop(MessageKey key) throws IOException;

    /** Cuts ({@code cut}) or restores the link between {@code a} and {@code b}, both directions. */
    void cutLink(long a, long b, boolean cut) throws IOException;

    /** Removes every link fault on every member; how many healed. */
    int heal() throws IOException;
}
