package org.quorumlab.launcher.autoscale;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.MembershipChange;
import org.quorumlab.launcher.NodePorts;
import org.quorumlab.launcher.admin.AdminCredentials;

/** {@link ClusterActuator} over a {@link ClusterLauncher}'s public API (owned or attached). */
public final class LauncherActuator implements ClusterActuator {

    private final ClusterLauncher launcher;

    public LauncherActuator(ClusterLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public List<MemberState> members() {
        // the voters: observers are added by hand and are not the auto-scaler's to count or remove
        Set<Long> voters = launcher.voters();
        return launcher.status().stream().filter(s -> s.member() && voters.contains(s.id()))
                .map(s -> new MemberState(s.id(), s.serving(), "leader".equals(s.mode()))).toList();
    }

    @Override
    public MembershipOutcome addServer() {
        return outcome(launcher.addServer());
    }

    @Override
    public MembershipOutcome removeServer(long id) {
        return outcome(launcher.removeServer(id));
    }

    @Override
    public Optional<InetSocketAddress> adminAddress(long id) {
        NodePorts p;
        try {
            p = launcher.ports(id);
        } catch (LauncherException e) {
            return Optional.empty();
        }
        return p.admin() > 0 ? Optional.of(InetSocketAddress.createUnresolved(launcher.host(), p.admin()))
                : Optional.empty();
    }

    @Override
    public AdminCredentials adminCredentials() {
        return AdminCredentials.of(launcher);
    }

    private static MembershipOutcome outcome(MembershipChange c) {
        return new MembershipOutcome(c.serverId(), c.kind() == MembershipChange.Kind.ADDED, c.totalMillis(),
                "config 0x" + Long.toHexString(c.configZxid()) + ", reconfig " + c.reconfigMillis() + " ms");
    }
}
