package org.quorumlab.gui.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.data.NodeDetailViewModel;
import org.quorumlab.gui.service.FourLetterWords;
import org.quorumlab.gui.service.ZkSession;

class WatchesViewModelTest extends ServerBackedTest {

    @Test
    void logsFiredEventsListsOwnAndServerWatches() throws Exception {
        TestServer.create(session, "/w", "0");
        WatchesViewModel vm = new WatchesViewModel(session, TaskExecutor.synchronous());
        NodeDetailViewModel detail = new NodeDetailViewModel(session, TaskExecutor.synchronous());
        detail.load("/w");
        assertThat(vm.ownWatches()).anyMatch(w -> w.path().equals("/w") && w.kind().equals("data"));

        vm.refreshServerWatches();
        assertThat(vm.bySession()).contains(new FourLetterWords.ServerWatch("0x" + Long.toHexString(session.sessionId()), "/w"));
        assertThat(vm.byPath()).anyMatch(w -> w.path().equals("/w"));

        try (ZkSession other = server.session()) {
            other.client().setData("/w", "1".getBytes(), -1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !vm.events().isEmpty());
        assertThat(vm.events().get(0).type()).isEqualTo("NodeDataChanged");
        assertThat(vm.events().get(0).path()).isEqualTo("/w");
        assertThat(vm.events().get(0).sessionHex()).isEqualTo("0x" + Long.toHexString(session.sessionId()));
        vm.filterProperty().set("nomatch");
        assertThat(vm.filteredEvents()).isEmpty();
        vm.filterProperty().set("datachanged");
        assertThat(vm.filteredEvents()).isNotEmpty();
        vm.dispose();
    }

    @Test
    void parsesFourLetterWordListings() {
        assertThat(FourLetterWords.parseWchc("0x1\n\t/a\n\t/b\n0x2\n\t/a\n\n")).containsExactly(
                new FourLetterWords.ServerWatch("0x1", "/a"), new FourLetterWords.ServerWatch("0x1", "/b"),
                new FourLetterWords.ServerWatch("0x2", "/a"));
        assertThat(FourLetterWords.parseWchp("/a\n\t0x1\n\t0x2\n")).containsExactly(
                new FourLetterWords.ServerWatch("0x1", "/a"), new FourLetterWords.ServerWatch("0x2", "/a"));
    }
}
