package org.quorumlab.gui.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.common.TaskExecutor;

class CommandInterpreterTest extends ServerBackedTest {

    @Test
    void zkCliCommands() {
        CommandInterpreter c = new CommandInterpreter(session);
        assertThat(c.execute("create /cli 'hello world'")).isEqualTo("Created /cli");
        assertThat(c.execute("create /cli")).isEqualTo("Node already exists: /cli");
        assertThat(c.execute("get /cli")).isEqualTo("hello world");
        assertThat(c.execute("set /cli v2")).isEqualTo("version 1");
        assertThat(c.execute("set /cli v3 0")).isEqualTo("version No is not valid : /cli");
        assertThat(c.execute("get -s /cli")).startsWith("v2\n").contains("version = 1").contains("mzxid = 0x");
        assertThat(c.execute("create -s /cli/seq- x")).matches("Created /cli/seq-\\d{10}");
        assertThat(c.execute("create -e /cli/eph")).isEqualTo("Created /cli/eph");
        assertThat(c.execute("create -c /cli/box")).isEqualTo("Created /cli/box");
        assertThat(c.execute("create -t 5000 /cli/ttl")).isEqualTo("Created /cli/ttl");
        assertThat(c.execute("stat /cli/ttl")).contains("version = 0");
        assertThat(c.execute("stat /cli/eph")).contains("ephemeralOwner = 0x" + Long.toHexString(session.sessionId()));
        assertThat(c.execute("ls /cli")).startsWith("[box, eph, seq-").endsWith("ttl]");
        assertThat(c.execute("ls -R /cli")).contains("/cli\n/cli/box");
        assertThat(c.execute("ls -s /cli")).contains("numChildren = 4");
        assertThat(c.execute("delete /cli")).isEqualTo("Node not empty: /cli");
        assertThat(c.execute("getAcl /cli")).isEqualTo("'world,'anyone\n: cdrwa");
        assertThat(c.execute("setAcl -R /cli world:anyone:cdrw")).isEqualTo("ACL set on 5 node(s)");
        assertThat(c.execute("getAcl /cli/box")).endsWith(": cdrw");
        assertThat(c.execute("sync /cli")).isEqualTo("Sync is OK");
        assertThat(c.execute("whoami")).contains("ip");
        assertThat(c.execute("deleteall /cli")).isEqualTo("deleted 5 nodes");
        assertThat(c.execute("get /cli")).isEqualTo("Node does not exist: /cli");
        assertThat(c.execute("frobnicate")).startsWith("unknown command");
        assertThat(c.execute("get")).isEqualTo("usage: get [-s] path");
        assertThat(c.execute("history")).startsWith("0 - create /cli 'hello world'");
    }

    @Test
    void addWatchLogsEventsAndIsListedAsOwnWatch() {
        CommandInterpreter c = new CommandInterpreter(session);
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.bus().subscribe(r -> seen.add(r.type() + " " + r.path()));
        c.execute("create /watched");
        assertThat(c.execute("addWatch -m PERSISTENT_RECURSIVE /watched")).contains("PERSISTENT_RECURSIVE");
        assertThat(session.watches().all()).anyMatch(w -> w.path().equals("/watched") && w.origin().equals("console"));
        c.execute("create /watched/kid");
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("NodeCreated /watched/kid"));
    }

    @Test
    void consoleViewModelHistoryAndCompletion() {
        ConsoleViewModel vm = new ConsoleViewModel(session, TaskExecutor.synchronous());
        vm.inputProperty().set("create /complete-me-please");
        vm.submit();
        assertThat(vm.transcriptProperty().get()).contains("Created /complete-me-please");
        vm.inputProperty().set("ls /");
        vm.submit();
        vm.historyUp();
        assertThat(vm.inputProperty().get()).isEqualTo("ls /");
        vm.historyUp();
        assertThat(vm.inputProperty().get()).isEqualTo("create /complete-me-please");
        vm.historyDown();
        assertThat(vm.inputProperty().get()).isEqualTo("ls /");
        vm.historyDown();
        assertThat(vm.inputProperty().get()).isEmpty();
        vm.inputProperty().set("dele");
        vm.complete();
        assertThat(vm.inputProperty().get()).isEqualTo("delete");
        vm.inputProperty().set("get /complete-m");
        vm.complete();
        assertThat(vm.inputProperty().get()).isEqualTo("get /complete-me-please");
        vm.inputProperty().set("addW");
        vm.complete();
        assertThat(vm.inputProperty().get()).isEqualTo("addWatch ");
    }

    @Test
    void parsesQuotedWordsAndOptions() {
        CommandLine l = CommandLine.parse("create -e -t 100 /a \"b c\"", java.util.Set.of("t"));
        assertThat(l.command()).isEqualTo("create");
        assertThat(l.options()).containsEntry("e", "").containsEntry("t", "100");
        assertThat(l.args()).containsExactly("/a", "b c");
    }
}
