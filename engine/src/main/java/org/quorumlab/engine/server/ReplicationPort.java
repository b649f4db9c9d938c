package org.quorumlab.engine.server;

import org.quorumlab.engine.tree.DataTree;

/**
 * What the replication host may ask of a server's request pipeline, and nothing more: the host
 * depends on this port, not on {@link RequestPipeline}, so the pipeline's internals can change
 * without touching replication. Apart from the two {@code execute} methods, every call is made on
 * the pipeline's owner thread.
 */
public interface ReplicationPort {

    /** Runs quorum work on the owner thread ahead of every queued client task; any thread. */
    void execute(Runnable task);

    /** {@link #execute} for a received quorum message, whose wait counts as quorum queue delay; any thread. */
    void executeQuorumMessage(Runnable task);

    /** Leader: a learner forwarded a client write (or its sessions' keep-alives). */
    void handleForwarded(Request request);

    /** This server started or stopped serving, as the leader or not. */
    void setServing(boolean serving, boolean leader);

    /** A leader is established and this server is in sync up to {@code lastLoggedZxid}. */
    void resumeWhenApplied(long lastLoggedZxid);

    /** A SNAP sync installed {@code tree}, replacing the applied one. */
    void replaceTree(DataTree tree);

    /** The dynamic configuration the applied tree holds at {@code /zookeeper/config} (empty if none). */
    byte[] appliedConfigData();
}
