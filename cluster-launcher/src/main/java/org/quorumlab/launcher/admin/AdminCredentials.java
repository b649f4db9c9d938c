package org.quorumlab.launcher.admin;

import java.nio.file.Path;
import java.util.Optional;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.state.AdminTokenFile;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * The bearer token an {@link AdminHttpClient} sends, asked for every request so it can follow the
 * cluster a caller currently shows (the console switches clusters).
 */
@FunctionalInterface
public interface AdminCredentials {

    /** The token to send now, or empty to send none. */
    Optional<String> token();

    /** Sends no token: read-only endpoints on loopback only. */
    static AdminCredentials none() {
        return Optional::empty;
    }

    /** Always sends {@code token}. */
    static AdminCredentials bearer(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token is empty");
        }
        Optional<String> t = Optional.of(token.strip());
        return () -> t;
    }

    /** The token in {@code file} (e.g. a cluster's {@code admin.token}), read now. */
    static AdminCredentials fromFile(Path file) {
        return bearer(AdminTokenFile.read(file));
    }

    /** The token of {@code launcher}'s cluster (read once, by the launcher, on first use). */
    static AdminCredentials of(ClusterLauncher launcher) {
        return () -> Optional.of(launcher.adminToken());
    }

    /** The token of the launcher cluster in {@code dir}, read now. */
    static AdminCredentials ofClusterDir(Path dir) {
        return fromFile(new ClusterLayout(dir).adminTokenFile());
    }
}
