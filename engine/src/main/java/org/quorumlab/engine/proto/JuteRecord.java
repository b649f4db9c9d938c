package org.quorumlab.engine.proto;

/**
 * A Jute record that can serialize itself. Each implementation also has a
 * {@code public static X read(JuteInput in)} that reads exactly the fields {@link #write} writes.
 */
public interface JuteRecord {

    /** Appends this record's fields, in Jute declaration order, to {@code out}. */
    void write(JuteOutput out);
}
