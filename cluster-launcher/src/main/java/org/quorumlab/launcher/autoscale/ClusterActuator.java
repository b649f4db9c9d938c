package org.quorumlab.launcher.autoscale;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.quorumlab.launcher.admin.AdminCredentials;

/**
 * What the {@link AutoScaler} needs from a cluster: observe its members, change membership one
 * server at a time. {@link LauncherActuator} adapts {@code ClusterLauncher}; tests use a fake.
 * Calls come from the auto-scaler's single thread; changes block until done and throw a
 * {@link RuntimeException} with a one-line message when refused or failed (e.g. it would lose quorum).
 */
public interface ClusterActuator {

    /** The voting members now. */
    List<MemberState> members();

    /** Adds a server with the next free id; blocks until it serves. */
    MembershipOutcome addServer();

    /** Removes member {@code id} through reconfig and stops it. */
    MembershipOutcome removeServer(long id);

    /** Address of member {@code id}'s admin HTTP server, if it has one (for {@link AdminMonitorLoadMeter}). */
    default Optional<InetSocketAddress> adminAddress(long id) {
        return Optional.empty();
    }

    /** The token the admin servers expect (the cluster's {@code admin.token}), or none. */
    default AdminCredentials adminCredentials() {
        return AdminCredentials.none();
    }

    /** Number of voting members. */
    default int size() {
        return members().size();
    }
}
