package org.quorumlab.gui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.app.AppArgs;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ConnectionSpec;

class ConnectionStoreTest {

    @Test
    void savesAndReloadsConnectionsAsJson(@TempDir Path dir) throws Exception {
        ConnectionStore store = new ConnectionStore(dir.resolve("sub/connections.json"));
        ConnectionDialogViewModel vm = new ConnectionDialogViewModel(store, TaskExecutor.synchronous());
        assertThat(vm.saved()).isEmpty();
        vm.nameProperty().set("prod");
        vm.connectStringProperty().set("zk1:2181,zk2:2181,zk3:2181");
        vm.chrootProperty().set("/app");
        vm.digestAuthProperty().set("admin:pw");
        assertThat(vm.validate()).isNull();
        vm.saveCurrent();
        ConnectionDialogViewModel again = new ConnectionDialogViewModel(store, TaskExecutor.synchronous());
        assertThat(again.saved()).containsExactly(new ConnectionSpec("prod", "zk1:2181,zk2:2181,zk3:2181", "/app",
                "admin:pw", ConnectionSpec.DEFAULT_TIMEOUT_MS));
        assertThat(again.saved().get(0).clientConnectString()).isEqualTo("zk1:2181,zk2:2181,zk3:2181/app");
        vm.connectStringProperty().set("zk1:2181,bad host");
        assertThat(vm.validate()).contains("bad host");
        vm.connectStringProperty().set("zk1:2181");
        vm.digestAuthProperty().set("nocolon");
        assertThat(vm.validate()).contains("user:password");
    }

    @Test
    void parsesConnectStringsAndArguments() {
        ConnectionSpec s = ConnectionSpec.parse("a:1,b:2/chroot/x");
        assertThat(s.connectString()).isEqualTo("a:1,b:2");
        assertThat(s.chroot()).isEqualTo("/chroot/x");
        assertThat(AppArgs.parse(java.util.List.of("--bundled", "--dir", "/tmp/d")).dir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(AppArgs.parse(java.util.List.of("--connect", "h:1")).connect()).isEqualTo("h:1");
    }
}
