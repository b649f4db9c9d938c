package org.quorumlab.gui.cluster;

import java.util.List;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.ClusterRestart;
import org.quorumlab.launcher.MembershipChange;

/** {@link ClusterControl} over the bundled cluster's {@link ClusterLauncher}. */
public final class LauncherControl implements ClusterControl {

    private final ClusterLauncher launcher;

    public LauncherControl(ClusterLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public boolean stop(long id) {
        return launcher.stop(id);
    }

    @Override
    public boolean kill(long id) {
        return launcher.kill(id);
    }

    @Override
    public boolean start(long id) {
        return launcher.start(id);
    }

    @Override
    public void restart(long id) {
        launcher.restart(id);
    }

    @Override
    public MembershipChange addServer() {
        return launcher.addServer();
    }

    @Override
    public MembershipChange addObserver() {
        return launcher.addObserver();
    }

    @Override
    public MembershipChange removeServer(long id) {
        return launcher.removeServer(id);
    }

    @Override
    public ClusterRestart restartCluster() {
        return launcher.restartCluster(ClusterLauncher.DEFAULT_TIMEOUT);
    }

    @Override
    public List<Long> rollingRestart() {
        return launcher.rollingRestart();
    }
}
