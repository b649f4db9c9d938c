package org.quorumlab.engine.consensus;

import java.util.List;

/**
 * Something the host must do on behalf of a {@link ZabNode}. The host executes actions in list order.
 * {@link PersistEpoch}, {@link Truncate}, {@link InstallSnapshot} and {@link ActivateConfig} must be
 * durable before any later action is executed (they first complete every earlier
 * {@link PersistEntries}, which the node then treats as durable without a callback).
 * {@link PersistEntries} may otherwise complete asynchronously: the host calls
 * {@link ZabNode#persisted(long)} once entries are durable, in order. Acknowledgements are only
 * sent for durable entries.
 */
public sealed interface Action permits Action.Send, Action.PersistEntries, Action.PersistEpoch,
        Action.Truncate, Action.InstallSnapshot, Action.Apply, Action.ActivateConfig, Action.RoleChanged,
        Action.HandleForwardedRequest, Action.SyncCompleted, Event {

    /** Send {@code message} to server {@code to}; may be lost. */
    record Send(long to, Message message) implements Action {
    }

    /** Append entries to the durable log, then call {@link ZabNode#persisted(long)}. */
    record PersistEntries(List<LogEntry> entries) implements Action {
        /** Copies the list. */
        public PersistEntries {
            entries = List.copyOf(entries);
        }

        /** Zxid of the last entry. */
        public long lastZxid() {
            return entries.get(entries.size() - 1).zxid();
        }
    }

    /** Durably record both epochs. */
    record PersistEpoch(long acceptedEpoch, long currentEpoch) implements Action {
    }

    /** Durably drop every log entry with a zxid greater than {@code afterZxid}. */
    record Truncate(long afterZxid) implements Action {
    }

    /** Replace application state and log with the snapshot taken at {@code zxid}. */
    record InstallSnapshot(long zxid, byte[] snapshot) implements Action {
    }

    /** Apply a committed entry to the application state; emitted in strictly increasing zxid order. */
    record Apply(LogEntry entry) implements Action {
        /** The entry's zxid. */
        public long zxid() {
            return entry.zxid();
        }
    }

    /** Durably record the active configuration (passed to the next {@link ZabNode} constructor). */
    record ActivateConfig(QuorumConfig config) implements Action {
    }

    /** This server now serves in {@code role} for {@code epoch} under {@code leaderId} (-1 if none). */
    record RoleChanged(ServerState role, long epoch, long leaderId) implements Action {
    }

    /** Leader only: a learner (or this server) forwarded a client request; prepare it and propose. */
    record HandleForwardedRequest(long fromServer, byte[] request) implements Action {
    }

    /** A {@link ZabNode#sync(long)} completed. */
    record SyncCompleted(long token) implements Action {
    }
}
