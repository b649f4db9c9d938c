package org.quorumlab.engine.admin;

import java.util.List;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.net.ClientServer;
import org.quorumlab.engine.replication.ZabHost;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.storage.GroupCommitStats;

/** What the admin surface reads from one server; implemented by the server assembly. Thread-safe. */
public interface NodeView {

    ServerConfig config();

    /** Bound client port. */
    int port();

    /** Bound TLS client port ({@code secureClientPort}), or -1 when there is none. */
    int securePort();

    /** leader / follower / observer / looking / standalone. */
    String mode();

    /** The ZAB host, or null for a standalone server. */
    ZabHost zab();

    RequestPipeline pipeline();

    ServerStats stats();

    /** Live client connections. */
    List<ClientServer.ConnectionInfo> connections();

    /** crst: reset per-connection counters. */
    void resetConnectionStats();

    /** Group-commit (fsync) counters of the transaction log. */
    GroupCommitStats logStats();
}
