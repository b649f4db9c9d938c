package org.quorumlab.engine.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.ZooKeeperMain;
import org.apache.zookeeper.cli.CliCommand;
import org.apache.zookeeper.cli.CliWrapperException;
import org.apache.zookeeper.cli.CreateCommand;
import org.apache.zookeeper.cli.DeleteAllCommand;
import org.apache.zookeeper.cli.DeleteCommand;
import org.apache.zookeeper.cli.GetAclCommand;
import org.apache.zookeeper.cli.GetAllChildrenNumberCommand;
import org.apache.zookeeper.cli.GetCommand;
import org.apache.zookeeper.cli.GetEphemeralsCommand;
import org.apache.zookeeper.cli.LsCommand;
import org.apache.zookeeper.cli.SetCommand;
import org.apache.zookeeper.cli.StatCommand;
import org.apache.zookeeper.cli.SyncCommand;
import org.apache.zookeeper.cli.WhoAmICommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * zkCli (ZooKeeperMain and its 3.9 command classes) against QuorumLab, with the printed output checked. zkCli needs
 * commons-cli, which the zookeeper artifact declares {@code provided}; the engine pom adds it for tests.
 */
class CliCompatTest {

    /** zkCli's command classes by command name. */
    private static final class Commands {
        static final Map<String, Supplier<CliCommand>> BY_NAME = Map.ofEntries(
            Map.entry("create", CreateCommand::new), Map.entry("get", GetCommand::new),
            Map.entry("set", SetCommand::new), Map.entry("ls", LsCommand::new), Map.entry("stat", StatCommand::new),
            Map.entry("delete", DeleteCommand::new), Map.entry("deleteall", DeleteAllCommand::new),
            Map.entry("getAcl", GetAclCommand::new), Map.entry("sync", SyncCommand::new),
            Map.entry("getAllChildrenNumber", GetAllChildrenNumberCommand::new),
            Map.entry("getEphemerals", GetEphemeralsCommand::new), Map.entry("whoami", WhoAmICommand::new));
    }

    @TempDir
    static Path dir;
    static QuorumLabServer server;
    static ZooKeeper zk;

    @BeforeAll
    static void start() throws Exception {
        server = QuorumLabServer.start(ServerConfig.standalone(0, dir));
        zk = Zk.connect(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        zk.close();
        server.close();
    }

    /** Runs one zkCli line the way ZooKeeperMain does and returns what it printed. */
    private static String cli(String line) throws Exception {
        String[] args = line.split(" ");
        CliCommand cmd = Commands.BY_NAME.get(args[0]).get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cmd.setOut(new PrintStream(out, true, UTF_8));
        cmd.setErr(new PrintStream(out, true, UTF_8));
        cmd.setZk(zk);
        cmd.parse(args).exec();
        return out.toString(UTF_8);
    }

    @Test
    void basicCommandsPrintWhatZkCliPrints() throws Exception {
        assertThat(cli("create /x data")).isEqualTo("Created /x\n");
        assertThat(cli("get /x")).isEqualTo("data\n");
        assertThat(cli("ls /")).isEqualTo("[x, zookeeper]\n");
        assertThat(cli("stat /x")).contains("dataVersion = 0", "dataLength = 4", "numChildren = 0",
                "ephemeralOwner = 0x0");
        assertThat(cli("set /x y")).isEmpty();
        assertThat(cli("get -s /x")).startsWith("y\n").contains("dataVersion = 1", "dataLength = 1");
        assertThat(cli("getAcl /x")).isEqualTo("'world,'anyone\n: cdrwa\n");
        assertThat(cli("create -s /x/seq- a")).isEqualTo("Created /x/seq-0000000000\n");
        assertThat(cli("create -e /x/eph b")).isEqualTo("Created /x/eph\n");
        assertThat(cli("ls -s /x")).startsWith("[eph, seq-0000000000]\n").contains("numChildren = 2");
        assertThat(cli("getAllChildrenNumber /x")).isEqualTo("2\n");
        assertThat(cli("getEphemerals /x")).isEqualTo("[/x/eph]\n");
        assertThat(cli("whoami")).contains("ip: 127.0.0.1");
        assertThat(cli("sync /x")).contains("Sync is OK");
        assertThatThrownBy(() -> cli("delete /x")).isInstanceOf(CliWrapperException.class)
                .hasMessageContaining("Node not empty: /x");
        assertThatThrownBy(() -> cli("set /x z -v 7")).isInstanceOf(CliWrapperException.class)
                .hasMessageContaining("version No is not valid");
        assertThat(cli("deleteall /x")).isEmpty();
        assertThatThrownBy(() -> cli("get /x")).isInstanceOf(CliWrapperException.class)
                .hasMessageContaining("Node does not exist");
    }

    @Test
    void zooKeeperMainExecutesLines() throws Exception {
        ZooKeeperMain main = new ZooKeeperMain(zk);
        main.executeLine("create /main hello");
        main.executeLine("set /main world");
        main.executeLine("create /main/kid");
        main.executeLine("delete /main/kid");
        assertThat(zk.getData("/main", false, null)).isEqualTo("world".getBytes(UTF_8));
        assertThat(zk.getChildren("/main", false)).isEmpty();
        main.executeLine("delete /main");
        assertThat(zk.exists("/main", false)).isNull();
    }
}
